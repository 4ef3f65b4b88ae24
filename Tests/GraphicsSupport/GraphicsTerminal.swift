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

    public internal(set) var shown: [Shown] = []
    /// kitty images the terminal holds, by id, with their bytes (4 a pixel, as kitty keeps them).
    public internal(set) var liveKittyImages: [UInt32: Int] = [:]
    /// Every id a delete command named.
    public internal(set) var deletedKittyIDs: [UInt32] = []
    /// Commands that came through tmux's passthrough, and kitty commands that did not.
    public private(set) var passedThrough = 0
    /// The shared memory objects read (and unlinked), in order.
    public internal(set) var sharedMemoryRead: [String] = []
    public internal(set) var kittyCommandsOutsidePassthrough = 0
    var passthroughDepth = 0
    public internal(set) var errors: [String] = []
    /// The text cells, for kitty's placeholders.
    public private(set) var text: TextCells
    /// A cell's size in pixels, which a virtual placement's picture is fitted to.
    public let cell: (width: Int, height: Int)
    /// kitty images with a virtual placement (`U=1`): pixels as sent (3 or 4 channels) and the
    /// placement's columns and rows.
    var virtualImages: [UInt32: (width: Int, height: Int, channels: Int, data: [UInt8], columns: Int, rows: Int)] = [:]

    // A kitty transmission whose chunks are still arriving.
    var pendingKeys: [String: String]?
    var pendingPayload: [UInt8] = []

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

    // MARK: Helpers

    func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
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
