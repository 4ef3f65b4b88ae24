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

/// `reel bench decode MEDIA [--threads T] [--size WxH] [--json]`: frames per second decoding the
/// whole sequence or movie through the decode pool with nothing cached, with T threads and with
/// one; for a movie, also ffmpeg's own decode of it to the same size in the same run.
struct DecodeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Frames per second decoding a whole sequence or movie through the pool, cold, with T threads and with one.")

    @Argument(help: "A sequence (one frame's file, its folder, or a pattern) or a movie.")
    var media: String

    @Option(help: "Decode threads (default: one per core).")
    var threads: Int?

    @Option(help: "Decode into frames fitting WxH pixels (default: the picture's own size).")
    var size: String?

    @Option(name: .customLong("cache-mb"), help: "Frame cache budget in MB (default: four frames per thread, as when playing a sequence longer than the cache).")
    var cacheMB: Int?

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        try SequenceSetup.validate(threads: threads, cacheMB: cacheMB)
        if let size, FrameSize(parsing: size) == nil { throw ValidationError("--size must be WxH, as 1920x1080") }
    }

    func run() throws {
        ProcessMemory.configureAllocator()
        let picture = try SequenceSetup.openPicture(at: media)
        defer { picture.close() }
        guard let own = picture.size else { throw fail(picture.unreadableMessage ?? "\(picture.name): no frame could be read") }
        let box = size.flatMap(FrameSize.init(parsing:)) ?? own
        let fitted = AreaScaler.fit(width: own.width, height: own.height, maxWidth: box.width, maxHeight: box.height)
        let frames = picture.frames.count - picture.source.missingCount(in: picture.frames)
        let many = try measure(picture, size: box, threads: threads)
        let one = try measure(picture, size: box, threads: 1)
        // A movie is measured against ffmpeg's own decode and scale of it, in the same run.
        let ffmpeg = picture.fps == nil ? nil : FFmpegDecodeBaseline.seconds(media: media, threads: many.threads,
                                                                             width: fitted.width, height: fitted.height)
        let ratio = ffmpeg.map { $0 / many.seconds }
        if json {
            var fields: [(String, JSONLine.Value)] = [
                ("bench", .string("decode")), ("media", .string(picture.name)), ("frames", .int(frames)),
                ("width", .int(fitted.width)), ("height", .int(fitted.height)),
                ("threads", .int(many.threads)), ("fps", .double(round2(Double(frames) / many.seconds))),
                ("seconds", .double(round3(many.seconds))),
                ("fps_1_thread", .double(round2(Double(frames) / one.seconds))), ("seconds_1_thread", .double(round3(one.seconds))),
            ]
            if let ffmpeg, let ratio {
                fields += [("ffmpeg_fps", .double(round2(Double(frames) / ffmpeg))), ("ffmpeg_seconds", .double(round3(ffmpeg))),
                           ("ratio_to_ffmpeg", .double(round2(ratio)))]
            }
            printLine(JSONLine.encode(fields))
        } else {
            printLine("decode \(picture.name): \(frames) frames of \(fitted.width)x\(fitted.height), nothing cached")
            printLine("  \(many.threads) threads: \(round2(Double(frames) / many.seconds)) fps (\(round3(many.seconds)) s)")
            printLine("  1 thread:  \(round2(Double(frames) / one.seconds)) fps (\(round3(one.seconds)) s)")
            if let ffmpeg, let ratio {
                printLine("  ffmpeg -threads \(many.threads) to rgba: \(round2(Double(frames) / ffmpeg)) fps (\(round3(ffmpeg)) s); "
                          + "Reel at \(round2(ratio))x its speed")
            }
        }
    }

    /// Seconds to play the whole picture once through a cold cache and a pool of `threads`.
    private func measure(_ picture: Picture, size: FrameSize, threads: Int?) throws -> (threads: Int, seconds: Double) {
        let signal = WakeSignal()
        let workers = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let cache = FrameCache(budgetBytes: cacheMB.map { $0 << 20 } ?? 4 * workers * size.rgbBytes)
        let pool = DecodePool(cache: cache, threads: workers, wake: { signal.signal() })
        defer { pool.stop() }
        let session = PlayerSession(source: picture.source, frames: picture.frames, size: size, fps: 24, cache: cache, pool: pool)
        let start = MonotonicClock.now()
        do {
            try SoakRun(session: session, signal: signal).run(area: nil, loops: 1, mode: .once) { _, _ in }
        } catch {
            throw fail(error.description)
        }
        let seconds = MonotonicClock.now() - start
        // The cache's frames go; the source stays open for the next measure.
        pool.cancelAll()
        pool.release(picture.source.id)
        return (pool.threadCount, seconds)
    }
}
