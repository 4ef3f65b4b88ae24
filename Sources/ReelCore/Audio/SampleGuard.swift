/// Makes any float a file holds safe to compute with: NaN, ±infinity and absurd values (1e30) are
/// legal bit patterns in a float WAV, and one of them must never trap a conversion, poison an FFT
/// frame or reach the sound device. Stateless; every function is total.
public enum SampleGuard {
    /// The largest magnitude the analysis keeps (120 dB over full scale): a power sum of the
    /// largest FFT frame of such samples still fits a Float.
    public static let analysisLimit: Float = 1_000_000

    /// A sample for the STFT: NaN becomes silence (so it cannot spread through the frame's
    /// bins into its neighbours), anything else is clamped to ±`analysisLimit`.
    @inline(__always)
    public static func analysable(_ sample: Float) -> Float {
        sample.isNaN ? 0 : Swift.min(Swift.max(sample, -analysisLimit), analysisLimit)
    }

    /// A sample for the sound device: NaN is silence, anything else clipped to -1...1.
    @inline(__always)
    public static func playable(_ sample: Float) -> Float {
        sample.isNaN ? 0 : Swift.min(Swift.max(sample, -1), 1)
    }

    /// Whether a sample is something a recording can hold: finite and within ±`analysisLimit`.
    @inline(__always)
    public static func isPlausible(_ sample: Float) -> Bool {
        sample >= -analysisLimit && sample <= analysisLimit
    }

    /// An amplitude for drawing, in -1...1; NaN counts as full scale (drawn as clipped).
    @inline(__always)
    public static func drawable(_ amplitude: Float) -> Float {
        amplitude.isNaN ? 1 : Swift.min(Swift.max(amplitude, -1), 1)
    }

    /// `value` scaled to an index in `0...last`, for any float: NaN gives 0, ±infinity the ends.
    @inline(__always)
    public static func index(_ value: Float, last: Int) -> Int {
        guard value.isFinite else { return value == .infinity ? last : 0 }
        if value <= 0 { return 0 }
        if value >= Float(last) { return last }
        return Int(value)
    }
}
