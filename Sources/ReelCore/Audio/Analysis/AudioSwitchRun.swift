/// Opens audio files one after another, each analysed completely and closed before the next, as a
/// person switching files does, and reports the memory figures after every cycle over them: the
/// engine of `reel soak FILE... --switch`.
///
/// Not thread-safe: runs on the caller's thread (each analysis has its own worker thread).
public struct AudioSwitchRun {
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
            for path in paths {
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
                         audioBytes: AudioMemory.bytes, audioPeakBytes: peak, passes: passes))
        }
    }
}
