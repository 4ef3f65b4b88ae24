import ReelCore

/// DEC sixel: palette, raster attributes, repeats, bands.
extension GraphicsTerminal {
    func dcs(_ body: [UInt8]) {
        guard let q = body.firstIndex(of: UInt8(ascii: "q")), body[..<q].allSatisfy({ (0x30...0x3B).contains($0) }) else {
            errors.append("DCS that is not sixel")
            return
        }
        var palette = [(UInt8, UInt8, UInt8)](repeating: (0, 0, 0), count: 1024)
        var width = 0, height = 0
        var pixels: [UInt8] = []
        func grow(toWidth w: Int, height h: Int) {
            guard w > width || h > height else { return }
            let nw = max(w, width), nh = max(h, height)
            var next = [UInt8](repeating: 0, count: nw * nh * 3)
            for y in 0..<height {
                for x in 0..<width {
                    for c in 0..<3 { next[(y * nw + x) * 3 + c] = pixels[(y * width + x) * 3 + c] }
                }
            }
            pixels = next
            width = nw
            height = nh
        }
        var i = q + 1
        var x = 0, band = 0, colour = 0
        func number() -> Int {
            var value = 0
            while i < body.count, (0x30...0x39).contains(body[i]) {
                value = value * 10 + Int(body[i] - 0x30)
                i += 1
            }
            return value
        }
        func numbers() -> [Int] {
            var values = [number()]
            while i < body.count, body[i] == UInt8(ascii: ";") {
                i += 1
                values.append(number())
            }
            return values
        }
        func paint(_ character: UInt8, count: Int) {
            let bits = Int(character) - 63
            // The picture is as tall as its lowest painted row (or its raster attributes).
            if bits != 0 { grow(toWidth: x + count, height: band * 6 + (Int.bitWidth - bits.leadingZeroBitCount)) }
            for k in 0..<6 where bits >> k & 1 == 1 {
                let y = band * 6 + k
                for dx in 0..<count {
                    let p = (y * width + x + dx) * 3
                    pixels[p] = palette[colour].0
                    pixels[p + 1] = palette[colour].1
                    pixels[p + 2] = palette[colour].2
                }
            }
            x += count
        }
        while i < body.count {
            let byte = body[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                let values = numbers()
                if values.count >= 4 { grow(toWidth: values[2], height: values[3]) }
                if values.count >= 2, values[0] != values[1] { errors.append("sixel pixels are not square: \(values)") }
            case UInt8(ascii: "#"):
                i += 1
                let values = numbers()
                colour = min(1023, values[0])
                if values.count >= 5 {
                    guard values[1] == 2 else {
                        errors.append("sixel colour space \(values[1])")
                        continue
                    }
                    func level(_ percent: Int) -> UInt8 { UInt8((min(100, percent) * 255 + 50) / 100) }
                    palette[colour] = (level(values[2]), level(values[3]), level(values[4]))
                }
            case UInt8(ascii: "!"):
                i += 1
                let count = number()
                guard i < body.count, (63...126).contains(body[i]) else {
                    errors.append("sixel repeat without a sixel")
                    return
                }
                paint(body[i], count: count)
                i += 1
            case UInt8(ascii: "$"):
                x = 0
                i += 1
            case UInt8(ascii: "-"):
                x = 0
                band += 1
                i += 1
            case 63...126:
                paint(byte, count: 1)
                i += 1
            default:
                errors.append("sixel byte \(byte)")
                i += 1
            }
        }
        shown.append(Shown(kind: .sixel, image: RGBImage(width: width, height: height, pixels: pixels)))
    }
}
