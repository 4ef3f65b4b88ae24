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
    /// apart, to 8-bit sRGB RGBA in `out`, after multiplying by 2^`exposure`.
    static func convert(_ source: UnsafePointer<Float>, channels: Int, count: Int, exposure: Float = 0,
                        into out: UnsafeMutablePointer<UInt8>, stride: Int? = nil) {
        let stride = stride ?? channels
        let gain = exp2f(exposure)
        let last = Float(steps)
        table.withUnsafeBufferPointer { table in
            func byte(_ value: Float) -> UInt8 {
                let scaled = value * gain * last
                // NaN fails both comparisons and lands on 0; callers look for it first.
                return scaled > 0 ? table[Int(min(scaled, last) + 0.5)] : 0
            }
            for pixel in 0..<count {
                let s = source + pixel * stride, o = out + pixel * 4
                let r = s[0], g = channels >= 3 ? s[1] : r, b = channels >= 3 ? s[2] : r
                let a = channels >= 4 ? s[3] : channels == 2 ? s[1] : 1
                if !r.isFinite || !g.isFinite || !b.isFinite || !a.isFinite {
                    o[0] = invalidColour.r; o[1] = invalidColour.g; o[2] = invalidColour.b; o[3] = 255
                    continue
                }
                o[0] = byte(r); o[1] = byte(g); o[2] = byte(b)
                o[3] = UInt8(max(0, min(1, a)) * 255 + 0.5)
            }
        }
    }
}
