import Foundation
import Testing

/// The real binary in a real terminal (tmux), checked by what a person would see.
@Suite struct PlayerInTmuxTests {
    @Test func playsTheDemoAndGivesTheShellBack() async throws {
        let tmux = try await Tmux(width: 120, height: 40)
        try await tmux.type("'\(Shell.reel)' --paused")

        // The first frame of the demo, and its number in the title bar. Frame 1 is the demo's
        // white flash: white in the 256-colour cube (231) on every row of the viewer. ncurses
        // sends a screen in pieces, and frames are decoded on other threads: wait for it all.
        let coloured = try await tmux.waitFor(escapes: true) { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return titleFrame(screen) == 1 && rows.count > 20 && rows[1..<20].allSatisfy { $0.contains("5;231m") }
        }
        #expect(coloured.split(separator: "\n")[1..<20].allSatisfy { $0.contains("5;231m") }, "the flash frame is white")
        let first = try await tmux.waitFor { $0.contains("q quit") }
        let lines = first.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].contains("demo.####.png") && lines[0].contains("640×360") && lines[0].contains("paused"))
        #expect(lines.contains { $0.hasPrefix("frame ") && $0.contains("90") }, "the ruler shows the range")
        #expect(lines.contains { $0.contains("24k") } && lines.contains { $0.contains("1k") || $0.contains("10k") }, "the audio pane labels its frequencies, the Nyquist one on top")

        // Space plays: the frame number advances.
        try await tmux.press("Space")
        let playing = try await tmux.waitFor { (titleFrame($0) ?? 0) > 3 }
        #expect(playing.split(separator: "\n")[0].contains("playing"))

        // q quits: reel is gone, the screen is the shell's again, and the shell answers.
        try await tmux.press("q")
        let back = try await tmux.waitFor { $0.contains("e2e$ ") && !$0.contains("▀") }
        #expect(back.contains("--paused"), "the shell's own screen is back, with the command typed")
        #expect(try await tmux.waitForForeground("bash"))
        try await tmux.type("echo reel-e2e-$((6*7)) status $?")
        try await tmux.waitFor { $0.contains("reel-e2e-42 status 0") }
    }

    /// Where terminfo says the terminal takes RGB (tmux-direct), cells carry 24-bit colours; where
    /// it does not (tmux-256color), only palette colours are sent, unless COLORTERM=truecolor says
    /// the terminal takes them anyway: then the picture is in 24-bit and the text in 256 colours.
    @Test(arguments: [("tmux-direct", false, true), ("tmux-256color", false, false), ("tmux-256color", true, true)])
    func truecolourOnlyWhereTheTerminalSaysSo(_ term: String, _ colorterm: Bool, _ direct: Bool) async throws {
        let tmux = try await Tmux(width: 100, height: 30, term: term)
        try await tmux.type((colorterm ? "COLORTERM=truecolor " : "") + "'\(Shell.reel)' --paused Assets")
        try await tmux.waitFor { titleFrame($0) == 1 }
        try await tmux.press("Right")
        // Wait for the bars, which frame 1 (a white flash) does not have: 75 % yellow is exact in
        // direct colour and cube colour 142 (175, 175, 0) in 256 colours.
        let screen = try await tmux.waitFor(escapes: true) {
            titleFrame($0) == 2 && $0.contains(direct ? "2;191;191;0m" : "5;142m")
        }
        // The demo's 75 % yellow and blue colour bars, exactly, in direct colour.
        #expect(screen.contains("2;191;191;0m") == direct)
        #expect(screen.contains("2;0;0;191m") == direct)
        #expect(screen.contains("[38;2;") == direct)
        if !direct || colorterm { #expect(screen.contains("[38;5;") || screen.contains("[48;5;")) }
        try await tmux.quitAndWaitForShell()
    }

    @Test func stepsWithArrowsAndLeavesCleanlyOnControlC() async throws {
        let tmux = try await Tmux(width: 80, height: 24)
        try await tmux.type("'\(Shell.reel)' --paused Assets/demo.0001.png")
        try await tmux.waitFor { titleFrame($0) == 1 }
        try await tmux.press("Right")
        try await tmux.press("Right")
        try await tmux.waitFor { titleFrame($0) == 3 }
        try await tmux.press("Left")
        try await tmux.waitFor { titleFrame($0) == 2 }
        try await tmux.press("End")
        try await tmux.waitFor { titleFrame($0) == 96 }
        // Too small says so; larger again draws the player again.
        try await tmux.tmux(["resize-window", "-t", "e2e", "-x", "15", "-y", "4"])
        try await tmux.waitFor { $0.hasPrefix("too small: 15×4") }
        try await tmux.tmux(["resize-window", "-t", "e2e", "-x", "60", "-y", "20"])
        try await tmux.waitFor {
            titleFrame($0) == 96 && $0.split(separator: "\n", omittingEmptySubsequences: false)[19].contains("q quit")
        }
        // Ctrl-C ends it like q: terminal restored, status 130 (128 + SIGINT).
        try await tmux.press("C-c")
        try await tmux.waitFor { $0.contains("e2e$ ") && !$0.contains("▀") }
        try await tmux.type("echo status-$?")
        try await tmux.waitFor { $0.contains("status-130") }
    }

    @Test func aBrokenFrameIsShownAsBrokenAndTheRestPlays() async throws {
        let folder = NSTemporaryDirectory() + "reel-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for frame in 1...3 {
            try FileManager.default.copyItem(atPath: Shell.packageRoot + "/Assets/demo.000\(frame).png",
                                             toPath: folder + "/b.000\(frame).png")
        }
        try Data("this is not a png".utf8).write(to: URL(fileURLWithPath: folder + "/b.0004.png"))
        try FileManager.default.copyItem(atPath: Shell.packageRoot + "/Assets/demo.0006.png", toPath: folder + "/b.0006.png")

        let tmux = try await Tmux(width: 100, height: 30)
        try await tmux.type("'\(Shell.reel)' --paused '\(folder)/b.####.png'")
        try await tmux.waitFor { titleFrame($0) == 1 }
        try await tmux.press("End")
        try await tmux.press("Left", "Left")
        let broken = try await tmux.waitFor { titleFrame($0) == 4 && $0.contains("not a readable PNG") }
        #expect(broken.contains("frame 4 failed to decode"))
        #expect(broken.contains("not a readable PNG"))
        try await tmux.press("Right")
        try await tmux.waitFor { $0.contains("frame 5 is missing") }
        try await tmux.press("Right")
        // Frame 6 is a picture again: the demo's 75 % yellow bar (cube colour 142) is on screen.
        let fine = try await tmux.waitFor(escapes: true) { titleFrame($0) == 6 && $0.contains("5;142m") }
        #expect(fine.contains("5;142m"))
        let text = try await tmux.screen()
        #expect(!text.contains("failed to decode") && !text.contains("missing"))
        try await tmux.quitAndWaitForShell()
    }

    /// B and N set the work area, playback stays inside it, P and J change mode and direction,
    /// and backslash clears it again.
    @Test func theWorkAreaBoundsPlayback() async throws {
        let tmux = try await Tmux(width: 120, height: 30)
        try await tmux.type("'\(Shell.reel)' --paused")
        try await tmux.waitFor { titleFrame($0) == 1 }
        try await tmux.press("Right", "Right", "Right", "Right")
        try await tmux.waitFor { titleFrame($0) == 5 }
        try await tmux.press("b")
        try await tmux.press("Right", "Right", "Right", "Right", "Right")
        try await tmux.waitFor { titleFrame($0) == 10 }
        try await tmux.press("n")
        // The timeline marks B with [ and the area with ━; the playhead stands on N.
        // (Waiting for the whole line: ncurses may be half-way through redrawing it.)
        let marked = try await tmux.waitFor {
            $0.contains("B–N 5–10") && $0.split(separator: "\n").contains { $0.contains("─[━━━") && $0.contains("━▼─") }
        }
        #expect(marked.split(separator: "\n")[0].contains("frame 10"))
        try await tmux.press("Space")
        // Sampled until four frames have been seen (however slowly the machine plays), each of
        // them inside the work area.
        var seen = Set<Int>()
        let deadline = Date().addingTimeInterval(30)
        while seen.count <= 3 && Date() < deadline {
            // Two captures that agree: not a title caught half-way through being redrawn.
            let a = titleFrame(try await tmux.screen()), b = titleFrame(try await tmux.screen())
            if let a, a == b { seen.insert(a) }
        }
        #expect(seen.count > 3, "it plays")
        #expect(seen.allSatisfy { (5...10).contains($0) }, "only frames of the work area: \(seen.sorted())")
        try await tmux.press("p")
        try await tmux.waitFor { $0.contains("ping-pong") }
        try await tmux.press("j")
        try await tmux.waitFor { $0.contains("◀ playing") }
        try await tmux.press("\\")
        try await tmux.waitFor { !$0.contains("B–N") && titleFrame($0) != nil }
        try await tmux.quitAndWaitForShell()
    }
}
