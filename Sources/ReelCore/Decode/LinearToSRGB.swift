#if canImport(Glibc)
import Glibc
#endif

/// Converts libpng's 16-bit linear RGBA (premultiplied alpha, as the simplified API gives it for
/// `PNG_FORMAT_LINEAR_RGB_ALPHA`) to 8-bit sRGB RGBA with straight alpha, like its 8-bit formats.
///
/// Stateless; safe from any thread (the table is an immutable global, built once).
enum LinearToSRGB {
    /// The 8-bit encoded value of every 16-bit linear value. The curve is the 1/2.2 power that
    /// libpng's simplified API uses for "sRGB" (PNG_GAMMA_sRGB), not the piecewise sRGB curve, so
    /// a 16-bit file looks the same here as through libpng's own 8-bit path.
    static let table: [UInt8] = (0...65535).map { value in
        let encoded = pow(Double(value) / 65535, 1 / 2.2)
        return UInt8(max(0, min(255, (encoded * 255).rounded())))
    }

    static func convert(_ linear: [UInt16]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: linear.count)
        table.withUnsafeBufferPointer { table in
            linear.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    var i = 0
                    while i + 3 < src.count {
                        let alpha = UInt32(src[i + 3])
                        if alpha == 65535 {
                            dst[i] = table[Int(src[i])]
                            dst[i + 1] = table[Int(src[i + 1])]
                            dst[i + 2] = table[Int(src[i + 2])]
                        } else if alpha > 0 {
                            // Undo the premultiplication, rounding to nearest.
                            for c in 0..<3 {
                                let straight = min(65535, (UInt32(src[i + c]) * 65535 + alpha / 2) / alpha)
                                dst[i + c] = table[Int(straight)]
                            }
                        }
                        dst[i + 3] = UInt8((alpha * 255 + 32767) / 65535)
                        i += 4
                    }
                }
            }
        }
        return out
    }
}
