import ArgumentParser
import ReelCore

/// `reel soak MEDIA [--work-area A-B] [--loops N] …`: plays a work area in a loop with no UI and
/// prints the memory figures after every loop; exit status 1 when RSS grew.
/// `reel soak FILE... --switch [--cycles N] [--vary-analysis]`: opens audio files or movies one after another
/// instead (see SoakCommand+Switch.swift).
struct SoakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Loop a work area (or switch between audio files and movies) with no UI and print memory; exit 1 when RSS grows.",
        discussion: """
            RSS growth is measured from the end of loop (or cycle) 2 to the end of the last one. Without \
            --realtime the loop runs as fast as decoding allows. With --switch, the files are audio \
            files, each opened, analysed completely and closed in turn, --cycles times.
            """)

    @Argument(help: "A sequence (one frame's file, its folder, or a pattern) or a movie; with --switch, audio files or movies.")
    var media: [String]

    @Flag(name: .customLong("switch"), help: "Open the audio files or movies one after another, each analysed completely.")
    var switchFiles = false

    @Option(help: "With --switch: how many cycles over the files.")
    var cycles = 10

    @Flag(name: .customLong("vary-analysis"), help: "With --switch: also cycle FFT sizes, windows and scales on every file.")
    var varyAnalysis = false

    @Option(help: "With --switch: the spectrogram's size in cells, COLUMNSxROWS.")
    var view = "200x64"

    @Option(name: .customLong("work-area"), help: "Frames to loop, A-B (default: the whole sequence).")
    var workArea: String?

    @Option(help: "How many loops.")
    var loops = 10

    @Option(help: "Pixel size frames are scaled to, WxH (default: the source size).")
    var size: String?

    @OptionGroup var decode: DecodeOptions

    @Option(help: "Frames per second with --realtime.")
    var fps: Double = 24

    @Flag(help: "Play on the clock, dropping late frames, instead of as fast as decoding allows.")
    var realtime = false

    @Option(name: .customLong("max-growth-mb"), help: "RSS growth allowed from loop (cycle) 2 to the last, in MB (default 1; 2 with --switch).")
    var maxGrowth: Double?

    var maxGrowthMB: Double { maxGrowth ?? (switchFiles ? 2 : 1) }

    @Flag(help: "One JSON object per line.")
    var json = false

    func validate() throws {
        guard !media.isEmpty else { throw ValidationError("name a sequence or a movie, or audio files and movies with --switch") }
        if switchFiles {
            guard (1...1_000_000).contains(cycles) else { throw ValidationError("--cycles must be between 1 and 1000000") }
            guard FrameSize(parsing: view) != nil else { throw ValidationError("--view must be COLUMNSxROWS, as 200x64") }
        } else if media.count > 1 {
            throw ValidationError("one sequence at a time; several files need --switch")
        }
        guard (1...10_000_000).contains(loops) else { throw ValidationError("--loops must be between 1 and 10000000") }
        guard fps > 0 && fps <= 1000 else { throw ValidationError("--fps must be between 0 and 1000") }
        if let workArea, parseFrameRange(workArea) == nil { throw ValidationError("--work-area must be A-B, as 1-50") }
        if let size, FrameSize(parsing: size) == nil { throw ValidationError("--size must be WxH, as 1920x1080") }
        guard maxGrowthMB >= 0 else { throw ValidationError("--max-growth-mb must not be negative") }
    }

    func run() throws {
        ProcessMemory.configureAllocator()
        if switchFiles { return try runSwitch() }
        let picture = try SequenceSetup.openPicture(at: media[0])
        defer { picture.close() }
        let frames = picture.frames
        let area = workArea.flatMap(parseFrameRange)
        if let area, area.lowerBound < frames.lowerBound || area.upperBound > frames.upperBound {
            throw fail("--work-area \(area.lowerBound)-\(area.upperBound) is outside \(picture.name)'s frames \(frames.lowerBound)-\(frames.upperBound)")
        }
        guard let frameSize = size.flatMap(FrameSize.init(parsing:)) ?? picture.size else {
            throw fail((picture.unreadableMessage ?? "\(picture.name): no frame could be read") + "; give --size WxH to soak it anyway")
        }
        let limit = FrameLimit(cacheBudget: decode.cacheBytes)
        guard limit.allows(width: frameSize.width, height: frameSize.height, bytesPerPixel: 3) else {
            throw fail("\(frameSize) frames would take \(frameSize.rgbBytes >> 20) MiB each, more than the "
                       + "per-frame limit of \(limit.bytes >> 20) MiB (an eighth of the cache budget, at most 1 GiB)")
        }
        let signal = WakeSignal()
        let cache = FrameCache(budgetBytes: decode.cacheBytes)
        let pool = DecodePool(cache: cache, threads: decode.threads, wake: { signal.signal() })
        let session = PlayerSession(source: picture.source, frames: frames, size: frameSize, fps: picture.fps ?? fps,
                                    cache: cache, pool: pool)
        let range = area ?? frames
        if !json {
            printLine("soak \(picture.name) frames \(range.lowerBound)-\(range.upperBound) at \(frameSize), "
                      + "cache \(megabytes(cache.budget)), \(pool.threadCount) threads\(realtime ? ", real time" : "")")
        }
        var baseline: Int?
        var last = MemoryStats()
        do {
            try SoakRun(session: session, signal: signal).run(area: area, loops: loops, realtime: realtime) { loop, stats in
                if loop == min(2, loops) { baseline = stats.rssBytes }
                last = stats
                printLine(json ? Self.jsonLine(loop: loop, stats) : Self.textLine(loop: loop, stats))
            }
        } catch {
            throw fail(error.description)
        }
        pool.stop()
        let (growth, ok) = verdict(baseline: baseline, last: last.rssBytes)
        if json {
            printLine(JSONLine.encode([
                ("summary", .bool(true)), ("loops", .int(loops)), ("rss_baseline_bytes", .int(baseline ?? 0)),
                ("rss_bytes", .int(last.rssBytes)), ("rss_growth_bytes", .int(growth)),
                ("max_growth_bytes", .int(Int(maxGrowthMB * 1_048_576))), ("decodes", .int(last.decodes)),
                ("hit_rate", .double((last.hitRate * 1000).rounded() / 1000)), ("dropped", .int(last.dropped)),
                ("ok", .bool(ok)),
            ]))
        } else {
            printLine("\(ok ? "ok" : "FAIL"): RSS \(megabytes(baseline ?? 0)) after loop \(min(2, loops)), "
                      + "\(megabytes(last.rssBytes)) after loop \(loops) (\(growth >= 0 ? "+" : "")\(megabytes(growth)), "
                      + "limit \(maxGrowthMB) MB); \(last.decodes) decodes, hit rate "
                      + "\(Int((last.hitRate * 100).rounded()))%, \(last.dropped) dropped")
        }
        if !ok {
            throw fail("RSS grew \(megabytes(growth)) between loop \(min(2, loops)) and loop \(loops), more than --max-growth-mb \(maxGrowthMB)")
        }
    }

    /// The summary's verdict, as every soak prints it.
    func verdict(baseline: Int?, last: Int) -> (growth: Int, ok: Bool) {
        let growth = last - (baseline ?? last)
        return (growth, Double(growth) <= maxGrowthMB * 1_048_576)
    }

    static func jsonLine(loop: Int, _ stats: MemoryStats) -> String {
        JSONLine.encode([("loop", .int(loop))] + stats.fields.map { ($0.key, .int($0.value)) })
    }

    static func textLine(loop: Int, _ stats: MemoryStats) -> String {
        "loop \(loop)  rss \(megabytes(stats.rssBytes))  heap \(megabytes(stats.heapBytes))  "
            + "cache \(megabytes(stats.cacheBytes)) (\(stats.cachedFrames) frames)  decodes \(stats.decodes)  "
            + "queued \(stats.queued)  hits \(stats.hits)  misses \(stats.misses)  dropped \(stats.dropped)"
    }
}
