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

extension HostileInputTests {
    /// A FIFO, /dev/zero, a socket and a loop of links, named as a frame and as audio: probe,
    /// render and soak say what each is in one line and exit 1, at once (`timeout` turns a hang
    /// into a failure instead of a stuck suite).
    @Test func filesThatAreNotFilesAreRefusedAtOnce() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var cases: [(name: String, kind: String)] = []
        for ext in ["png", "wav"] {
            #expect(mkfifo(folder + "/fifo.\(ext)", 0o644) == 0)
            #expect(symlink("/dev/zero", folder + "/zero.\(ext)") == 0)
            #expect(symlink(folder + "/loop.\(ext)", folder + "/loop.\(ext)") == 0)
            cases += [("fifo.\(ext)", "is a FIFO (named pipe), not a regular file"),
                      ("zero.\(ext)", "is a character device, not a regular file"),
                      ("loop.\(ext)", "is a loop of symbolic links, not a regular file")]
        }
        for (name, kind) in cases {
            for command in [["probe"], ["render"], ["soak", "--loops", "1"]] {
                let start = Date()
                let result = try Shell.run(["timeout", "20", Shell.reel] + command + [folder + "/" + name])
                let seconds = Date().timeIntervalSince(start)
                #expect(result.status == 1, "\(command[0]) \(name): status \(result.status)")
                #expect(result.stderr.contains(kind), "\(command[0]) \(name): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
                #expect(seconds < 5, "\(command[0]) \(name) took \(seconds) s")
            }
        }
    }
}
