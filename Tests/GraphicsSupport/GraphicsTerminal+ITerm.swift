import ReelCore

/// iTerm2's inline images: OSC 1337 File= with a base64 PNG.
extension GraphicsTerminal {
    func osc(_ body: [UInt8]) {
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
}
