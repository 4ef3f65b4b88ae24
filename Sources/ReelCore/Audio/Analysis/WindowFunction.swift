#if canImport(Glibc)
import Glibc
#endif

/// The window an STFT frame is multiplied by before its FFT.
public enum WindowFunction: String, CaseIterable, Sendable {
    case hann
    case hamming
    case blackmanHarris = "blackman-harris"
    case rectangular

    /// The `size` coefficients (periodic form, as scipy's `get_window`, which is what an STFT wants).
    func coefficients(size: Int) -> AudioBuffer<Float> {
        let buffer = AudioBuffer<Float>(capacity: size, repeating: 1)
        let step = 2 * Double.pi / Double(size)
        for index in 0..<size {
            let x = step * Double(index)
            let value: Double
            switch self {
            case .hann: value = 0.5 - 0.5 * cos(x)
            case .hamming: value = 0.54 - 0.46 * cos(x)
            case .blackmanHarris: value = 0.35875 - 0.48829 * cos(x) + 0.14128 * cos(2 * x) - 0.01168 * cos(3 * x)
            case .rectangular: value = 1
            }
            buffer[index] = Float(value)
        }
        return buffer
    }

    /// The next window (the spectrogram key cycles them).
    public var next: WindowFunction {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
