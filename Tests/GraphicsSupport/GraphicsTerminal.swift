import CZlib
#if canImport(Glibc)
import Glibc
#endif
import ReelCore

/// A terminal for tests that reads the three image protocols back into pixels, as kitty, xterm
/// and iTerm2 would: kitty's APC commands (chunked base64, zlib, `a=T`, `a=d`), sixel's DCS
/// (palette, raster attributes, repeats, bands) and iTerm2's OSC 1337 `File=` (base64 PNG).
///
/// Written from the protocols' descriptions, not from Reel's encoders, so that a bug in one is not
/// copied into the other. tmux's passthrough (`DCS tmux;`) is unwrapped and read. Text between
/// images goes to `text` (cursor position, foreground colour, characters with their combining
/// marks), where kitty's Unicode placeholders are read from (`placeholderPicture`); anything it
/// cannot read is recorded in `errors`. Not thread-safe.
public final class GraphicsTerminal {
    /// A picture the terminal was given, in the order given.
    public struct Shown {
        public enum Kind: Hashable { case kitty(id: UInt32), sixel, iterm }
        public var kind: Kind
        public var image: RGBImage
    }

    public private(set) var shown: [Shown] = []
    /// kitty images the terminal holds, by id, with their bytes (4 a pixel, as kitty keeps them).
    public private(set) var liveKittyImages: [UInt32: Int] = [:]
    /// Every id a delete command named.
    public private(set) var deletedKittyIDs: [UInt32] = []
    /// Commands that came through tmux's passthrough, and kitty commands that did not.
    public private(set) var passedThrough = 0
    /// The shared memory objects read (and unlinked), in order.
    public private(set) var sharedMemoryRead: [String] = []
    public private(set) var kittyCommandsOutsidePassthrough = 0
    private var passthroughDepth = 0
    public internal(set) var errors: [String] = []
    /// The text cells, for kitty's placeholders.
    public private(set) var text: TextCells
    /// A cell's size in pixels, which a virtual placement's picture is fitted to.
    public let cell: (width: Int, height: Int)
    /// kitty images with a virtual placement (`U=1`): pixels as sent (3 or 4 channels) and the
    /// placement's columns and rows.
    var virtualImages: [UInt32: (width: Int, height: Int, channels: Int, data: [UInt8], columns: Int, rows: Int)] = [:]

    // A kitty transmission whose chunks are still arriving.
    private var pendingKeys: [String: String]?
    private var pendingPayload: [UInt8] = []

    /// A terminal of `columns` × `rows` cells of `cell` pixels (the text is only kept when it
    /// has cells).
    public init(columns: Int = 0, rows: Int = 0, cell: (width: Int, height: Int) = (1, 1)) {
        text = TextCells(columns: columns, rows: rows)
        self.cell = cell
    }

    /// Reads `bytes` (any number of commands, in any pieces that end between commands).
    public func feed(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B, i + 1 < bytes.count else {
                var end = i
                while end < bytes.count, bytes[end] != 0x1B { end += 1 }
                text.write(bytes[i..<end])
                i = end == i ? i + 1 : end
                continue
            }
            let kind = bytes[i + 1]
            switch kind {
            case UInt8(ascii: "["):
                var end = i + 2
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                guard end < bytes.count else {
                    errors.append("unterminated CSI at \(i)")
                    return
                }
                text.control(parameters: Array(bytes[(i + 2)..<end]), final: bytes[end])
                i = end + 1
            case UInt8(ascii: "P") where bytes[(i + 2)...].starts(with: Array("tmux;".utf8)):
                // tmux's passthrough: ESC doubled inside, up to the first single ESC \.
                var inner: [UInt8] = []
                var j = i + 7
                while j + 1 < bytes.count, !(bytes[j] == 0x1B && bytes[j + 1] == UInt8(ascii: "\\")) {
                    if bytes[j] == 0x1B {
                        guard bytes[j + 1] == 0x1B else {
                            errors.append("single ESC inside tmux's passthrough at \(j)")
                            return
                        }
                        j += 1
                    }
                    inner.append(bytes[j])
                    j += 1
                }
                guard j + 1 < bytes.count else {
                    errors.append("unterminated passthrough at \(i)")
                    return
                }
                passedThrough += 1
                passthroughDepth += 1
                feed(inner)
                passthroughDepth -= 1
                i = j + 2
            case UInt8(ascii: "_"), UInt8(ascii: "P"):
                // APC or DCS, up to ST (ESC \).
                guard let end = find([0x1B, UInt8(ascii: "\\")], in: bytes, from: i + 2) else {
                    errors.append("unterminated \(kind == UInt8(ascii: "_") ? "APC" : "DCS") at \(i)")
                    return
                }
                let body = Array(bytes[(i + 2)..<end])
                if kind == UInt8(ascii: "_") { kitty(body) } else { dcs(body) }
                i = end + 2
            case UInt8(ascii: "]"):
                // OSC, up to BEL or ST.
                var end = i + 2
                while end < bytes.count, bytes[end] != 0x07, !(bytes[end] == 0x1B && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\\")) {
                    end += 1
                }
                guard end < bytes.count else {
                    errors.append("unterminated OSC at \(i)")
                    return
                }
                osc(Array(bytes[(i + 2)..<end]))
                i = end + (bytes[end] == 0x07 ? 1 : 2)
            case UInt8(ascii: "("), UInt8(ascii: ")"):
                // A character set designated: ESC ( B.
                i += 3
            default:
                i += 2
            }
        }
    }

    // MARK: kitty

    private func kitty(_ body: [UInt8]) {
        guard body.first == UInt8(ascii: "G") else {
            errors.append("APC that is not a kitty command")
            return
        }
        if passthroughDepth == 0 { kittyCommandsOutsidePassthrough += 1 }
        let text = body.dropFirst()
        let semicolon = text.firstIndex(of: UInt8(ascii: ";"))
        let control = String(decoding: text[text.startIndex..<(semicolon ?? text.endIndex)], as: UTF8.self)
        let payload = semicolon.map { Array(text[($0 + 1)...]) } ?? []
        var keys: [String: String] = [:]
        for pair in control.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                errors.append("kitty key without a value: \(pair)")
                continue
            }
            keys[String(parts[0])] = String(parts[1])
        }
        if var first = pendingKeys {
            // A continuation chunk carries only m (and q).
            if keys.keys.contains(where: { $0 != "m" && $0 != "q" }) { errors.append("continuation chunk with keys \(control)") }
            if payload.count > 4096 { errors.append("chunk of \(payload.count) bytes") }
            pendingPayload += payload
            if keys["m"] == "1" { return }
            first["m"] = "0"
            pendingKeys = nil
            transmit(first, payload: pendingPayload)
            return
        }
        switch keys["a"] ?? "t" {
        case "d":
            guard let id = keys["i"].flatMap(UInt32.init) else {
                if keys["d"] == "A" || keys["d"] == "a" {
                    deletedKittyIDs += liveKittyImages.keys
                    liveKittyImages = [:]
                    virtualImages = [:]
                } else {
                    errors.append("delete without an id: \(control)")
                }
                return
            }
            deletedKittyIDs.append(id)
            liveKittyImages[id] = nil
            virtualImages[id] = nil
        case "T", "t":
            if payload.count > 4096 { errors.append("chunk of \(payload.count) bytes") }
            if keys["m"] == "1" {
                pendingKeys = keys
                pendingPayload = payload
                return
            }
            transmit(keys, payload: payload)
        case "q":
            break
        default:
            errors.append("kitty action \(keys["a"] ?? "")")
        }
    }

    private func transmit(_ keys: [String: String], payload: [UInt8]) {
        guard var data = Self.base64Decode(payload) else {
            errors.append("kitty payload is not base64")
            return
        }
        if keys["t"] == "s" {
            // The payload names a shared memory object: read it, then unlink it, as kitty does.
            let name = String(decoding: data, as: UTF8.self)
            guard let bytes = Self.readSharedMemory(name) else {
                errors.append("kitty shared memory \(name) cannot be read")
                return
            }
            if let size = keys["S"].flatMap(Int.init), size != bytes.count {
                errors.append("kitty shared memory \(name) holds \(bytes.count) bytes, S=\(size)")
            }
            sharedMemoryRead.append(name)
            data = bytes
        }
        guard let width = keys["s"].flatMap(Int.init), let height = keys["v"].flatMap(Int.init), width > 0, height > 0 else {
            errors.append("kitty image without s and v")
            return
        }
        let format = keys["f"] ?? "32"
        let channels = format == "24" ? 3 : 4
        if keys["o"] == "z" {
            guard let inflated = Self.inflate(data, expected: width * height * channels) else {
                errors.append("kitty payload does not inflate")
                return
            }
            data = inflated
        }
        guard format == "24" || format == "32", data.count == width * height * channels else {
            errors.append("kitty image f=\(format) \(width)x\(height) with \(data.count) bytes")
            return
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for p in 0..<(width * height) {
            for c in 0..<3 { rgb[p * 3 + c] = data[p * channels + c] }
        }
        let id = keys["i"].flatMap(UInt32.init) ?? 0
        liveKittyImages[id] = width * height * 4
        virtualImages[id] = nil
        if keys["U"] == "1" {
            guard let columns = keys["c"].flatMap(Int.init), let rows = keys["r"].flatMap(Int.init), columns > 0, rows > 0 else {
                errors.append("virtual placement without c and r")
                return
            }
            // kitty would scale a picture that is not its cells' size; Reel's never needs it.
            if width != columns * cell.width || height != rows * cell.height {
                errors.append("virtual placement of \(width)x\(height) over \(columns)x\(rows) cells of \(cell.width)x\(cell.height)")
            }
            virtualImages[id] = (width, height, channels, data, columns, rows)
        }
        shown.append(Shown(kind: .kitty(id: id), image: RGBImage(width: width, height: height, pixels: rgb)))
    }

    // MARK: sixel

    private func dcs(_ body: [UInt8]) {
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

    // MARK: iTerm2

    private func osc(_ body: [UInt8]) {
        let prefix = Array("1337;File=".utf8)
        guard body.starts(with: prefix), let colon = body.firstIndex(of: UInt8(ascii: ":")) else { return }
        let arguments = String(decoding: body[prefix.count..<colon], as: UTF8.self)
        guard arguments.split(separator: ";").contains("inline=1") else {
            errors.append("iTerm2 file that is not inline")
            return
        }
        guard let png = Self.base64Decode(Array(body[(colon + 1)...])) else {
            errors.append("iTerm2 payload is not base64")
            return
        }
        do {
            let rgba = try PNGDecoder.decode(bytes: png, path: "iTerm2 image")
            var rgb = [UInt8](repeating: 0, count: rgba.width * rgba.height * 3)
            for p in 0..<(rgba.width * rgba.height) {
                for c in 0..<3 { rgb[p * 3 + c] = rgba.pixels[p * 4 + c] }
            }
            shown.append(Shown(kind: .iterm, image: RGBImage(width: rgba.width, height: rgba.height, pixels: rgb)))
        } catch {
            errors.append("iTerm2 payload is not a PNG: \(error)")
        }
    }

    // MARK: Helpers

    private func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// RFC 4648 base64, padding required.
    static func base64Decode(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt32? {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(c - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"): return 62
            case UInt8(ascii: "/"): return 63
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var i = 0
        while i < text.count {
            let padding = (text[i + 2] == UInt8(ascii: "=") ? 1 : 0) + (text[i + 3] == UInt8(ascii: "=") ? 1 : 0)
            guard padding == 0 || i + 4 == text.count else { return nil }
            guard let a = value(text[i]), let b = value(text[i + 1]) else { return nil }
            let c = padding >= 2 ? 0 : value(text[i + 2]), d = padding >= 1 ? 0 : value(text[i + 3])
            guard let c, let d else { return nil }
            let v = a << 18 | b << 12 | c << 6 | d
            out.append(UInt8(v >> 16))
            if padding < 2 { out.append(UInt8(v >> 8 & 0xFF)) }
            if padding < 1 { out.append(UInt8(v & 0xFF)) }
            i += 4
        }
        return out
    }

    /// The bytes of shared memory object `name`, which is then unlinked; nil when it is not there.
    public static func readSharedMemory(_ name: String) -> [UInt8]? {
        let fd = shm_open(name, O_RDONLY, 0)
        guard fd >= 0 else { return nil }
        defer {
            close(fd)
            shm_unlink(name)
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count == bytes.count ? bytes : nil
    }

    /// A zlib stream inflated, when it holds exactly `expected` bytes.
    static func inflate(_ data: [UInt8], expected: Int) -> [UInt8]? {
        var size = uLongf(expected)
        var out = [UInt8](repeating: 0, count: expected)
        let status = out.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { i in uncompress(o.baseAddress, &size, i.baseAddress, uLong(data.count)) }
        }
        return status == Z_OK && Int(size) == expected ? out : nil
    }
}

/// How close two pictures of one size are: peak signal-to-noise ratio over the RGB channels, in
/// dB (infinite when they are equal; nil when their sizes differ).
public func psnr(_ a: RGBImage, _ b: RGBImage) -> Double? {
    guard a.width == b.width, a.height == b.height, !a.pixels.isEmpty else { return nil }
    var sum = 0.0
    for i in 0..<a.pixels.count {
        let d = Double(a.pixels[i]) - Double(b.pixels[i])
        sum += d * d
    }
    let mse = sum / Double(a.pixels.count)
    return mse == 0 ? .infinity : 10 * (log10(255 * 255 / mse))
}

/// `image` scaled to `width` × `height` by averaging the source pixels each target pixel covers
/// (whole pixels, as a box filter): the reference the protocols' pictures are compared with,
/// written apart from Reel's own scaler.
public func boxScaled(_ image: RGBImage, width: Int, height: Int) -> RGBImage {
    var out = [UInt8](repeating: 0, count: width * height * 3)
    for ty in 0..<height {
        let y0 = ty * image.height / height, y1 = max(y0 + 1, (ty + 1) * image.height / height)
        for tx in 0..<width {
            let x0 = tx * image.width / width, x1 = max(x0 + 1, (tx + 1) * image.width / width)
            var sums = [0, 0, 0]
            for y in y0..<y1 {
                for x in x0..<x1 {
                    for c in 0..<3 { sums[c] += Int(image.pixels[(y * image.width + x) * 3 + c]) }
                }
            }
            let n = (y1 - y0) * (x1 - x0)
            for c in 0..<3 { out[(ty * width + tx) * 3 + c] = UInt8((sums[c] + n / 2) / n) }
        }
    }
    return RGBImage(width: width, height: height, pixels: out)
}
