import ArgumentParser
import ReelCore

/// `reel soak FILE... --switch`: the second incident's check. Every file (audio or movie) is
/// opened, analysed completely (a movie's first frames decoded) and closed, in turn, `--cycles`
/// times; a line per cycle with RSS, heap, audio and decoder bytes; exit status 1 when RSS after
/// the last cycle exceeds RSS after cycle 2 by more than `--max-growth-mb` (default 2), or when
/// audio buffers or decoders were still held after the files closed.
extension SoakCommand {
    func runSwitch() throws {
        for path in media {
            do {
                if SampleReaders.usesFFmpeg(path) { _ = try MediaProbe.probe(path) } else { _ = try SampleReaders.open(path) }
            } catch {
                throw fail(error.description)
            }
        }
        let size = FrameSize(parsing: view) ?? FrameSize(width: 200, height: 64)
        var run = SwitchRun(paths: media, view: .init(columns: size.width, rows: size.height))
        run.varyAnalysis = varyAnalysis
        if !json {
            printLine("soak --switch over \(media.count) files, \(cycles) cycles, spectrogram \(size.width)x\(size.height)"
                      + (varyAnalysis ? ", FFT sizes, windows and scales varied" : ""))
        }
        var baseline: Int?
        var last: SwitchRun.Cycle?
        var peak = 0
        do {
            try run.run(cycles: cycles) { cycle in
                if cycle.cycle == min(2, cycles) { baseline = cycle.rssBytes }
                last = cycle
                peak = max(peak, cycle.audioPeakBytes)
                printLine(json ? Self.jsonLine(cycle) : Self.textLine(cycle))
            }
        } catch {
            throw fail(error.description)
        }
        let rss = last?.rssBytes ?? 0
        let (growth, ok) = verdict(baseline: baseline, last: rss)
        let released = last?.audioBytes == 0 && last?.decoderBytes == 0
        if json {
            printLine(JSONLine.encode([
                ("summary", .bool(true)), ("cycles", .int(cycles)), ("files", .int(media.count)),
                ("rss_baseline_bytes", .int(baseline ?? 0)), ("rss_bytes", .int(rss)), ("rss_growth_bytes", .int(growth)),
                ("max_growth_bytes", .int(Int(maxGrowthMB * 1_048_576))), ("audio_bytes", .int(last?.audioBytes ?? 0)),
                ("audio_peak_bytes", .int(peak)), ("decoder_bytes", .int(last?.decoderBytes ?? 0)),
                ("ok", .bool(ok && released)),
            ]))
        } else {
            printLine("\(ok && released ? "ok" : "FAIL"): RSS \(megabytes(baseline ?? 0)) after cycle \(min(2, cycles)), "
                      + "\(megabytes(rss)) after cycle \(cycles) (\(growth >= 0 ? "+" : "")\(megabytes(growth)), "
                      + "limit \(maxGrowthMB) MB); audio buffers \(megabytes(last?.audioBytes ?? 0)) after closing, "
                      + "at most \(megabytes(peak)) while open; decoders \(megabytes(last?.decoderBytes ?? 0)) after closing")
        }
        if !ok { throw fail("RSS grew \(megabytes(growth)) between cycle \(min(2, cycles)) and cycle \(cycles), more than --max-growth-mb \(maxGrowthMB)") }
        if !released {
            throw fail("\(megabytes(last?.audioBytes ?? 0)) of audio buffers and \(megabytes(last?.decoderBytes ?? 0)) of decoders "
                       + "were still held after the files closed")
        }
    }

    static func jsonLine(_ cycle: SwitchRun.Cycle) -> String {
        JSONLine.encode([
            ("cycle", .int(cycle.cycle)), ("rss_bytes", .int(cycle.rssBytes)), ("heap_bytes", .int(cycle.heapBytes)),
            ("audio_bytes", .int(cycle.audioBytes)), ("audio_peak_bytes", .int(cycle.audioPeakBytes)),
            ("passes", .int(cycle.passes)), ("decoder_bytes", .int(cycle.decoderBytes)),
            ("decoder_peak_bytes", .int(cycle.decoderPeakBytes)), ("frames", .int(cycle.frames)),
        ])
    }

    static func textLine(_ cycle: SwitchRun.Cycle) -> String {
        "cycle \(cycle.cycle)  rss \(megabytes(cycle.rssBytes))  heap \(megabytes(cycle.heapBytes))  "
            + "audio \(megabytes(cycle.audioBytes)) (at most \(megabytes(cycle.audioPeakBytes)) open)  passes \(cycle.passes)"
            + (cycle.frames > 0 ? "  decoders \(megabytes(cycle.decoderBytes)) (at most \(megabytes(cycle.decoderPeakBytes)) open)  frames \(cycle.frames)" : "")
    }
}
