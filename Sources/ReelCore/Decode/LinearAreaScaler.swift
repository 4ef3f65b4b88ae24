/// Scales scene-linear float RGBA (premultiplied, as EXR stores it) by area averaging, in linear
/// light, before the display transform: a picture that is a window placed on a larger canvas
/// which is transparent black around it (an EXR's data window in its display window), so only
/// the window's own pixels are read and only the fitted ones are then transformed.
///
/// Stateless; safe from any thread. A NaN or an infinity in an output pixel's area makes that
/// output pixel NaN or infinite, which the display transform then shows as such.
enum LinearAreaScaler {
    /// Where the source window lies on the canvas, in canvas pixels.
    struct Placement {
        var x: Int, y: Int, width: Int, height: Int
        var canvasWidth: Int, canvasHeight: Int
    }

    /// The canvas scaled to `width` × `height` float RGBA in the front of `out` (grown when too
    /// small), from `source`, the window's `placement.width` × `placement.height` RGBA floats.
    static func scale(_ source: UnsafePointer<Float>, placement: Placement, to width: Int, _ height: Int,
                      scratch: inout AreaScaler.Scratch, into out: inout [Float]) {
        let count = width * height * 4
        if out.count < count { out = [Float](repeating: 0, count: count) }
        guard width > 0, height > 0, placement.width > 0, placement.height > 0 else { return }
        // Each output column's and line's taps on the window alone (the canvas around it adds nothing).
        func clipped(_ spans: [[AreaScaler.Tap]], offset: Int, size: Int) -> [[AreaScaler.Tap]] {
            spans.map { taps in
                taps.compactMap { tap in
                    let index = tap.index - offset
                    return (0..<size).contains(index) ? AreaScaler.Tap(index: index, weight: tap.weight) : nil
                }
            }
        }
        let columns = clipped(scratch.spans(columns: placement.canvasWidth, width), offset: placement.x, size: placement.width)
        let lines = clipped(scratch.spans(rows: placement.canvasHeight, height), offset: placement.y, size: placement.height)
        // Horizontal pass: every window line to `width` RGBA floats.
        let horizontalCount = placement.height * width * 4
        if scratch.horizontal.count < horizontalCount { scratch.horizontal = [Float](repeating: 0, count: horizontalCount) }
        scratch.horizontal.withUnsafeMutableBufferPointer { horizontal in
            for y in 0..<placement.height {
                let line = source + y * placement.width * 4, target = horizontal.baseAddress! + y * width * 4
                for x in 0..<width {
                    var sum = SIMD4<Float>.zero
                    for tap in columns[x] {
                        let p = line + tap.index * 4
                        sum += SIMD4(p[0], p[1], p[2], p[3]) * tap.weight
                    }
                    let o = target + x * 4
                    o[0] = sum.x; o[1] = sum.y; o[2] = sum.z; o[3] = sum.w
                }
            }
        }
        // Vertical pass.
        scratch.horizontal.withUnsafeBufferPointer { horizontal in
            out.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    for x in 0..<width {
                        var sum = SIMD4<Float>.zero
                        for tap in lines[y] {
                            let p = horizontal.baseAddress! + (tap.index * width + x) * 4
                            sum += SIMD4(p[0], p[1], p[2], p[3]) * tap.weight
                        }
                        let o = out.baseAddress! + (y * width + x) * 4
                        o[0] = sum.x; o[1] = sum.y; o[2] = sum.z; o[3] = sum.w
                    }
                }
            }
        }
    }
}
