import ArgumentParser
import ReelCore

/// `reel bench spectrogram FILE [--fft N] [--hop H] [--json]`: CPU seconds and STFT frames per
/// second over the whole file (every channel, Hann window, each bin in dB), decoding timed apart.
struct SpectrogramBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrogram",
        abstract: "STFT frames per second over a whole audio file (n_fft 2048, hop 512), decoding timed apart.")

    @Argument(help: "An audio file.")
    var file: String

    @Option(help: "FFT size (256 to 8192, a power of two).")
    var fft = 2048

    @Option(help: "Hop in samples.")
    var hop = 512

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        guard SpectrogramSettings.fftSizes.contains(fft) else { throw ValidationError("--fft must be one of 256, 512 … 8192") }
        guard hop > 0 && hop <= fft else { throw ValidationError("--hop must be between 1 and the FFT size") }
    }

    func run() throws {
        ProcessMemory.configureAllocator()
        let result: AnalysisBench.Result
        do {
            result = try AnalysisBench.spectrogram(path: file, fftSize: fft, hop: hop)
        } catch {
            throw fail(error.description)
        }
        let perSecond = result.workSeconds > 0 ? Double(result.stftFrames) / result.workSeconds : 0
        if json {
            printLine(JSONLine.encode([
                ("bench", .string("spectrogram")), ("file", .string(file)), ("fft", .int(fft)), ("hop", .int(hop)),
                ("channels", .int(result.channels)), ("sample_frames", .int(result.frames)),
                ("stft_frames", .int(result.stftFrames)), ("seconds", .double(round4(result.workSeconds))),
                ("stft_frames_per_second", .double(perSecond.rounded())),
                ("decode_seconds", .double(round4(result.decodeSeconds))),
            ]))
        } else {
            printLine("spectrogram \(file): \(result.stftFrames) STFT frames of \(fft) (hop \(hop), \(result.channels) channels)")
            printLine("  STFT and dB: \(round4(result.workSeconds)) s CPU, \(Int(perSecond.rounded())) frames/s")
            printLine("  decoding:    \(round4(result.decodeSeconds)) s CPU")
        }
    }
}

/// `reel bench waveform FILE [--json]`: CPU seconds and sample bytes per second building the peak
/// pyramid of the whole file, decoding timed apart.
struct WaveformBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waveform",
        abstract: "Sample bytes per second building a whole audio file's peak pyramid, decoding timed apart.")

    @Argument(help: "An audio file.")
    var file: String

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        ProcessMemory.configureAllocator()
        let result: AnalysisBench.Result
        do {
            result = try AnalysisBench.waveform(path: file)
        } catch {
            throw fail(error.description)
        }
        let perSecond = result.workSeconds > 0 ? Double(result.sampleBytes) / result.workSeconds : 0
        if json {
            printLine(JSONLine.encode([
                ("bench", .string("waveform")), ("file", .string(file)), ("channels", .int(result.channels)),
                ("sample_frames", .int(result.frames)), ("sample_bytes", .int(result.sampleBytes)),
                ("seconds", .double(round4(result.workSeconds))), ("bytes_per_second", .double(perSecond.rounded())),
                ("decode_seconds", .double(round4(result.decodeSeconds))),
            ]))
        } else {
            printLine("waveform \(file): \(result.frames) sample frames, \(result.channels) channels, \(result.sampleBytes) bytes of float samples")
            printLine("  peaks:    \(round4(result.workSeconds)) s CPU, \(round2(perSecond / 1e9)) GB/s")
            printLine("  decoding: \(round4(result.decodeSeconds)) s CPU")
        }
    }
}
