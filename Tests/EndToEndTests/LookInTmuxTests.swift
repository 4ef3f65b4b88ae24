import Foundation
import Testing

/// The look keys in the real player: the title says what the picture is seen through, and a
/// change of look decodes again without holding the old look's frames.
@Suite struct LookInTmuxTests {
    @Test func lookKeysChangeTheTitleAndKeepTheCacheFromGrowing() async throws {
        let folder = NSTemporaryDirectory() + "reel-look-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "12", "--size", "160x90"])
        #expect(made.status == 0, "\(made.stderr)")
        let stats = folder + "/stats.jsonl"
        let log = StatsLog(path: stats)
        let tmux = try await Tmux(width: 120, height: 40)
        try await tmux.type("'\(Shell.reel)' --paused --stats-file '\(stats)' '\(folder)'")
        try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("q quit") }
        let plain = try await log.waitUntilSettled { ($0["cached_frames"] as? Int ?? 0) > 0 }
        let plainBytes = try #require(plain["cache_bytes"] as? Int)
        try await tmux.press("e")
        try await tmux.waitFor { $0.contains("EV +0.5") }
        let exposed = try await log.waitUntilSettled { ($0["cached_frames"] as? Int ?? 0) > 0 }
        #expect((exposed["cache_bytes"] as? Int ?? .max) <= plainBytes, "the plain look's frames were given back")
        try await tmux.press("v")
        try await tmux.waitFor { $0.contains("EV +0.5 R") }
        try await tmux.press("d", "d", "d")
        try await tmux.waitFor { $0.contains("EV -1.0 R") }
        try await tmux.press("y")
        let screen = try await tmux.waitFor { !$0.contains("EV ") && titleFrame($0) == 1 }
        let title = String(screen.split(separator: "\n").first ?? "")
        #expect(!title.contains("\u{00B7}") && title.contains("cells"), "a plain look says nothing: \(title)")
        try await tmux.press("?")
        try await tmux.waitFor { $0.contains("exposure up / down \u{00BD} stop") && $0.contains("alpha over checkerboard") }
        try await tmux.press("?")
        try await tmux.quitAndWaitForShell()
    }
}
