import ReelCore

/// Writes pictures as sixel (DCS `ESC P q … ESC \`): a palette chosen for each picture by
/// `PaletteQuantizer`, then bands of six rows, each band one run of sixels per colour it uses,
/// run-length coded (`!n`).
///
/// Pixels are square (raster attributes `"1;1`), every pixel is painted, and the picture is
/// drawn at the cursor. Not thread-safe: it reuses its buffers from picture to picture.
final class SixelEncoder {
    /// Colour registers to use: 256 where the terminal allows (xterm as a VT340 starts with 16,
    /// and takes more when asked with XTSMGRAPHICS).
    var colours: Int

    private let quantizer = PaletteQuantizer()
    // Per band: each colour's sixels across the row, and the columns it spans.
    private var sixels: [UInt8] = []
    private var firstColumn = [Int](repeating: 0, count: 256)
    private var lastColumn = [Int](repeating: -1, count: 256)
    private var used: [Int] = []

    init(colours: Int = 256) {
        self.colours = colours
    }

    /// `image` as one sixel picture.
    func encode(_ image: RGBImage) -> [UInt8] {
        let width = image.width, height = image.height
        guard width > 0, height > 0 else { return [] }
        quantizer.quantize(image, colours: colours)
        var out: [UInt8] = []
        out.reserveCapacity(width * height / 2 + 4096)
        // P2 = 1: pixels not painted keep what is under them (there are none: every pixel is).
        out.append(contentsOf: "\u{1B}P0;1;0q\"1;1;\(width);\(height)".utf8)
        for (i, c) in quantizer.palette.enumerated() {
            out.append(UInt8(ascii: "#"))
            Self.appendDecimal(i, to: &out)
            out.append(contentsOf: ";2;".utf8)
            Self.appendDecimal((Int(c.r) * 100 + 127) / 255, to: &out)
            out.append(UInt8(ascii: ";"))
            Self.appendDecimal((Int(c.g) * 100 + 127) / 255, to: &out)
            out.append(UInt8(ascii: ";"))
            Self.appendDecimal((Int(c.b) * 100 + 127) / 255, to: &out)
        }
        if sixels.count < 256 * width { sixels = [UInt8](repeating: 0, count: 256 * width) }
        let indices = quantizer.indices
        indices.withUnsafeBufferPointer { index in
            sixels.withUnsafeMutableBufferPointer { sixels in
                var top = 0
                while top < height {
                    let rows = min(6, height - top)
                    used.removeAll(keepingCapacity: true)
                    for k in 0..<rows {
                        let row = (top + k) * width
                        let bit = UInt8(1 << k)
                        for x in 0..<width {
                            let c = Int(index[row + x])
                            if lastColumn[c] < 0 {
                                used.append(c)
                                firstColumn[c] = x
                                lastColumn[c] = x
                            } else {
                                firstColumn[c] = min(firstColumn[c], x)
                                lastColumn[c] = max(lastColumn[c], x)
                            }
                            sixels[c * width + x] |= bit
                        }
                    }
                    for (n, c) in used.enumerated() {
                        if n > 0 { out.append(UInt8(ascii: "$")) }
                        out.append(UInt8(ascii: "#"))
                        Self.appendDecimal(c, to: &out)
                        let base = c * width
                        let first = firstColumn[c], last = lastColumn[c]
                        if first > 0 { Self.appendRun(of: 0, count: first, to: &out) }
                        var x = first
                        while x <= last {
                            let value = sixels[base + x]
                            var end = x + 1
                            while end <= last && sixels[base + end] == value { end += 1 }
                            Self.appendRun(of: value, count: end - x, to: &out)
                            for i in x..<end { sixels[base + i] = 0 }
                            x = end
                        }
                        lastColumn[c] = -1
                    }
                    top += 6
                    // A graphics new line after the last band would move the cursor past the picture.
                    if top < height { out.append(UInt8(ascii: "-")) }
                }
            }
        }
        out.append(contentsOf: [0x1B, UInt8(ascii: "\\")])
        return out
    }

    /// `count` sixels of bits `value`: repeated when that is shorter than the sixels themselves.
    private static func appendRun(of value: UInt8, count: Int, to out: inout [UInt8]) {
        let character = 63 + value
        if count > 3 {
            out.append(UInt8(ascii: "!"))
            appendDecimal(count, to: &out)
            out.append(character)
        } else {
            for _ in 0..<count { out.append(character) }
        }
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(48 + UInt8(value % 10))
    }
}
