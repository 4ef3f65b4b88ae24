import ArgumentParser
import ReelCore

/// `reel soak FILE... --switch`: the second incident's check. Every file is opened, analysed
/// completely and closed, in turn, `--cycles` times; a line per cycle with RSS, heap and audio
/// bytes; exit status 1 when RSS after the last cycle exceeds RSS after cycle 2 by more than
/// `--max-growth-mb` (default 2).
extension SoakCommand {
    func runSwitch() throws {
        for path in media {
            do {
                _ = try SoundFile(path: path)
            } catch {
                throw fail(error.description)
            }
        }
        let size = FrameSize(parsing: view) ?? FrameSize(width: 200, height: 64)
        var run = AudioSwitchRun(paths: media, view: .init(columns: size.width, rows: size.height))
        run.varyAnalysis = varyAnalysis
        if !json {
            printLine("soak --switch over \(media.count) audio files, \(cycles) cycles, spectrogram \(size.width)x\(size.height)"
                      + (varyAnalysis ? ", FFT sizes, windows and scales varied" : ""))
        }
        var baseline: Int?
        var last: AudioSwitchRun.Cycle?
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
        let released = last?.audioBytes == 0
        if json {
            printLine(JSONLine.encode([
                ("summary", .bool(true)), ("cycles", .int(cycles)), ("files", .int(media.count)),
                ("rss_baseline_bytes", .int(baseline ?? 0)), ("rss_bytes", .int(rss)), ("rss_growth_bytes", .int(growth)),
                ("max_growth_bytes", .int(Int(maxGrowthMB * 1_048_576))), ("audio_bytes", .int(last?.audioBytes ?? 0)),
                ("audio_peak_bytes", .int(peak)), ("ok", .bool(ok && released)),
            ]))
        } else {
            printLine("\(ok && released ? "ok" : "FAIL"): RSS \(megabytes(baseline ?? 0)) after cycle \(min(2, cycles)), "
                      + "\(megabytes(rss)) after cycle \(cycles) (\(growth >= 0 ? "+" : "")\(megabytes(growth)), "
                      + "limit \(maxGrowthMB) MB); audio buffers \(megabytes(last?.audioBytes ?? 0)) after closing, "
                      + "at most \(megabytes(peak)) while open")
        }
        if !ok { throw fail("RSS grew \(megabytes(growth)) between cycle \(min(2, cycles)) and cycle \(cycles), more than --max-growth-mb \(maxGrowthMB)") }
        if !released { throw fail("\(megabytes(last?.audioBytes ?? 0)) of audio buffers were still held after the files closed") }
    }

    static func jsonLine(_ cycle: AudioSwitchRun.Cycle) -> String {
        JSONLine.encode([
            ("cycle", .int(cycle.cycle)), ("rss_bytes", .int(cycle.rssBytes)), ("heap_bytes", .int(cycle.heapBytes)),
            ("audio_bytes", .int(cycle.audioBytes)), ("audio_peak_bytes", .int(cycle.audioPeakBytes)),
            ("passes", .int(cycle.passes)),
        ])
    }

    static func textLine(_ cycle: AudioSwitchRun.Cycle) -> String {
        "cycle \(cycle.cycle)  rss \(megabytes(cycle.rssBytes))  heap \(megabytes(cycle.heapBytes))  "
            + "audio \(megabytes(cycle.audioBytes)) (at most \(megabytes(cycle.audioPeakBytes)) open)  passes \(cycle.passes)"
    }
}
