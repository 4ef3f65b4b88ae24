import ArgumentParser
import ReelCore

/// `reel make-audio FILE [--seconds S] [--rate R] [--channels C]`: writes a long test recording
/// (tones, a sweep, noise) for soak and bench.
struct MakeAudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-audio",
        abstract: "Write a test recording (tones, a sweep, noise) as 16-bit WAV for soak and bench.",
        shouldDisplay: false)

    @Argument(help: "The WAV file to write.")
    var file: String

    @Option(help: "Length in seconds.")
    var seconds: Double = 600

    @Option(help: "Sample rate in hertz.")
    var rate = 48_000

    @Option(help: "Channels.")
    var channels = 2

    func run() throws {
        guard seconds > 0, seconds <= 24 * 3600, (8000...384_000).contains(rate), (1...8).contains(channels) else {
            throw fail("--seconds must be up to a day, --rate 8000 to 384000, --channels 1 to 8")
        }
        do {
            try TestSignal(seconds: seconds, sampleRate: rate, channels: channels).write(to: file)
        } catch {
            throw fail(error.description)
        }
        printLine("wrote \(file): \(seconds) s, \(rate) Hz, \(channels) channels")
    }
}
