import Foundation
import Testing

/// Input made to break a player, from outside: broken samples, files that are not files,
/// decompression bombs, names that are escape sequences. Each gets one clear line or is shown
/// for what it is; nothing crashes, hangs or drives the terminal.
@Suite struct HostileInputTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "reel-e2e-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A mono 32-bit float WAV written byte by byte (not through Reel's own writer).
    static func floatWAV(_ samples: [Float], rate: UInt32 = 8000, to path: String) throws {
        var data = Data()
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let payload = UInt32(samples.count * 4)
        data.append(contentsOf: Array("RIFF".utf8)); put(36 + payload)
        data.append(contentsOf: Array("WAVEfmt ".utf8)); put(UInt32(16))
        put(UInt16(3)); put(UInt16(1)); put(rate); put(rate * 4); put(UInt16(4)); put(UInt16(32))
        data.append(contentsOf: Array("data".utf8)); put(payload)
        for sample in samples { put(sample.bitPattern) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// A second of a quiet sine with NaN, ±infinity and ±1e30 in it.
    static func poisonedWAV(in folder: String) throws -> String {
        var samples = (0..<8000).map { Float(0.3 * sin(Double($0) / 8000 * 2 * .pi * 440)) }
        for (index, value) in [(1000, Float.nan), (1001, .infinity), (3000, -.infinity), (5000, 1e30), (5001, -1e30),
                               (7999, .nan)] {
            samples[index] = value
        }
        let path = folder + "/poisoned.wav"
        try floatWAV(samples, to: path)
        return path
    }

    @Test func brokenSamplesRenderAsClippedAndAreCounted() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.poisonedWAV(in: folder)
        let result = try Shell.run([Shell.reel, "render", path, "--width", "100", "--height", "20", "--color", "truecolor"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("6 broken samples"))
        // The waveform's clip colour (255, 80, 80) marks them.
        #expect(result.stdout.contains("255;80;80m"))
    }

    @Test func brokenSamplesPlay() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.poisonedWAV(in: folder)
        let log = StatsLog(path: folder + "/stats.jsonl")
        let tmux = try Tmux(width: 100, height: 30)
        try tmux.waitFor { $0.contains("e2e$") }
        try tmux.type("'\(Shell.reel)' --paused --audio-device none --stats-file '\(log.path)' '\(path)'")
        try tmux.waitFor { $0.contains("6 broken samples") && $0.contains("q quit") }
        try tmux.press("Space")
        try tmux.waitFor { $0.contains("playing") }
        // It plays to the end of the loop and on: the stats keep coming from a live player.
        try log.waitFor { ($0["playing"] as? Bool) == true && ($0["frame"] as? Int ?? 0) > 12 }
        try tmux.quitAndWaitForShell()
        #expect(try tmux.waitForForeground("bash"))
    }
}
