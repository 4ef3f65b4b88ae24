import Foundation
import Testing

/// `reel` without a terminal: probe, and the errors a user meets.
@Suite struct CommandLineTests {
    @Test func probeDescribesTheDemo() async throws {
        let result = try await Shell.run([Shell.reel, "probe", "Assets/demo.0042.png", "Assets/demo.wav"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Assets/demo.####.png"))
        #expect(result.stdout.contains("frames    1-96 (96 frames, 4.000 s at 24 fps)"))
        #expect(result.stdout.contains("size      640x360"))
        #expect(result.stdout.contains("rate      48000 Hz"))
        #expect(result.stdout.contains("duration  4.000 s"))
        #expect(result.stderr.isEmpty)
    }

    @Test func compareNeedsTwoFilesAndANamedAlignment() async throws {
        let one = try await Shell.run([Shell.reel, "--compare", "Assets"])
        #expect(one.status != 0 && one.stderr.contains("--compare needs two files"), "\(one.stderr)")
        let align = try await Shell.run([Shell.reel, "--compare", "Assets", "Assets", "--align", "sideways"])
        #expect(align.status != 0 && align.stderr.contains("'sideways' is invalid") && align.stderr.contains("'frame', 'timecode' or 'start'"), "\(align.stderr)")
    }

    @Test func probeWritesJSON() async throws {
        let result = try await Shell.run([Shell.reel, "probe", "--json", "Assets", "Assets/demo.wav"])
        #expect(result.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["type"] as? String == "sequence")
        #expect(objects[0]["frame_count"] as? Int == 96)
        #expect(objects[0]["width"] as? Int == 640)
        #expect(objects[1]["type"] as? String == "audio")
        #expect(objects[1]["sample_rate"] as? Int == 48000)
        #expect(objects[1]["channels"] as? Int == 2)
    }

    /// Completions come from the argument parser for bash, zsh and fish, and name the commands and
    /// options; the help lists the player's keys (the man page is made from the same help).
    @Test func completionsAndHelpNameTheCommandsOptionsAndKeys() async throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try await Shell.run([Shell.reel, "--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("probe") && script.stdout.contains("loops"), "\(shell)")
        }
        let bash = try await Shell.run([Shell.reel, "--generate-completion-script", "bash"])
        let folder = NSTemporaryDirectory() + "reel-completion-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try bash.stdout.write(toFile: folder + "/reel.bash", atomically: true, encoding: .utf8)
        let checked = try await Shell.run(["/bin/bash", "-n", folder + "/reel.bash"])
        #expect(checked.status == 0, "bash reads it: \(checked.stderr)")
        let help = try await Shell.run([Shell.reel, "--help"])
        #expect(help.stdout.contains("Ctrl-E") && help.stdout.contains("go to frame, timecode") && help.stdout.contains("reel/config"))
    }

    /// Probe decodes every present frame and names those that do not decode; --headers-only does not.
    @Test func probeFlagsFramesThatArePresentButBroken() async throws {
        let folder = NSTemporaryDirectory() + "reel-probe-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "5", "--size", "64x36", "--name", "shot"])
        #expect(made.status == 0)
        let whole = try #require(FileManager.default.contents(atPath: folder + "/shot.0002.png"))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: folder + "/shot.0002.png"))
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder + "/shot.0004.png"))
        let text = try await Shell.run([Shell.reel, "probe", folder + "/shot.0001.png"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("broken    2 present but not decodable: 2 ("), "\(text.stdout)")
        #expect(text.stdout.contains("; 4 ("))
        #expect(text.stdout.contains("samples   8-bit, 3 channels"), "bit depth and alpha: \(text.stdout)")
        let json = try await Shell.run([Shell.reel, "probe", "--json", folder])
        let object = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        let broken = try #require(object["undecodable_frames"] as? [[String: Any]])
        #expect(broken.compactMap { $0["frame"] as? Int } == [2, 4])
        #expect(object["bit_depth"] as? Int == 8 && object["alpha"] as? Bool == false)
        let quick = try await Shell.run([Shell.reel, "probe", "--headers-only", folder])
        #expect(!quick.stdout.contains("broken"))
    }

    @Test(arguments: ["Package.swift", "README.md", "no/such/file.wav", "Sources", "../shared/corpus/png/pngsuite/xc1n0g08.png"])
    func somethingThatIsNotMediaGetsOneLineAndStatusOne(_ path: String) async throws {
        let result = try await Shell.run([Shell.reel, "probe", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.stderr)")
        #expect(lines.first?.hasPrefix("reel: \(path): ") == true)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
    }

    @Test func probeGoesOnPastABadFile() async throws {
        let result = try await Shell.run([Shell.reel, "probe", "README.md", "Assets/demo.wav"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("48000 Hz"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func playingWithoutATerminalSaysSo() async throws {
        let result = try await Shell.run([Shell.reel])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("reel: standard input and output must be a terminal"))
    }

    @Test func playingSomethingThatIsNotASequenceSaysWhy() async throws {
        // Audio on its own plays (it needs a terminal, which a pipe is not).
        let audio = try await Shell.run([Shell.reel, "Assets/demo.wav"])
        #expect(audio.status == 1)
        #expect(audio.stderr.hasPrefix("reel: standard input and output must be a terminal"))
        let empty = try await Shell.run([Shell.reel, "Sources/CMalloc"])
        #expect(empty.status == 1)
        #expect(empty.stderr == "reel: Sources/CMalloc: no PNG image sequence in this folder\n")
        let badAudio = try await Shell.run([Shell.reel, "Assets", "--audio", "README.md"])
        #expect(badAudio.status == 1)
        #expect(badAudio.stderr.hasPrefix("reel: README.md: not a picture, movie or sound file"))
    }
}
