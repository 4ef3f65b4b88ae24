#if canImport(Glibc)
import Glibc
#endif

/// The display transform for scene-linear pictures (EXR, float TIFF): exposure in stops, then
/// the sRGB curve (IEC 61966-2-1, the piecewise one), to 8 bits. A NaN or infinite component
/// makes its pixel `invalidColour`, so a broken render shows where it broke.
///
/// Stateless; safe from any thread (the table is an immutable global, built once).
public enum SceneLinear {
    /// What a pixel with a NaN or an infinity is shown as: magenta, which no plate has much of.
    public static let invalidColour: (r: UInt8, g: UInt8, b: UInt8) = (255, 0, 255)

    /// 4096 steps over 0…1 of the encoded curve, looked up rather than computed per pixel.
    static let steps = 4096
    static let table: [UInt8] = (0...steps).map { step in
        UInt8((encode(Double(step) / Double(steps)) * 255).rounded())
    }

    /// The sRGB encoding of linear `value` in 0…1.
    static func encode(_ value: Double) -> Double {
        value <= 0.003_130_8 ? 12.92 * value : 1.055 * pow(value, 1 / 2.4) - 0.055
    }

    /// Converts `count` pixels of interleaved linear float `channels` (1: luminance, 2:
    /// luminance and alpha, 3: RGB, 4 or more: RGB and alpha, straight), each `stride` floats
    /// apart, to 8-bit sRGB RGBA in `out` (or RGB, with `outStride` 3), after multiplying by 2^`exposure`.
    static func convert(_ source: UnsafePointer<Float>, channels: Int, count: Int, exposure: Float = 0,
                        into out: UnsafeMutablePointer<UInt8>, stride: Int? = nil, outStride: Int = 4) {
        let stride = stride ?? channels
        let last = Float(steps)
        let scale = exp2f(exposure) * last
        let colour = channels >= 3 ? 1 : 0
        table.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            @inline(__always) func byte(_ value: Float) -> UInt8 {
                // The table's index, clamped; NaN fails the comparison and lands on 0 (callers look for it first).
                let scaled = value * scale
                return scaled > 0 ? table[Int(min(scaled, last) + 0.5)] : 0
            }
            for pixel in 0..<count {
                let s = source + pixel * stride, o = out + pixel * outStride
                let r = s[0], g = s[colour], b = s[2 * colour]
                let a = channels >= 4 ? s[3] : channels == 2 ? s[1] : 1
                // A NaN or an infinity is the only value whose difference from itself is not 0.
                if (r - r) + (g - g) + (b - b) + (a - a) != 0 {
                    o[0] = invalidColour.r; o[1] = invalidColour.g; o[2] = invalidColour.b
                    if outStride == 4 { o[3] = 255 }
                    continue
                }
                o[0] = byte(r); o[1] = byte(g); o[2] = byte(b)
                if outStride == 4 { o[3] = UInt8(max(0, min(1, a)) * 255 + 0.5) }
            }
        }
    }
}
