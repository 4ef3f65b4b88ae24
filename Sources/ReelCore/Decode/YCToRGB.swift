import COpenEXR

/// Turns OpenEXR's luminance/chroma pictures (Y at every pixel; RY and BY, the ratios (R-Y)/Y and
/// (B-Y)/Y, at every other pixel of every other line) into RGB, as the library's RGBA interface
/// does: chroma brought to every pixel (here by linear interpolation between its samples), then
/// R = (RY+1)·Y, B = (BY+1)·Y and G from Y and the file's luminance weights.
///
/// Stateless; safe from any thread.
enum YCToRGB {
    /// Where the two chroma planes lie: RY's `count` floats, then BY's, `width` × `height` each,
    /// one sample per `xSamples` × `ySamples` pixels.
    struct Planes {
        var width: Int, height: Int, xSamples: Int, ySamples: Int
        var count: Int { width * height }
    }

    /// The luminance weights of RGB under `primaries`: the Y row of their RGB-to-XYZ matrix
    /// (white at Y = 1), which for Rec. 709 is 0.2126, 0.7152, 0.0722.
    static func weights(_ primaries: exr_attr_chromaticities_t) -> (red: Float, green: Float, blue: Float) {
        func xyz(_ x: Float, _ y: Float) -> SIMD3<Double> {
            let (x, y) = (Double(x), Double(y))
            return y == 0 ? .zero : SIMD3(x / y, 1, (1 - x - y) / y)
        }
        let r = xyz(primaries.red_x, primaries.red_y), g = xyz(primaries.green_x, primaries.green_y)
        let b = xyz(primaries.blue_x, primaries.blue_y), white = xyz(primaries.white_x, primaries.white_y)
        // Each primary's scale so that they add up to white, by Cramer's rule.
        func determinant(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>) -> Double {
            a.x * (b.y * c.z - c.y * b.z) - b.x * (a.y * c.z - c.y * a.z) + c.x * (a.y * b.z - b.y * a.z)
        }
        let whole = determinant(r, g, b)
        let rec709: (Float, Float, Float) = (0.2126, 0.7152, 0.0722)
        guard whole.isFinite, abs(whole) > 1e-12 else { return rec709 }
        let scales = (determinant(white, g, b) / whole, determinant(r, white, b) / whole, determinant(r, g, white) / whole)
        // A primary's Y is 1 before scaling, so its weight is its scale.
        guard scales.1 > 1e-6, [scales.0, scales.1, scales.2].allSatisfy({ $0.isFinite }) else { return rec709 }
        return (Float(scales.0), Float(scales.1), Float(scales.2))
    }

    /// Rewrites `pixels` (float RGBA, `width` × `height`, luminance in red) as RGB, from the
    /// chroma planes in `chroma`.
    static func convert(_ pixels: inout [Float], width: Int, height: Int, chroma: [Float], planes: Planes,
                        weights: (red: Float, green: Float, blue: Float)) {
        guard planes.width > 0, planes.height > 0, chroma.count >= planes.count * 2 else { return }
        // For each column (and line), the two samples around it and the second one's share.
        func taps(_ count: Int, samples: Int, across: Int) -> [(Int, Int, Float)] {
            (0..<count).map { i in
                let position = Float(i) / Float(samples)
                let first = min(Int(position), across - 1)
                return (first, min(first + 1, across - 1), position - Float(first))
            }
        }
        let columns = taps(width, samples: planes.xSamples, across: planes.width)
        let lines = taps(height, samples: planes.ySamples, across: planes.height)
        let green = weights.green == 0 ? 1 : weights.green
        pixels.withUnsafeMutableBufferPointer { pixels in
            chroma.withUnsafeBufferPointer { chroma in
                let ry = chroma.baseAddress!, by = ry + planes.count
                for y in 0..<height {
                    let (top, bottom, down) = lines[y]
                    for x in 0..<width {
                        let (left, right, across) = columns[x]
                        func sample(_ plane: UnsafePointer<Float>) -> Float {
                            let upper = plane[top * planes.width + left] * (1 - across) + plane[top * planes.width + right] * across
                            let lower = plane[bottom * planes.width + left] * (1 - across) + plane[bottom * planes.width + right] * across
                            return upper * (1 - down) + lower * down
                        }
                        let p = (y * width + x) * 4
                        let luminance = pixels[p], redRatio = sample(ry), blueRatio = sample(by)
                        if redRatio == 0 && blueRatio == 0 {
                            pixels[p + 1] = luminance; pixels[p + 2] = luminance
                            continue
                        }
                        let red = (redRatio + 1) * luminance, blue = (blueRatio + 1) * luminance
                        pixels[p] = red
                        pixels[p + 1] = (luminance - red * weights.red - blue * weights.blue) / green
                        pixels[p + 2] = blue
                    }
                }
            }
        }
    }
}
