import Foundation
import Testing

/// The review workflow as a person meets it in tmux: going to a frame by typing it, the
/// timecode, and what a mistyped line does (nothing, and says so).
@Suite struct ReviewInTmuxTests {
    /// A sequence numbered 1001-1100, as renders are.
    static func renders(count: Int = 100) async throws -> String {
        let folder = NSTemporaryDirectory() + "reel-review-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", String(count), "--size", "96x54", "--name", "shot"])
        #expect(made.status == 0, "\(made.stderr)")
        for frame in (1...count).reversed() {
            let from = folder + "/shot." + String(format: "%04d", frame) + ".png"
            try FileManager.default.moveItem(atPath: from, toPath: folder + "/shot." + String(format: "%04d", frame + 1000) + ".png")
        }
        return folder
    }

    @Test func colonGoesToTheFrameTypedAndDigitsDoNothingElse() async throws {
        let folder = try await Self.renders()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("'\(Shell.reel)' --paused '\(folder)/shot.####.png'")
        try await tmux.waitFor { titleFrame($0) == 1001 && $0.contains("go to") }
        try await tmux.press(":")
        try await tmux.waitFor { $0.contains("go to: █") }
        // 1, 2 and 4 zoom the picture and 9, 0 set the volume, but not while the line is open.
        try await tmux.press("1", "0", "5", "0")
        var screen = try await tmux.waitFor { $0.contains("go to: 1050█") }
        #expect(!screen.split(separator: "\n")[0].contains("100%"), "1 did not zoom the picture")
        try await tmux.press("Enter")
        screen = try await tmux.waitFor { titleFrame($0) == 1050 && !$0.contains("go to:") }
        // Its timecode, counted from frame 0 at 24 fps: 1050 frames are 43 s and 18 frames.
        try await tmux.press("O")
        screen = try await tmux.waitFor { $0.contains("00:00:43:18  [00:00:41:17–00:00:45:20]  frame 1050") }
        #expect(screen.contains("TC"), "the ruler reads timecode")
        // A timecode goes there too; a relative step from it.
        try await tmux.press(":")
        try await tmux.type("00:00:42:00")
        try await tmux.waitFor { titleFrame($0) == 1008 }
        try await tmux.press(":")
        try await tmux.type("+12")
        try await tmux.waitFor { titleFrame($0) == 1020 }
        // A line that names no frame says why and leaves the playhead; Esc closes the line unused.
        try await tmux.press(":")
        try await tmux.type("abc")
        screen = try await tmux.waitFor { $0.contains("'abc' is not a frame, a timecode, +N, -N or N%") }
        #expect(titleFrame(screen) == 1020)
        try await tmux.press(":", "7", "Escape")
        screen = try await tmux.waitFor { !$0.contains("go to:") && $0.contains("q quit") }
        #expect(titleFrame(screen) == 1020)
        try await tmux.quitAndWaitForShell()
    }

    @Test func tabAndBackShowsTheSameFrameAndWorkArea() async throws {
        let first = try await Self.renders(count: 60), second = try await Self.renders(count: 30)
        defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("'\(Shell.reel)' --paused '\(first)/shot.####.png' '\(second)/shot.####.png'")
        try await tmux.waitFor { titleFrame($0) == 1001 && $0.contains("1/2") }
        try await tmux.press(":")
        try await tmux.type("1010")
        try await tmux.press("B")
        try await tmux.press(":")
        try await tmux.type("1040")
        try await tmux.press("N", "P")
        try await tmux.press(":")
        try await tmux.type("1025")
        try await tmux.waitFor { titleFrame($0) == 1025 && $0.contains("B–N 1010–1040") && $0.contains("ping-pong") }
        try await tmux.press("Tab")
        var screen = try await tmux.waitFor { $0.contains("2/2") && titleFrame($0) == 1001 }
        #expect(!screen.split(separator: "\n")[0].contains("B–N"), "the second file has its own (no) work area")
        try await tmux.press("BTab")
        screen = try await tmux.waitFor { $0.contains("1/2") && titleFrame($0) == 1025 }
        let title = String(screen.split(separator: "\n")[0])
        #expect(title.contains("B–N 1010–1040") && title.contains("ping-pong"), "\(title)")
        try await tmux.quitAndWaitForShell()
    }

    /// Ctrl-E saves the frame shown at its own size, named after the sequence and the frame, and
    /// says where; the file is `reel render --png` of the frame the same file names, byte for byte.
    @Test func ctrlEExportsTheFrameAsRenderWritesIt() async throws {
        let folder = try await Self.renders(count: 60)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("cd '\(folder)' && '\(Shell.reel)' --paused shot.####.png")
        try await tmux.waitFor { titleFrame($0) == 1001 }
        try await tmux.press(":")
        try await tmux.type("1050")
        try await tmux.waitFor { titleFrame($0) == 1050 }
        try await tmux.press("C-e")
        try await tmux.waitFor { $0.contains("frame 1050 saved as ./shot-frame1050.png (96×54)") }
        // Again: beside it, not over it.
        try await tmux.press("C-e")
        try await tmux.waitFor { $0.contains("saved as ./shot-frame1050-2.png") }
        try await tmux.quitAndWaitForShell()
        let rendered = folder + "/rendered.png"
        let render = try await Shell.run([Shell.reel, "render", folder + "/shot.1050.png", "--png", rendered])
        #expect(render.status == 0, "\(render.stderr)")
        let exported = try #require(FileManager.default.contents(atPath: folder + "/shot-frame1050.png"))
        #expect(FileManager.default.contents(atPath: rendered) == exported, "the export is the render of frame 1050")
        #expect(FileManager.default.contents(atPath: folder + "/shot-frame1050-2.png") == exported)
    }

    /// `reel A B --compare`: a wipe of a red and a blue sequence shows red left of the divider
    /// and blue right of it; a click on the picture moves the divider there; `A` goes on to side
    /// by side and the toggle, and the title says which.
    @Test func aWipeOfTwoSequencesShowsEachOnItsSideOfTheDivider() async throws {
        let folder = NSTemporaryDirectory() + "reel-compare-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, colour) in [("red", "red"), ("blue", "blue")] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            let made = try await Shell.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                                            "color=c=\(colour):size=64x36:rate=24", "-frames:v", "12", "-start_number", "1001",
                                            "\(folder)/\(name)/\(name).%04d.png"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("'\(Shell.reel)' --paused --compare '\(folder)/red' '\(folder)/blue'")
        try await tmux.waitFor { titleFrame($0) == 1001 && $0.contains("wipe \u{00B7} B blue.") && $0.contains(".png frame 1001 (by frame)") }
        let half = try #require(try await tmux.wipeDivider(), "red left of a divider, blue right of it")
        #expect((60...80).contains(half), "the divider starts half-way across: column \(half)")
        // A click on the picture, a quarter of the way across, takes the divider there.
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "\u{1B}[<0;36;10M"])
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "\u{1B}[<0;36;10m"])
        var moved: Int?
        for _ in 0..<200 where moved != 35 {
            moved = try await tmux.wipeDivider()
        }
        #expect(moved == 35, "the divider is under the click: \(moved ?? -1)")
        #expect(titleFrame(try await tmux.screen()) == 1001, "a click on the picture scrubs nothing")
        try await tmux.press("A")
        try await tmux.waitFor { $0.contains("side-by-side \u{00B7} B blue.") }
        try await tmux.press("A")
        try await tmux.waitFor { $0.contains("toggle: A shown") }
        try await tmux.press("R")
        try await tmux.waitFor { $0.contains("toggle: B shown") }
        try await tmux.press("A")
        try await tmux.waitFor { !$0.split(separator: "\n")[0].contains("B blue") }
        try await tmux.quitAndWaitForShell()
    }

    /// A sequence beside a movie made of other frames, lined up by their first frames: B's
    /// frame is the movie's, decoded through the same pool, and shown right of the divider.
    @Test func aSequenceAndAMovieLineUpByTheirFirstFrames() async throws {
        let folder = NSTemporaryDirectory() + "reel-compare-movie-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/red", withIntermediateDirectories: true)
        for (input, output) in [("color=c=red:size=64x36:rate=24", "red/red.%04d.png"), ("color=c=blue:size=64x36:rate=24", "blue.mp4")] {
            let numbering = output.hasSuffix("mp4") ? ["-pix_fmt", "yuv420p"] : ["-start_number", "1001"]
            let made = try await Shell.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", input, "-frames:v", "12"]
                                           + numbering + [folder + "/" + output])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("'\(Shell.reel)' --paused --compare --align start '\(folder)/red' '\(folder)/blue.mp4'")
        try await tmux.waitFor { titleFrame($0) == 1001 && $0.contains("wipe \u{00B7} B blue.mp4 frame 1 (by start)") }
        try await tmux.press("Right", "Right")
        try await tmux.waitFor { titleFrame($0) == 1003 && $0.contains("B blue.mp4 frame 3 (by start)") }
        #expect(try await tmux.wipeDivider() != nil, "the sequence left of the divider, the movie right of it")
        try await tmux.quitAndWaitForShell()
    }

    /// `|` gives each channel of the demo's stereo sound its own spectrogram band and waveform
    /// lane, named L and R in the gutter, and mixes them again.
    @Test func theBarKeyShowsEachChannelOnItsOwn() async throws {
        let tmux = try await Tmux(width: 120, height: 40)
        try await tmux.type("'\(Shell.reel)' --paused --audio-device none")
        try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("viridis") && !$0.contains("analysing") }
        try await tmux.press("|")
        let screen = try await tmux.waitFor {
            $0.contains("viridis \u{00B7} per channel") && !$0.contains("analysing")
                && $0.split(separator: "\n").filter { $0.hasPrefix("L ") || $0.hasPrefix("R ") }.count == 4
        }
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("R ") && $0.contains("\u{2502}") }, "R names a band of the spectrogram")
        try await tmux.press("|")
        try await tmux.waitFor { !$0.contains("per channel") && !$0.split(separator: "\n").contains { $0.hasPrefix("L ") } }
        try await tmux.quitAndWaitForShell()
    }

    /// `--loops 2` plays the range twice and stops on its last frame, and the title says how many.
    @Test func loopsPlaysTheRangeSoManyTimesThenStops() async throws {
        let folder = try await Self.renders(count: 12)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("'\(Shell.reel)' --loops 2 '\(folder)/shot.####.png'")
        // Stopped on the last frame (before it plays, the title is at the first).
        let stopped = try await tmux.waitFor { $0.contains("‖ paused") && titleFrame($0) == 1012 }
        #expect(stopped.split(separator: "\n")[0].contains("loop ×2"))
        try await tmux.quitAndWaitForShell()
    }
}

extension ReviewInTmuxTests {
    /// `--config FILE`: its options and bindings apply, its bad line is named by file and line.
    @Test func aConfigFileSetsOptionsAndKeysAndNamesItsBadLine() async throws {
        let folder = try await Self.renders(count: 20)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/config"
        try "fps = 12\nloop-mode = yes\nSharp go-to\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try await Tmux(width: 140, height: 36)
        try await tmux.type("'\(Shell.reel)' --paused --config '\(config)' '\(folder)/shot.####.png'")
        try await tmux.waitFor { titleFrame($0) == 1001 && $0.contains("12 fps") && $0.contains("config: \(config):2: unknown option 'loop-mode'") }
        // The first key takes the message away; # opens the go-to line, as the file binds it.
        try await tmux.press("#")
        try await tmux.waitFor { $0.contains("go to: █") }
        try await tmux.type("1015")
        try await tmux.waitFor { titleFrame($0) == 1015 }
        try await tmux.quitAndWaitForShell()
    }
}

extension Tmux {
    /// The picture's middle row as colours, once two captures agree and it has three of them.
    func pictureRow() async throws -> (row: [String], colours: [String]) {
        var last: [String] = []
        for _ in 0..<500 {
            let plain = try await screen().split(separator: "\n", omittingEmptySubsequences: false)
            let ruler = try #require(plain.firstIndex { $0.hasPrefix("frame ") })
            let parsed = VisibleCells.parse(capture: try await screen(escapes: true).split(separator: "\n", omittingEmptySubsequences: false))
            let row: [String] = parsed[ruler / 2].map {
                if case .halves(let top, _) = $0 { return top }
                return "default"
            }
            var colours: [String] = []
            for colour in row where colour != "default" && !colours.contains(colour) { colours.append(colour) }
            if row == last, colours.count == 3 { return (row, colours) }
            last = row
            try await Task.sleep(for: .milliseconds(20))
        }
        return (last, [])
    }

    /// Where a wipe's divider is, checking that A's colour is all left of it and B's all right.
    func wipeDivider() async throws -> Int? {
        let (row, colours) = try await pictureRow()
        guard colours.count == 3 else { return nil }
        let (a, line, b) = (colours[0], colours[1], colours[2])
        guard let at = row.firstIndex(of: line), row.lastIndex(of: line) == at else { return nil }
        let left = row[..<at].filter { $0 != "default" }, right = row[(at + 1)...].filter { $0 != "default" }
        guard !left.isEmpty, left.allSatisfy({ $0 == a }), !right.isEmpty, right.allSatisfy({ $0 == b }) else { return nil }
        return at
    }
}
