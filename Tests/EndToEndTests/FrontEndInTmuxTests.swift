import Foundation
import Testing

/// The front end as a person meets it, in tmux, with the stats file as the script's eyes.
/// Each test has its own tmux server, folder and stats file, so they run side by side.
@Suite struct FrontEndInTmuxTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "reel-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The first incident: a 100-frame sequence, a work area of 1…50 set with the keys, then a
    /// minute of looping it. Decodes stop after the first loop, RSS stays flat, and the strip
    /// shows the work area cached. (Small frames: the incident is in the loop, not the decoder,
    /// and the debug build takes seconds to write a hundred 640x360 PNGs.)
    @Test func loopingAWorkAreaForAMinuteStaysFlat() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "100", "--size", "192x108", "--name", "shot"])
        #expect(made.status == 0, "\(made.stderr)")
        let stats = folder + "/stats.jsonl"
        let log = StatsLog(path: stats)

        let tmux = try await Tmux(width: 120, height: 40)
        try await tmux.type("'\(Shell.reel)' --paused --stats-file '\(stats)' '\(folder)/shot.####.png'")
        try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("q quit") }
        try await tmux.press("Home")
        try await tmux.press("B")
        try await tmux.press(Array(repeating: "Right", count: 49))
        try await tmux.waitFor { titleFrame($0) == 50 }
        try await tmux.press("N")
        try await tmux.waitFor { $0.contains("B–N 1–50") }
        try await tmux.press("Space")
        try await tmux.waitFor { $0.contains("▶ playing") }
        // A minute of playing, by the player's own clock.
        let started = try await log.waitFor { ($0["playing"] as? Bool) == true }.line["time"] as! Double
        try await log.waitFor(seconds: 120) { ($0["time"] as? Double ?? 0) >= started + 60 }
        let lines = log.lines
        let playing = lines.filter { ($0["playing"] as? Bool) == true }
        #expect(Double(playing.count) >= 60 * 3, "about four lines a second: \(playing.count) in a minute")
        // Every line carries the soak's keys and where playback is.
        for key in ["rss_bytes", "heap_bytes", "cache_bytes", "cached_frames", "decodes", "queued", "hits", "misses",
                    "dropped", "audio_bytes", "frame", "work_area", "playing", "file"] {
            #expect(lines.last?[key] != nil, "\(key)")
        }
        #expect(playing.allSatisfy { ($0["work_area"] as? [Int]) == [1, 50] })
        let frames = playing.compactMap { $0["frame"] as? Int }
        #expect(frames.allSatisfy { (1...50).contains($0) }, "the playhead stays in 1…50")
        #expect(Set(frames).count > 10, "and moves over it (sampled at 4 Hz)")
        #expect(zip(frames, frames.dropFirst()).contains { $0 > $1 }, "and loops")
        // After the first loop (about 2 s at 24 fps) nothing is decoded again.
        let settled = playing.filter { ($0["time"] as! Double) > (playing.first!["time"] as! Double) + 8 }
        let decodes = settled.compactMap { $0["decodes"] as? Int }
        #expect(!decodes.isEmpty && decodes.first == decodes.last, "decodes \(decodes.first ?? -1) → \(decodes.last ?? -1)")
        // No frame twice: the budget holds all 100 (how many of 51…100 were read ahead before N
        // was pressed depends on the machine), and from Space on, at most the area's 50.
        let atPlay = playing.first?["decodes"] as? Int ?? 0
        #expect((decodes.last ?? 0) <= 100, "no frame was decoded twice: \(decodes.last ?? -1)")
        #expect((decodes.last ?? 0) - atPlay <= 50, "the work area was decoded once: \(atPlay) → \(decodes.last ?? -1)")
        let rss = settled.compactMap { $0["rss_bytes"] as? Int }
        let growth = (rss.last ?? 0) - (rss.first ?? 0)
        #expect(growth <= 1 << 20, "RSS grew \(growth) bytes while looping")
        #expect((settled.last?["cached_frames"] as? Int ?? 0) >= 50)

        // The timeline: the work area marked on the bar, and the strip over it full. (Paused
        // inside the work area, so the playhead does not stand on a bracket.)
        try await tmux.press("Space")
        try await tmux.waitFor { $0.contains("paused") }
        try await tmux.press("Home")
        try await tmux.press(Array(repeating: "Right", count: 10))
        let screen = try await tmux.waitFor { titleFrame($0) == 11 && $0.contains("[━") && $0.contains("━]") }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bar = try #require(rows.firstIndex { $0.contains("[━") && $0.contains("━]") })
        let strip = Array(rows[bar + 1].unicodeScalars)
        let barScalars = Array(rows[bar].unicodeScalars)
        let begin = try #require(barScalars.firstIndex(of: "["))
        let end = try #require(barScalars.firstIndex(of: "]"))
        #expect(rows[bar + 1].hasPrefix("cache "))
        #expect(strip[begin...end].allSatisfy { $0 == "█" }, "the work area is cached: \(rows[bar + 1])")
        // Z zooms the timeline to the work area: the ruler then ends at 50.
        try await tmux.press("z")
        let zoomed = try await tmux.waitFor { $0.split(separator: "\n").contains { $0.hasPrefix("zoom ") } }
        let ruler = zoomed.split(separator: "\n").first { $0.hasPrefix("zoom ") }.map(String.init) ?? ""
        let labels = ruler.split { !$0.isNumber }.compactMap { Int($0) }
        #expect(!labels.isEmpty && labels.allSatisfy { $0 <= 50 }, "\(ruler)")
        try await tmux.quitAndWaitForShell()
        #expect(try await tmux.waitForForeground("bash"))
    }

    /// Tab between two audio files fifty times: each visit of a file shows the same audio bytes,
    /// and RSS comes back to where it was. (Short files: a visit that kept its 1.5 or 2.3 MB of
    /// samples would pass the 2 MB bound within two visits, and the analyses stay quick.)
    @Test func tabBetweenTwoAudioFilesGivesMemoryBack() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, seconds) in [("one.wav", "4"), ("two.wav", "6")] {
            let made = try await Shell.run([Shell.reel, "make-audio", folder + "/" + name, "--seconds", seconds])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let stats = folder + "/stats.jsonl"
        let log = StatsLog(path: stats)
        let tmux = try await Tmux(width: 120, height: 36)
        try await tmux.type("'\(Shell.reel)' --paused --audio-device none --stats-file '\(stats)' '\(folder)/one.wav' '\(folder)/two.wav'")
        try await tmux.waitFor { $0.contains("1/2") && $0.contains("one.wav") && $0.contains("FFT 2048") && !$0.contains("analysing") }
        var visits: [String: [(audio: Int, rss: Int)]] = [:]
        for switchIndex in 0..<50 {
            let name = switchIndex % 2 == 0 ? "two.wav" : "one.wav"
            try await tmux.press("Tab")
            // Shown, analysed, and sampled after that.
            try await tmux.waitFor { $0.contains(name) && $0.contains("FFT 2048") && !$0.contains("analysing") }
            let last = try await log.waitFor(after: log.lines.count) {
                ($0["file"] as? String)?.hasSuffix(name) == true && ($0["analysing"] as? Bool) == false
            }.line
            visits[name, default: []].append((last["audio_bytes"] as! Int, last["rss_bytes"] as! Int))
        }
        let screen = try await tmux.screen()
        #expect(screen.contains("audio ") && screen.contains(" MB"), "the gauge shows the audio bytes")
        for (name, seen) in visits {
            let audio = Set(seen.map(\.audio))
            #expect(audio.count == 1 && audio.first! > 0, "\(name): the same audio bytes at every visit: \(audio.sorted())")
            let rss = seen.map(\.rss)
            let growth = rss.suffix(5).max()! - rss.prefix(5).min()!
            #expect(growth <= 2 << 20, "\(name): RSS grew \(growth) bytes over \(rss.count) visits")
        }
        try await tmux.quitAndWaitForShell()
    }

    /// A click on the timeline goes to the frame under it, and one at the right end to the last.
    /// (Drags are not sent: tmux 3.3 can crash its server on a motion report sent as keys.)
    @Test func aClickOnTheTimelineScrubs() async throws {
        let tmux = try await Tmux(width: 100, height: 30)
        try await tmux.type("'\(Shell.reel)' --paused Assets/demo.####.png")
        try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("q quit") }
        let rows = try await tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
        let bar = try #require(rows.firstIndex { $0.contains("▼") })
        // 100 columns: the track is columns 6…98 (93 of them) for frames 1…96; screen column 53
        // (1-based) is track column 46, half-way.
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "\u{1B}[<0;53;\(bar + 1)M"])
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "\u{1B}[<0;53;\(bar + 1)m"])
        let clicked = try await tmux.waitFor { (titleFrame($0) ?? 1) != 1 }
        #expect((45...50).contains(titleFrame(clicked) ?? 0), "a click half-way goes half-way: \(titleFrame(clicked) ?? -1)")
        #expect(clicked.split(separator: "\n")[0].contains("24 fps"), "the report is not read as keys")
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "\u{1B}[<0;99;\(bar + 1)M"])
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "\u{1B}[<0;99;\(bar + 1)m"])
        try await tmux.waitFor { titleFrame($0) == 96 }
        try await tmux.quitAndWaitForShell()
    }

    /// Every row but the gauge's (its figures move four times a second) as tmux holds them,
    /// colours and all, once decoding has settled, and as they are after Ctrl-L sends the whole
    /// screen again: what was drawn cell by cell, by ncurses and beside it, must look the same as
    /// a full redraw. Waits on the stats file for the redraw to be sent, then for tmux to show it.
    static func screenAndRedrawn(_ tmux: Tmux, _ log: StatsLog) async throws -> (shown: [[VisibleCells.Cell]], redrawn: [[VisibleCells.Cell]]) {
        func steadyRows() async throws -> [[VisibleCells.Cell]] {
            // Two captures that agree: not a screen caught while tmux is still reading it.
            var previous: [[VisibleCells.Cell]]?
            for _ in 0..<100 {
                let plain = try await tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
                let coloured = try await tmux.screen(escapes: true).split(separator: "\n", omittingEmptySubsequences: false)
                let ruler = try #require(plain.firstIndex { $0.hasPrefix("frame ") })
                // Title, picture, audio pane, the timeline's three rows; and the hint line.
                let hints = try #require(plain.lastIndex { $0.contains("q quit") })
                // Padded to the width: tmux leaves out a line's trailing blanks, but only those
                // written in the default colours, and a space shows no foreground.
                let parsed = VisibleCells.parse(capture: coloured)
                let rows = (Array(0..<min(ruler + 3, coloured.count)) + [hints]).map {
                    let cells = parsed[$0]
                    return cells + Array(repeating: .halves(top: "default", bottom: "default"), count: max(0, tmux.width - cells.count))
                }
                if rows == previous { return rows }
                previous = rows
                try await Task.sleep(for: .milliseconds(20))
            }
            return previous ?? []
        }
        let before = try await log.waitUntilSettled()
        let shown = try await steadyRows()
        try await tmux.press("C-l")
        let redraws = before["redraws"] as? Int ?? 0
        try await log.waitUntilSettled { ($0["redraws"] as? Int ?? 0) > redraws }
        var redrawn = try await steadyRows()
        // tmux may still be taking in the repaint: give it a few captures to look the same.
        for _ in 0..<20 where redrawn != shown {
            try await Task.sleep(for: .milliseconds(50))
            redrawn = try await steadyRows()
        }
        return (shown, redrawn)
    }

    /// Expects each row shown to look like the same row redrawn; names the first cell that does not.
    static func expectSame(_ shown: [[VisibleCells.Cell]], _ redrawn: [[VisibleCells.Cell]]) {
        #expect(shown.count == redrawn.count)
        for (row, (a, b)) in zip(shown, redrawn).enumerated() {
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(a == b, "row \(row) differs from a redraw at column \(first ?? -1): \(first.map { "\(a[$0]) vs \(b[$0])" } ?? "lengths \(a.count) vs \(b.count)")")
        }
    }

    /// Playing, the detailed gauge (the rows move), the help over the picture, steps: then the
    /// screen is what a redraw shows.
    @Test func theScreenIsWhatARedrawShows() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = StatsLog(path: folder + "/stats.jsonl")
        let tmux = try await Tmux(width: 120, height: 40)
        try await tmux.type("'\(Shell.reel)' --stats-file '\(log.path)'")
        try await tmux.waitFor { (titleFrame($0) ?? 0) > 30 && $0.contains("q quit") }
        try await tmux.press("G")
        try await tmux.waitFor { $0.contains("hit rate") }
        try await tmux.press("?")
        try await tmux.waitFor { $0.contains("shuttle ◀ / stop") }
        // Any key closes the help and does nothing else.
        try await tmux.press("Space")
        try await tmux.waitFor { !$0.contains("shuttle ◀ / stop") }
        try await tmux.press("Space")
        try await tmux.waitFor { $0.contains("paused") }
        try await tmux.press("Right", "Right", "Right")
        try await tmux.waitFor(seconds: 30) { !$0.contains("analysing") }
        let (shown, redrawn) = try await Self.screenAndRedrawn(tmux, log)
        #expect(shown.count > 20)
        Self.expectSame(shown, redrawn)
        try await tmux.quitAndWaitForShell()
    }

    /// A storm of resizes ends with the screen drawn for the last size; `?` lists the keys; a
    /// crash signal gives the terminal back (modes, main screen, a shell that answers).
    @Test func resizeStormHelpAndCrash() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = StatsLog(path: folder + "/stats.jsonl")
        let tmux = try await Tmux(width: 100, height: 30)
        try await tmux.type("'\(Shell.reel)' --paused --stats-file '\(log.path)' Assets/demo.####.png")
        try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("q quit") && $0.contains("▀") }
        // (tmux 3.3a's server itself can die on resizes while a program is still starting.)
        try await log.waitUntilSettled()
        for (x, y) in [(40, 10), (150, 50), (21, 6), (80, 24), (15, 4), (200, 60), (33, 17), (120, 35)] {
            try await tmux.tmux(["resize-window", "-t", "e2e", "-x", String(x), "-y", String(y)])
            try await Task.sleep(for: .milliseconds(20))
        }
        let settled = try await tmux.waitFor {
            let lines = $0.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 35 && lines[0].contains("frame 1 ") && lines[34].contains("q quit") && lines[0].hasSuffix("reel")
        }
        #expect(!settled.contains("too small"))
        // Frames are decoded again at the new size: the comparison waits for them to land.
        let (shown, redrawn) = try await Self.screenAndRedrawn(tmux, log)
        Self.expectSame(shown, redrawn)
        #expect(shown.count > 20)
        try await tmux.press("?")
        let help = try await tmux.waitFor { $0.contains("Keys") && $0.contains("shuttle ◀ / stop") }
        #expect(help.contains("clear the frame cache") && help.contains("click or drag the timeline"))
        try await tmux.press("x")
        try await tmux.waitFor { !$0.contains("shuttle ◀ / stop") }

        // A crash signal: the handler puts the terminal back before the process dies. (tmux
        // may have copied rows of the picture into the main screen while resizing it, so the
        // check is the prompt on the last line, not a screen free of half blocks.)
        let killed = try await Shell.run(["pkill", "-SEGV", "-f", "^\(Shell.reel) --paused --stats-file \(log.path)"])
        #expect(killed.status == 0)
        try await tmux.waitFor { $0.split(separator: "\n").last?.hasPrefix("e2e$") == true }
        #expect(try await tmux.tmux(["display-message", "-p", "-t", "e2e", "#{alternate_on}"]).hasPrefix("0"))
        try await tmux.type("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' +")
        try await tmux.waitFor { $0.contains("icanon+echo+") }
    }
}
