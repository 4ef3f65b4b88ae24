import ArgumentParser
import Foundation
import ReelCore

/// `reel bench …`: throughput of Reel's parts, for people and (with --json) for scripts.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the throughput of decoding and of audio analysis (spectrogram, waveform).",
        subcommands: [DecodeBench.self, RenderBench.self, SpectrogramBench.self, WaveformBench.self])
}

/// `reel bench decode MEDIA [--threads T] [--json]`: frames per second decoding the whole sequence
/// through the decode pool with nothing cached, with T threads and with one.
struct DecodeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Frames per second decoding a whole sequence through the pool, cold, with T threads and with one.")

    @Argument(help: "A sequence: one frame's file, its folder, or a pattern.")
    var media: String

    @Option(help: "Decode threads (default: one per core).")
    var threads: Int?

    @Option(name: .customLong("cache-mb"), help: "Frame cache budget in MB (default: four frames per thread, as when playing a sequence longer than the cache).")
    var cacheMB: Int?

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        try SequenceSetup.validate(threads: threads, cacheMB: cacheMB)
    }

    func run() throws {
        ProcessMemory.configureAllocator()
        let setup = try SequenceSetup.picture(at: media)
        guard let size = setup.imageSize else { throw fail(setup.unreadableMessage) }
        let many = try measure(setup.sequence, size: size, threads: threads)
        let one = try measure(setup.sequence, size: size, threads: 1)
        let frames = setup.sequence.presentCount
        if json {
            printLine(JSONLine.encode([
                ("bench", .string("decode")), ("media", .string(setup.sequence.displayName)), ("frames", .int(frames)),
                ("width", .int(size.width)), ("height", .int(size.height)),
                ("threads", .int(many.threads)), ("fps", .double(round2(Double(frames) / many.seconds))),
                ("seconds", .double(round3(many.seconds))),
                ("fps_1_thread", .double(round2(Double(frames) / one.seconds))), ("seconds_1_thread", .double(round3(one.seconds))),
            ]))
        } else {
            printLine("decode \(setup.sequence.displayName): \(frames) frames of \(size), nothing cached")
            printLine("  \(many.threads) threads: \(round2(Double(frames) / many.seconds)) fps (\(round3(many.seconds)) s)")
            printLine("  1 thread:  \(round2(Double(frames) / one.seconds)) fps (\(round3(one.seconds)) s)")
        }
    }

    /// Seconds to play the whole sequence once through a cold cache and a pool of `threads`.
    private func measure(_ sequence: ImageSequence, size: FrameSize, threads: Int?) throws -> (threads: Int, seconds: Double) {
        let signal = WakeSignal()
        let workers = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let cache = FrameCache(budgetBytes: cacheMB.map { $0 << 20 } ?? 4 * workers * size.rgbBytes)
        let pool = DecodePool(cache: cache, threads: workers, wake: { signal.signal() })
        defer { pool.stop() }
        let session = PlayerSession(sequence: sequence, size: size, fps: 24, cache: cache, pool: pool)
        let start = MonotonicClock.now()
        do {
            try SoakRun(session: session, signal: signal).run(area: nil, loops: 1, mode: .once) { _, _ in }
        } catch {
            throw fail(error.description)
        }
        let seconds = MonotonicClock.now() - start
        session.close()
        return (pool.threadCount, seconds)
    }
}
