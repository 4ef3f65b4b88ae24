import Foundation
import Testing
import ReelTestSupport

/// Input made to break a player, from outside: broken samples, files that are not files,
/// decompression bombs, names that are escape sequences. Each gets one clear line or is shown
/// for what it is; nothing crashes, hangs or drives the terminal.
@Suite struct HostileInputTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "reel-e2e-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A second of a quiet sine with NaN, ±infinity and ±1e30 in it.
    static func poisonedWAV(in folder: String) throws -> String {
        var samples = (0..<8000).map { Float(0.3 * sin(Double($0) / 8000 * 2 * .pi * 440)) }
        for (index, value) in [(1000, Float.nan), (1001, .infinity), (3000, -.infinity), (5000, 1e30), (5001, -1e30),
                               (7999, .nan)] {
            samples[index] = value
        }
        let path = folder + "/poisoned.wav"
        try HostileFiles.floatWAV(samples).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func brokenSamplesRenderAsClippedAndAreCounted() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.poisonedWAV(in: folder)
        let result = try await Shell.run([Shell.reel, "render", path, "--width", "100", "--height", "20", "--color", "truecolor"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("6 broken samples"))
        // The waveform's clip colour (255, 80, 80) marks them.
        #expect(result.stdout.contains("255;80;80m"))
    }

    @Test func brokenSamplesPlay() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.poisonedWAV(in: folder)
        let log = StatsLog(path: folder + "/stats.jsonl")
        let tmux = try await Tmux(width: 100, height: 30)
        try await tmux.type("'\(Shell.reel)' --paused --audio-device none --stats-file '\(log.path)' '\(path)'")
        try await tmux.waitFor { $0.contains("6 broken samples") && $0.contains("q quit") }
        try await tmux.press("Space")
        try await tmux.waitFor { $0.contains("playing") }
        // It plays to the end of the loop and on: the stats keep coming from a live player.
        try await log.waitFor { ($0["playing"] as? Bool) == true && ($0["frame"] as? Int ?? 0) > 12 }
        try await tmux.quitAndWaitForShell()
        #expect(try await tmux.waitForForeground("bash"))
    }
}

extension HostileInputTests {
    /// A FIFO, /dev/zero, a socket and a loop of links, named as a frame and as audio: probe,
    /// render and soak say what each is in one line and exit 1, never blocking: `timeout` turns
    /// a hang into status 124, a failure, not a stuck suite. (No bound in seconds: a loaded
    /// machine stretches those.)
    @Test func filesThatAreNotFilesAreRefusedAtOnce() async throws {
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
                let result = try await Shell.run(["timeout", "20", Shell.reel] + command + [folder + "/" + name])
                #expect(result.status == 1, "\(command[0]) \(name): status \(result.status)")
                #expect(result.stderr.contains(kind), "\(command[0]) \(name): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            }
        }
    }
}

extension HostileInputTests {
    /// A 261 KB PNG claiming 16384x16384 at 16 bits: render refuses it from its chunks, with
    /// less than 64 MB more at its peak than rendering a plain frame; as frame 1 of a 640x360
    /// sequence it neither sizes the sequence nor stops a soak; `--size 16384x16384` is refused
    /// before anything is allocated. Every status 1 comes with its line.
    @Test func aDecompressionBombCostsNothing() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "6", "--size", "640x360", "--name", "shot"])
        #expect(made.status == 0, "\(made.stderr)")
        let plain = try await Shell.run([Shell.reel, "render", folder + "/shot.0002.png", "--width", "80", "--height", "24"])
        #expect(plain.status == 0)
        try Data(HostileFiles.pngBomb()).write(to: URL(fileURLWithPath: folder + "/bomb.png"))
        let bomb = try await Shell.run(["timeout", "60", Shell.reel, "render", folder + "/bomb.png", "--width", "80", "--height", "24"])
        #expect(bomb.status == 1)
        #expect(bomb.stderr.contains("claims 16384x16384, which its data cannot hold"), "\(bomb.stderr)")
        #expect(bomb.stderr.split(separator: "\n").count == 1)
        #expect(bomb.peakRSS - plain.peakRSS < 64 << 20, "peak RSS \(bomb.peakRSS >> 20) MB vs \(plain.peakRSS >> 20) MB")

        // Frame 1 of the sequence is the bomb.
        try FileManager.default.removeItem(atPath: folder + "/shot.0001.png")
        try FileManager.default.moveItem(atPath: folder + "/bomb.png", toPath: folder + "/shot.0001.png")
        let probe = try await Shell.run([Shell.reel, "probe", folder + "/shot.####.png"])
        #expect(probe.status == 0 && probe.stdout.contains("640x360"), "\(probe.stdout)\(probe.stderr)")
        let soak = try await Shell.run(["timeout", "120", Shell.reel, "soak", folder + "/shot.####.png", "--loops", "3"])
        #expect(soak.status == 0, "\(soak.stdout)\(soak.stderr)")
        #expect(soak.stdout.contains("at 640x360"))
        #expect(soak.peakRSS - plain.peakRSS < 64 << 20, "soak peak RSS \(soak.peakRSS >> 20) MB")

        let huge = try await Shell.run(["timeout", "60", Shell.reel, "soak", folder + "/shot.####.png", "--size", "16384x16384"])
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("more than the per-frame limit"), "\(huge.stderr)")
        #expect(huge.peakRSS - plain.peakRSS < 64 << 20)
    }
}

extension HostileInputTests {
    /// A name made of escape sequences (clear the screen, retitle the window, ring the bell, a
    /// newline, a C1 CSI, a right-to-left override): probe, its JSON, error lines, render and the
    /// stats file show it escaped, and every line stays one line.
    @Test func namesThatAreEscapesStayEscaped() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let evil = "a\u{1B}[2J\u{1B}]0;owned\u{07}\nb\u{9B}31m\u{202E}c"
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "3", "--size", "64x36", "--name", evil])
        #expect(made.status == 0, "\(made.stderr)")
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder + "/" + evil + ".0004.png"))
        let pattern = folder + "/" + evil + ".####.png"
        func isClean(_ text: String) -> Bool {
            !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
        }
        let probe = try await Shell.run([Shell.reel, "probe", pattern])
        #expect(probe.status == 0)
        #expect(isClean(probe.stdout) && probe.stdout.contains("a\\x1b[2J\\x1b]0;owned\\x07\\x0ab\\x9b31m\\u{202e}c"), "\(probe.stdout)")
        // Seven lines and the broken frame's: the name is one line each time.
        #expect(probe.stdout.split(separator: "\n").count == 8, "the name is one line: \(probe.stdout)")
        let json = try await Shell.run([Shell.reel, "probe", "--json", pattern])
        #expect(json.status == 0 && isClean(json.stdout), "\(json.stdout)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect((objects.first?["pattern"] as? String)?.hasSuffix(evil + ".####.png") == true, "the JSON keeps the name exactly")
        // An error line about the frame that is not a PNG.
        let bad = try await Shell.run([Shell.reel, "render", folder + "/" + evil + ".0004.png"])
        #expect(bad.status == 1 && isClean(bad.stderr) && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
        #expect(bad.stderr.contains("\\x1b]0;owned\\x07"))
        let missing = try await Shell.run([Shell.reel, "probe", folder + "/" + evil + ".wav"])
        #expect(missing.status == 1 && isClean(missing.stderr) && missing.stderr.split(separator: "\n").count == 1)
        let render = try await Shell.run([Shell.reel, "render", folder + "/" + evil + ".0001.png", "--width", "20", "--height", "5"])
        #expect(render.status == 0)
        #expect(!render.stdout.contains("\u{07}") && !render.stdout.contains("owned"))
        // The stats file, written while the player shows the sequence.
        let log = StatsLog(path: folder + "/stats.jsonl")
        let tmux = try await Tmux(width: 100, height: 30)
        try await tmux.tmux(["send-keys", "-t", "e2e", "-l", "'\(Shell.reel)' --paused --stats-file '\(log.path)' \"$(ls -d \(folder)/a*.0001.png)\""])
        try await tmux.press("Enter")
        try await log.waitFor { _ in true }
        try await tmux.waitFor { $0.contains("q quit") }
        try await tmux.quitAndWaitForShell()
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(isClean(text) && text.contains("\\u001b]0;owned\\u0007\\nb\\u009b31m\\u202ec"), "\(text.prefix(400))")
        #expect(try await tmux.tmux(["display-message", "-p", "-t", "e2e", "#{pane_title}"]) != "owned\n", "the window was not retitled")
    }
}

extension HostileInputTests {
    /// libmpg123's notes about an MP3-in-WAV stay off stderr: one line, saying the data does not
    /// decode (not "does not exist"), with the decoder's last word.
    @Test func libraryChatterNeverReachesTheTerminal() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/mp3.wav"
        try HostileFiles.mp3InWAV().write(to: URL(fileURLWithPath: path))
        for command in [["probe"], ["render"], ["soak", "--switch", "--cycles", "1"]] {
            let result = try await Shell.run(["timeout", "30", Shell.reel] + command + [path])
            #expect(result.status == 1, "\(command[0])")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command[0]): \(result.stderr)")
            #expect(lines.first?.hasPrefix("reel: ") == true)
            #expect(result.stderr.contains("its audio data cannot be decoded"), "\(result.stderr)")
            #expect(!result.stderr.contains("does not exist"))
        }
    }

    /// A terminal that cannot move the cursor gets one line and status 1, and keeps its modes.
    @Test func aDumbTerminalIsRefusedInOneLine() async throws {
        let tmux = try await Tmux(width: 150, height: 20)
        try await tmux.type("TERM=dumb '\(Shell.reel)' Assets; echo \"[status $?]\"")
        let screen = try await tmux.waitFor { $0.range(of: #"\[status \d"#, options: .regularExpression) != nil }
        #expect(screen.contains("TERM=dumb cannot move the cursor"))
        // At the start of its own line: the newline still returned the carriage.
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("[status 1]") }, "\(screen)")
        try await tmux.type("stty -a | tr ' ' '\\n' | grep -x -e opost -e onlcr -e echo | tr '\\n' +")
        try await tmux.waitFor { $0.contains("opost+onlcr+echo+") }
    }

    /// Ctrl-\ (SIGQUIT) ends the player like SIGTERM: the shell's screen and modes come back,
    /// status 131, and no backtrace is drawn.
    @Test func controlBackslashQuitsCleanly() async throws {
        let tmux = try await Tmux(width: 100, height: 30)
        try await tmux.type("'\(Shell.reel)' --paused Assets; echo \"[status $?]\"")
        try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("q quit") }
        try await tmux.press("C-\\")
        let screen = try await tmux.waitFor { $0.range(of: #"\[status \d"#, options: .regularExpression) != nil }
        #expect(screen.contains("[status 131]"), "\(screen)")
        #expect(!screen.contains("Backtrace") && !screen.contains("Thread 0") && !screen.contains("crashed"))
        #expect(try await tmux.tmux(["display-message", "-p", "-t", "e2e", "#{alternate_on}"]).hasPrefix("0"))
        try await tmux.type("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' +")
        try await tmux.waitFor { $0.contains("icanon+echo+") }
    }
}
