#if canImport(Glibc)
import Glibc
#endif

/// How spectrogram rows are spread over frequency: equal steps of hertz, of octaves, of mels,
/// of barks or of ERBs.
public enum FrequencyScale: String, CaseIterable, Sendable {
    case linear
    case log
    case mel
    case bark
    case erb

    /// The lowest frequency the bottom row starts at: 0 Hz, except on the log scale (which has no
    /// zero), where it is 20 Hz, the bottom of hearing, as in Sonic Visualiser and Audacity.
    func lowestHertz(sampleRate: Int) -> Double {
        self == .log ? min(20, Double(sampleRate) / 4) : 0
    }

    /// `hertz` on this scale's axis.
    func warp(_ hertz: Double) -> Double {
        switch self {
        case .linear: return hertz
        case .log: return log2(max(hertz, 1e-3))
        case .mel: return 2595 * log10(1 + hertz / 700)                       // O'Shaughnessy / HTK
        case .bark: return 26.81 * hertz / (1960 + hertz) - 0.53             // Traunmüller 1990
        case .erb: return 21.4 * log10(1 + 0.00437 * hertz)                  // Glasberg & Moore 1990
        }
    }

    /// The frequency at `value` on this scale's axis (the inverse of `warp`).
    func unwarp(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log: return exp2(value)
        case .mel: return 700 * (pow(10, value / 2595) - 1)
        case .bark: return 1960 * (value + 0.53) / (26.28 - value)
        case .erb: return (pow(10, value / 21.4) - 1) / 0.00437
        }
    }

    /// The edges of `rows` rows from the lowest frequency to Nyquist, equally spaced on this scale:
    /// `rows + 1` frequencies in hertz, rising (row 0 is the lowest).
    public func rowEdges(rows: Int, sampleRate: Int) -> [Double] {
        let low = warp(lowestHertz(sampleRate: sampleRate))
        let high = warp(Double(sampleRate) / 2)
        return (0...rows).map { unwarp(low + (high - low) * Double($0) / Double(rows)) }
    }

    /// The next scale (`S` cycles them).
    public var next: FrequencyScale {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
