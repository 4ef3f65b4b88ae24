/// Opens audio files and movies one after another, each analysed completely (a movie's frames
/// decoded too) and closed before the next, as a person switching files does, and reports the
/// memory figures after every cycle over them: the engine of `reel soak FILE... --switch`.
///
/// Not thread-safe: runs on the caller's thread (each analysis has its own worker thread).
public struct SwitchRun {
    /// What one cycle held.
    public struct Cycle: Equatable, Sendable {
        public var cycle: Int
        public var rssBytes: Int
        public var heapBytes: Int
        /// Audio buffers still held after the cycle's last file closed (0 when all was given back).
        public var audioBytes: Int
        /// The most audio buffers held at once during the cycle.
        public var audioPeakBytes: Int
        /// Analysis passes run in the cycle (one per file, more with `varyAnalysis`).
        public var passes: Int
        /// Movie decoders' frame pools still held after the cycle (0 when all was given back), and
        /// the most held at once.
        public var decoderBytes = 0
        public var decoderPeakBytes = 0
        /// Movie frames decoded in the cycle.
        public var frames = 0
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(MediaError)
        case stalled(path: String, seconds: Double)

        public var description: String {
            switch self {
            case .unreadable(let error): return error.description
            case let .stalled(path, seconds): return "\(path): analysis did not finish within \(Int(seconds)) s"
            }
        }
    }

    public let paths: [String]
    public var view: AudioAnalysis.View
    /// Also cycle FFT sizes, windows and scales: each file is analysed with one combination, then
    /// changed to the next (so the old pass is released while the file is open).
    public var varyAnalysis = false
    public var patience: Double = 600
    /// Frames of each movie decoded while its sound is analysed (the first ones, then a step back).
    public var movieFrames = 24

    public init(paths: [String], view: AudioAnalysis.View) {
        self.paths = paths
        self.view = view
    }

    /// The settings of the `index`th analysis of a run with `varyAnalysis`: every FFT size, window
    /// and scale come round, in combinations that do not repeat in step.
    public static func variedSettings(_ index: Int) -> SpectrogramSettings {
        var settings = SpectrogramSettings()
        settings.fftSize = SpectrogramSettings.fftSizes[index % SpectrogramSettings.fftSizes.count]
        settings.window = WindowFunction.allCases[index % WindowFunction.allCases.count]
        settings.scale = FrequencyScale.allCases[index % FrequencyScale.allCases.count]
        settings.colorMap = ColorMap.allCases[index % ColorMap.allCases.count]
        return settings
    }

    public func run(cycles: Int, report: (Cycle) -> Void) throws(Failure) {
        var analyses = 0
        for cycle in 1...max(1, cycles) {
            var peak = 0
            var passes = 0
            var decoderPeak = 0
            var frames = 0
            for path in paths {
                let movie = try openMovie(path)
                defer { movie?.close() }
                if let movie {
                    frames += decode(movie)
                    decoderPeak = max(decoderPeak, DecoderMemory.bytes)
                    // A movie of pictures only has no analysis to run.
                    guard !movie.info.audioStreams.isEmpty else { continue }
                }
                let settings = varyAnalysis ? Self.variedSettings(analyses) : SpectrogramSettings()
                analyses += 1
                let analysis: AudioAnalysis
                do {
                    analysis = try AudioAnalysis(path: path, settings: settings, view: view)
                } catch {
                    throw .unreadable(error)
                }
                defer { analysis.close() }
                guard analysis.waitUntilDone(timeout: patience) else { throw .stalled(path: path, seconds: patience) }
                peak = max(peak, AudioMemory.bytes)
                passes += 1
                if varyAnalysis {
                    analysis.setSettings(Self.variedSettings(analyses + 7))
                    guard analysis.waitUntilDone(timeout: patience) else { throw .stalled(path: path, seconds: patience) }
                    peak = max(peak, AudioMemory.bytes)
                    passes += 1
                }
            }
            ProcessMemory.trim()
            report(Cycle(cycle: cycle, rssBytes: ProcessMemory.residentBytes(), heapBytes: ProcessMemory.heapBytes(),
                         audioBytes: AudioMemory.bytes, audioPeakBytes: peak, passes: passes,
                         decoderBytes: DecoderMemory.bytes, decoderPeakBytes: decoderPeak, frames: frames))
        }
    }

    /// The movie's pictures, when `path` is a movie that has them.
    private func openMovie(_ path: String) throws(Failure) -> MovieSource? {
        guard MediaProbe.isMoviePath(path) else { return nil }
        do {
            guard try MovieFile(path: path).info.videoStream != nil else { return nil }
            return try MovieSource(id: .next(), path: path)
        } catch {
            throw .unreadable(error)
        }
    }

    /// Decodes the movie's first `movieFrames` frames and then the one before the last of them (a
    /// seek back), at 320x180 at most; how many decoded.
    private func decode(_ movie: MovieSource) -> Int {
        let box = FrameSize(width: 320, height: 180)
        let last = min(movie.frames.upperBound, movie.frames.lowerBound + max(1, movieFrames) - 1)
        var decoded = 0
        for frame in Array(movie.frames.lowerBound...last) + [max(movie.frames.lowerBound, last - 1)] {
            if case .image = movie.decode(frame, fitting: box, scratch: DecodeScratch()) { decoded += 1 }
        }
        return decoded
    }
}
