import Foundation
import GraphicsSupport
import ReelCore
import Testing
@testable import ReelTUI

/// kitty pictures inside tmux, through a real tmux: Reel plays in a tmux of its own (with
/// `allow-passthrough`), a client of that tmux is attached under `script`, which keeps every
/// byte tmux sends its terminal, and those bytes are read back by a terminal that draws kitty's
/// Unicode placeholders (`GraphicsTerminal`). What it shows must be the frame, after tmux's
/// own redraws: on attaching, and after the pane's window was hidden behind another and shown
/// again. (kitty 0.26 here has no placeholders, so no real kitty can be the terminal.)
@Suite struct KittyInsideTmuxTests {
    @Test func thePictureLivesInTmuxsCellsAndSurvivesItsRedraws() async throws {
        let folder = NSTemporaryDirectory() + "reel-tmux-kitty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "2", "--size", "480x270", "--name", "shot"])
        #expect(made.status == 0, "\(made.stderr)")
        let inner = "reel-inner-" + UUID().uuidString.prefix(8)
        // Passthrough for the pictures; focus events, which tmux 3.3 sends a pane only with them on.
        try "set -g allow-passthrough on\nset -g focus-events on\n".write(toFile: folder + "/tmux.conf", atomically: true, encoding: .utf8)
        defer { _ = try? Shell.runBlocking(["tmux", "-L", inner, "kill-server"]) }
        let stats = StatsLog(path: folder + "/stats.jsonl")
        // Reel starts before any client is attached: what it passes through then reaches no
        // terminal, and attaching (focus coming in) must bring the picture.
        let reel = "env -i PATH=/usr/bin:/bin TERM=tmux-256color LANG=C.UTF-8 TMUX=\"$TMUX\" '\(Shell.reel)' --paused "
            + "--graphics kitty --stats-file '\(stats.path)' '\(folder)/shot.####.png'"
        let started = try await Shell.run(["tmux", "-L", inner, "-f", folder + "/tmux.conf", "new-session", "-d", "-s", "in",
                                           "-x", "100", "-y", "31", reel])
        #expect(started.status == 0, "\(started.stderr)")
        let first = try await stats.waitFor(seconds: 30) { ($0["pictures_sent"] as? Int ?? 0) >= 1 }
        #expect(first.line["graphics"] as? String == "kitty")

        let outer = try await Tmux(width: 100, height: 32)
        let log = folder + "/terminal.bytes"
        try await outer.type("TMUX= script -qfc 'tmux -L \(inner) attach -t in' '\(log)'")
        let attached = try await stats.waitFor(after: first.index, seconds: 30) {
            ($0["pictures_sent"] as? Int ?? 0) >= 2 && $0["picture_px"] != nil
        }
        let rect = try #require(attached.line["picture_px"] as? [Int])
        // tmux's pane says its cells are 16 × 32 pixels when its terminal says nothing.
        let cellSize = try #require(attached.line["cell_px"] as? [Int])
        try #require(rect.count == 4 && cellSize.count == 2)
        let cell = (width: cellSize[0], height: cellSize[1])
        try #require(rect[0] + rect[2] <= 100 * cell.width && rect[1] + rect[3] <= 32 * cell.height)
        let frame = RenderLikeFrames(width: 480, height: 270, count: 2, name: "shot").picture(frame: 1)
        let reference = boxScaled(frame, width: rect[2], height: rect[3])
        #expect((attached.line["terminal_image_bytes"] as? Int ?? .max) <= 2 * (rect[2] + 2 * cell.width) * (rect[3] + 2 * cell.height) * 4,
                "two pictures at most, each padded to its cells")

        let shown = try await Self.waitForPicture(in: log, cell: cell, rect: rect, reference: reference)
        #expect(shown.quality >= 32, "the picture through tmux against the frame: \(shown.quality) dB; \(shown.errors)")

        // Another window over it, then this one again: tmux redraws the placeholders from its
        // own cells, and Reel, told the pane has focus again, sends the picture once more.
        let sent = attached.line["pictures_sent"] as? Int ?? 0
        _ = try await Shell.run(["tmux", "-L", inner, "new-window", "-t", "in"])
        _ = try await Shell.run(["tmux", "-L", inner, "select-window", "-t", "in:0"])
        let back = try await stats.waitFor(after: attached.index, seconds: 30) { ($0["pictures_sent"] as? Int ?? 0) > sent }
        #expect((back.line["terminal_image_bytes"] as? Int ?? .max) <= 2 * (rect[2] + 2 * cell.width) * (rect[3] + 2 * cell.height) * 4)
        let again = try await Self.waitForPicture(in: log, cell: cell, rect: rect, reference: reference)
        #expect(again.quality >= 32, "after the window came back: \(again.quality) dB; \(again.errors)")

        // q: every picture deleted in the terminal too.
        _ = try await Shell.run(["tmux", "-L", inner, "send-keys", "-t", "in:0", "q"])
        let closed = try await Self.waitFor(in: log, cell: cell) { $0.liveKittyImages.isEmpty && !$0.deletedKittyIDs.isEmpty }
        #expect(closed.liveKittyImages.isEmpty)
    }

    /// Reads what tmux sent its terminal so far (100 × 32 `cell`s), until `done` holds (30 s at most).
    static func waitFor(in log: String, cell: (width: Int, height: Int), _ done: (GraphicsTerminal) -> Bool) async throws -> GraphicsTerminal {
        let deadline = Date().addingTimeInterval(30)
        var terminal = GraphicsTerminal(columns: 100, rows: 32, cell: cell)
        repeat {
            terminal = GraphicsTerminal(columns: 100, rows: 32, cell: cell)
            terminal.feed(Array((try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data()))
            if done(terminal) { break }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        return terminal
    }

    /// Waits until the screen tmux drew shows the picture at `rect` (pixels) as `reference`
    /// within 32 dB; the best seen.
    static func waitForPicture(in log: String, cell: (width: Int, height: Int), rect: [Int],
                               reference: RGBImage) async throws -> (quality: Double, errors: [String]) {
        var best = -Double.infinity
        var errors: [String] = []
        _ = try await waitFor(in: log, cell: cell) { terminal in
            let screen = terminal.placeholderPicture(diacritics: KittyPlaceholders.diacritics)
            var pixels: [UInt8] = []
            for y in 0..<rect[3] {
                let start = ((rect[1] + y) * screen.width + rect[0]) * 3
                pixels += screen.pixels[start..<(start + rect[2] * 3)]
            }
            best = max(best, psnr(RGBImage(width: rect[2], height: rect[3], pixels: pixels), reference) ?? -.infinity)
            errors = Array(terminal.errors.prefix(3))
            return best >= 32
        }
        return (best, errors)
    }
}
