/// Scales pictures by area averaging: each output pixel is the mean of the source area it covers,
/// weighted by how much of each source pixel falls inside it (a box filter with exact coverage).
///
/// Stateless; safe from any thread. Alpha is premultiplied while averaging and composited over a
/// background colour at the end, so transparent edges do not darken or bleed.
public enum AreaScaler {
    /// The largest size with the source's aspect ratio that fits in `maxWidth` × `maxHeight`
    /// (never 0 in either direction while the box is not empty).
    public static func fit(width: Int, height: Int, maxWidth: Int, maxHeight: Int) -> (width: Int, height: Int) {
        guard width > 0, height > 0, maxWidth > 0, maxHeight > 0 else { return (0, 0) }
        let scale = min(Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
        let w = min(maxWidth, max(1, Int((Double(width) * scale).rounded())))
        let h = min(maxHeight, max(1, Int((Double(height) * scale).rounded())))
        return (w, h)
    }

    /// `image` scaled to `width` × `height`, composited over `background`.
    public static func scale(
        _ image: RGBAImage, width: Int, height: Int,
        background: (r: UInt8, g: UInt8, b: UInt8) = (0, 0, 0)
    ) -> RGBImage {
        var scratch = Scratch()
        return image.pixels.withUnsafeBufferPointer { pixels in
            scale(pixels, width: image.width, height: image.height, to: width, height,
                  background: background, scratch: &scratch)
        }
    }

    /// Working buffers kept between calls: the horizontal pass and the last spans computed.
    public struct Scratch {
        var horizontal: [Float] = []
        var columns: (source: Int, target: Int, spans: [[Tap]]) = (0, 0, [])
        var rows: (source: Int, target: Int, spans: [[Tap]]) = (0, 0, [])

        public init() {}

        var byteCount: Int { horizontal.capacity * MemoryLayout<Float>.stride }

        mutating func spans(columns source: Int, _ target: Int) -> [[Tap]] {
            if columns.source != source || columns.target != target {
                columns = (source, target, AreaScaler.spans(source: source, target: target))
            }
            return columns.spans
        }

        mutating func spans(rows source: Int, _ target: Int) -> [[Tap]] {
            if rows.source != source || rows.target != target {
                rows = (source, target, AreaScaler.spans(source: source, target: target))
            }
            return rows.spans
        }
    }

    /// RGBA `pixels` of `sourceWidth` × `sourceHeight` scaled to `width` × `height` and
    /// composited over `background`, reusing `scratch`'s buffers.
    static func scale(
        _ pixels: UnsafeBufferPointer<UInt8>, width sourceWidth: Int, height sourceHeight: Int,
        to width: Int, _ height: Int, background: (r: UInt8, g: UInt8, b: UInt8) = (0, 0, 0),
        scratch: inout Scratch
    ) -> RGBImage {
        guard width > 0, height > 0, sourceWidth > 0, sourceHeight > 0 else {
            return RGBImage(width: max(width, 0), height: max(height, 0),
                            pixels: [UInt8](repeating: 0, count: max(width, 0) * max(height, 0) * 3))
        }
        let columns = scratch.spans(columns: sourceWidth, width)
        let rows = scratch.spans(rows: sourceHeight, height)
        // Horizontal pass: every source row to `width` premultiplied RGBA floats.
        let horizontalCount = sourceHeight * width * 4
        if scratch.horizontal.count < horizontalCount {
            scratch.horizontal = [Float](repeating: 0, count: horizontalCount)
        }
        scratch.horizontal.withUnsafeMutableBufferPointer { dst in
            for y in 0..<sourceHeight {
                let srcRow = y * sourceWidth * 4
                let dstRow = y * width * 4
                for x in 0..<width {
                    var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                    for tap in columns[x] {
                        let i = srcRow + tap.index * 4
                        let alpha = Float(pixels[i + 3]) * tap.weight
                        r += Float(pixels[i]) * alpha
                        g += Float(pixels[i + 1]) * alpha
                        b += Float(pixels[i + 2]) * alpha
                        a += alpha
                    }
                    let o = dstRow + x * 4
                    dst[o] = r; dst[o + 1] = g; dst[o + 2] = b; dst[o + 3] = a
                }
            }
        }
        // Vertical pass, then composite over the background (premultiplied by 255 above).
        let bg = (Float(background.r), Float(background.g), Float(background.b))
        let out = scratch.horizontal.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: width * height * 3) { dst, initialized in
                for y in 0..<height {
                    for x in 0..<width {
                        var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                        for tap in rows[y] {
                            let i = (tap.index * width + x) * 4
                            r += src[i] * tap.weight
                            g += src[i + 1] * tap.weight
                            b += src[i + 2] * tap.weight
                            a += src[i + 3] * tap.weight
                        }
                        let coverage = a / 255
                        let o = (y * width + x) * 3
                        dst[o] = clampByte(r / 255 + bg.0 * (1 - coverage))
                        dst[o + 1] = clampByte(g / 255 + bg.1 * (1 - coverage))
                        dst[o + 2] = clampByte(b / 255 + bg.2 * (1 - coverage))
                    }
                }
                initialized = width * height * 3
            }
        }
        return RGBImage(width: width, height: height, pixels: out)
    }

    /// One source pixel's share of an output pixel.
    struct Tap {
        var index: Int
        var weight: Float
    }

    /// For each of `target` output pixels, the source pixels it covers and their weights (summing to 1).
    static func spans(source: Int, target: Int) -> [[Tap]] {
        let step = Double(source) / Double(target)
        return (0..<target).map { i in
            let start = Double(i) * step
            let end = Double(i + 1) * step
            var taps: [Tap] = []
            var p = Int(start)
            while Double(p) < end && p < source {
                let covered = min(end, Double(p + 1)) - max(start, Double(p))
                if covered > 1e-9 { taps.append(Tap(index: p, weight: Float(covered / step))) }
                p += 1
            }
            return taps
        }
    }
}

@inline(__always)
private func clampByte(_ value: Float) -> UInt8 {
    UInt8(max(0, min(255, value.rounded())))
}
