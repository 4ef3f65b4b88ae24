/// Everything that decides how a spectrogram is computed and coloured. A value; changing
/// `fftSize`, `window`, `scale`, `hop` or `channels` means computing it again from the file.
public struct SpectrogramSettings: Equatable, Sendable {
    /// FFT sizes Reel offers (`F` cycles them).
    public static let fftSizes = [256, 512, 1024, 2048, 4096, 8192]

    /// How far apart STFT frames are.
    public enum Hop: Equatable, Sendable {
        /// `fftSize / divisor` samples (4: 75% overlap, as most analysers default to).
        case fractionOfSize(Int)
        /// One frame per drawn column: the cheapest, and exact when zoomed in.
        case columnWidth
    }

    /// Which channels are analysed.
    public enum Channels: String, Equatable, Sendable {
        /// All channels mixed to one spectrogram.
        case mix
        /// One spectrogram per channel (at most `PeakPyramid.maxChannels`).
        case separate
    }

    public var fftSize = 2048
    public var window = WindowFunction.hann
    public var scale = FrequencyScale.log
    public var hop = Hop.fractionOfSize(4)
    public var channels = Channels.mix
    /// Levels from 0 dBFS + gain down to `-rangeDB` + gain are drawn; quieter is black.
    public var rangeDB: Float = 90
    public var gainDB: Float = 0
    public var colorMap = ColorMap.viridis

    public init() {}

    /// Whether `other` needs the file analysed again (colours, range and gain do not).
    func needsNewPass(comparedTo other: SpectrogramSettings) -> Bool {
        fftSize != other.fftSize || window != other.window || scale != other.scale || hop != other.hop
            || channels != other.channels
    }

    /// The hop in samples for `columns` columns over `frames` sample frames.
    func hopFrames(columns: Int, frames: Int) -> Int {
        switch hop {
        case .fractionOfSize(let divisor): return max(1, fftSize / max(1, divisor))
        case .columnWidth: return max(1, frames / max(1, columns))
        }
    }

    /// The next FFT size, wrapping (`F`).
    public var nextFFTSize: Int {
        let sizes = Self.fftSizes
        return sizes[((sizes.firstIndex(of: fftSize) ?? 0) + 1) % sizes.count]
    }
}
