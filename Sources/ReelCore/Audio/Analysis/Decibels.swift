/// Power to decibels, eight values at a time: 10·log10(p) as 3.0103·log2(p), with log2 taken
/// from the float's exponent plus a degree-5 polynomial of its mantissa (error under 1e-4 dB).
///
/// Why not `log10`: a call per FFT bin costs more than the FFT itself (glibc's scalar log10f),
/// and Swift has no vectorised log; this loop compiles to SIMD instructions. Stateless.
enum Decibels {
    /// dB per unit of log2.
    static let perOctave: Float = 3.0102999566

    /// Writes 10·log10(`power[i]` · `scale`) into `output[i]` for `count` values; zero and
    /// denormal powers come out near -380 dB rather than -infinity.
    static func convert(_ power: UnsafePointer<Float>, scale: Float, into output: UnsafeMutablePointer<Float>, count: Int) {
        let rawIn = UnsafeRawPointer(power)
        let rawOut = UnsafeMutableRawPointer(output)
        var index = 0
        while index + 8 <= count {
            let value = rawIn.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self) * scale
            rawOut.storeBytes(of: log2(value) * perOctave, toByteOffset: index * 4, as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            output[index] = log2(SIMD8<Float>(repeating: power[index] * scale))[0] * perOctave
            index += 1
        }
    }

    /// log2 of eight positive floats (non-positive ones give about -127).
    @inline(__always)
    static func log2(_ value: SIMD8<Float>) -> SIMD8<Float> {
        // A blend, not `pointwiseMax`, which orders NaNs lane by lane and does not vectorise.
        let floor = SIMD8<Float>(repeating: Float.leastNormalMagnitude)
        let bits = unsafeBitCast(value.replacing(with: floor, where: value .< floor), to: SIMD8<Int32>.self)
        let exponent = SIMD8<Float>((bits &>> 23) &- 127)
        let mantissa = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD8<Float>.self) - 1
        // Least-squares fit of log2(1 + m) on [0, 1) at Chebyshev nodes.
        var poly = SIMD8<Float>(repeating: 0.0439286278)
        poly = poly * mantissa + -0.189832447
        poly = poly * mantissa + 0.411561482
        poly = poly * mantissa + -0.707253434
        poly = poly * mantissa + 1.44159208
        poly = poly * mantissa + 1.439093e-05
        return exponent + poly
    }
}
