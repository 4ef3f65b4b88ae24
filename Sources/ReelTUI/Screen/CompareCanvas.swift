import ReelCore

/// How an A/B compare shares the viewer (as RV's and mrv2's compare modes).
public enum CompareMode: String, CaseIterable, Equatable, Sendable {
    /// A left of a vertical divider, B right of it; the mouse moves the divider.
    case wipe
    /// A in the left half, B in the right, each fitted to its half.
    case sideBySide = "side-by-side"
    /// A or B, one at a time; a key (or a click) flips between them.
    case toggle

    /// The next mode (`A` cycles them, then the compare ends).
    var next: CompareMode? {
        switch self {
        case .wipe: return .sideBySide
        case .sideBySide: return .toggle
        case .toggle: return nil
        }
    }
}

/// Puts A's and B's pictures into the one picture the viewer shows, for every back end alike
/// (cells, sixel, kitty): a wipe cuts both at the divider, side by side sets them next to each
/// other, a toggle shows one. A side with no picture (B has no such frame, or it is missing,
/// failed or still decoding) is hatched, so it is never mistaken for black footage.
///
/// Pure functions on values.
enum CompareCanvas {
    /// The divider's colour: white, as RV draws its wipe.
    static let dividerColour: (UInt8, UInt8, UInt8) = (255, 255, 255)

    /// The picture for `mode`: `a` and `b` as fitted into their boxes (the whole `box`, or half
    /// of it side by side); the wipe's divider at box pixel `dividerX`, `dividerWidth` pixels
    /// wide; the toggle shows B when `showsB`.
    static func compose(_ mode: CompareMode, a: RGBImage?, b: RGBImage?, box: FrameSize, dividerX: Int,
                        dividerWidth: Int = 1, showsB: Bool) -> RGBImage {
        let fallback = a ?? b
        let shape = (width: max(1, fallback?.width ?? box.width), height: max(1, fallback?.height ?? box.height))
        switch mode {
        case .toggle:
            return (showsB ? b : a) ?? hatch(width: shape.width, height: shape.height)
        case .sideBySide:
            let half = max(1, box.width / 2)
            let left = a ?? hatch(width: min(half, shape.width), height: shape.height)
            let right = b ?? hatch(width: min(half, shape.width), height: shape.height)
            let height = max(left.height, right.height)
            var canvas = [UInt8](repeating: 0, count: box.width * height * 3)
            paste(left, into: &canvas, width: box.width, x: (half - left.width) / 2, y: (height - left.height) / 2, columns: 0..<half)
            paste(right, into: &canvas, width: box.width, x: half + (box.width - half - right.width) / 2,
                  y: (height - right.height) / 2, columns: half..<box.width)
            return RGBImage(width: box.width, height: height, pixels: canvas)
        case .wipe:
            let left = a ?? hatch(width: shape.width, height: shape.height)
            let right = b ?? hatch(width: shape.width, height: shape.height)
            let width = max(left.width, right.width), height = max(left.height, right.height)
            // The divider is where the viewer has it; the canvas is centred in the box.
            let cut = min(max(0, dividerX - (box.width - width) / 2), width)
            var canvas = [UInt8](repeating: 0, count: width * height * 3)
            paste(left, into: &canvas, width: width, x: (width - left.width) / 2, y: (height - left.height) / 2, columns: 0..<cut)
            paste(right, into: &canvas, width: width, x: (width - right.width) / 2, y: (height - right.height) / 2,
                  columns: cut..<width)
            let start = max(0, min(cut - dividerWidth / 2, width - dividerWidth))
            let line = start..<min(width, start + dividerWidth)
            for y in 0..<height {
                for x in line {
                    let i = (y * width + x) * 3
                    (canvas[i], canvas[i + 1], canvas[i + 2]) = dividerColour
                }
            }
            return RGBImage(width: width, height: height, pixels: canvas)
        }
    }

    /// Copies the pixels of `image`, placed at (`x`, `y`) of a canvas `width` pixels wide, that
    /// fall in `columns` of the canvas.
    private static func paste(_ image: RGBImage, into canvas: inout [UInt8], width: Int, x: Int, y: Int, columns: Range<Int>) {
        let from = max(columns.lowerBound, x, 0), to = min(columns.upperBound, x + image.width, width)
        guard from < to else { return }
        let height = canvas.count / max(1, width * 3)
        image.pixels.withUnsafeBufferPointer { source in
            canvas.withUnsafeMutableBufferPointer { out in
                for row in max(0, y)..<min(height, y + image.height) {
                    let sourceStart = ((row - y) * image.width + (from - x)) * 3
                    let outStart = (row * width + from) * 3
                    for k in 0..<(to - from) * 3 { out[outStart + k] = source[sourceStart + k] }
                }
            }
        }
    }

    /// Grey diagonal stripes: a side with no picture.
    static func hatch(width: Int, height: Int) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let value: UInt8 = (x + y) / 4 % 2 == 0 ? 64 : 32
                let i = (y * width + x) * 3
                (pixels[i], pixels[i + 1], pixels[i + 2]) = (value, value, value)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
