import Foundation
import Testing

/// `reel soak --switch`, `reel bench spectrogram|waveform`, and sound in the player, from outside.
@Suite struct AudioCommandTests {
    static func files(_ count: Int, seconds: Int) async throws -> [String] {
        // A folder per call: tests run in parallel, and two writers of one file would garble it.
        let folder = NSTemporaryDirectory() + "reel-e2e-audio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for index in 1...count {
            let path = "\(folder)/take\(index).wav"
            let made = try await Shell.run([Shell.reel, "make-audio", path, "--seconds", String(seconds), "--rate", "44100"])
            #expect(made.status == 0, "\(made.stderr)")
            paths.append(path)
        }
        return paths
    }

    @Test(arguments: [false, true])
    func soakSwitchPrintsALinePerCycleAndGivesEveryAudioByteBack(vary: Bool) async throws {
        let files = try await Self.files(3, seconds: 5)
        let result = try await Shell.run([Shell.reel, "soak"] + files + ["--switch", "--cycles", "4", "--json"]
                                   + (vary ? ["--vary-analysis"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 5)
        let cycles = objects.dropLast()
        #expect(cycles.map { $0["cycle"] as? Int } == [1, 2, 3, 4])
        for key in ["rss_bytes", "heap_bytes", "audio_bytes", "audio_peak_bytes"] {
            #expect(cycles.allSatisfy { $0[key] is Int }, "\(key) in every line")
        }
        #expect(cycles.allSatisfy { $0["audio_bytes"] as? Int == 0 }, "every buffer given back after each file")
        #expect(cycles.allSatisfy { ($0["audio_peak_bytes"] as? Int ?? 0) > 0 })
        #expect(cycles.allSatisfy { $0["passes"] as? Int == (vary ? 6 : 3) })
        #expect(objects.last?["ok"] as? Bool == true)
    }

    @Test func benchSpectrogramAndWaveformReportTheirThroughput() async throws {
        let file = try await Self.files(1, seconds: 5)[0]
        let spectrogram = try await Shell.run([Shell.reel, "bench", "spectrogram", file, "--json"])
        #expect(spectrogram.status == 0, "\(spectrogram.stderr)")
        let stft = try #require(try JSONSerialization.jsonObject(with: Data(spectrogram.stdout.utf8)) as? [String: Any])
        // 5 s at 44.1 kHz, stereo: (220500 - 2048) / 512 + 1 frames per channel.
        #expect(stft["stft_frames"] as? Int == 2 * ((220_500 - 2048) / 512 + 1))
        #expect((stft["stft_frames_per_second"] as? Double ?? 0) > 0 && stft["decode_seconds"] is Double)
        let waveform = try await Shell.run([Shell.reel, "bench", "waveform", file, "--json"])
        #expect(waveform.status == 0, "\(waveform.stderr)")
        let peaks = try #require(try JSONSerialization.jsonObject(with: Data(waveform.stdout.utf8)) as? [String: Any])
        #expect(peaks["sample_bytes"] as? Int == 220_500 * 2 * 4)
        #expect((peaks["bytes_per_second"] as? Double ?? 0) > 0)
    }

    @Test(arguments: [
        (["soak", "Assets/demo.wav", "no/such.wav", "--switch"], "no/such.wav"),
        (["soak", "Assets/demo.wav", "Package.swift", "--switch"], "Package.swift: not a readable audio file"),
        (["soak", "Assets", "Assets/demo.wav"], "several files need --switch"),
        (["bench", "spectrogram", "Assets/demo.wav", "--fft", "1000"], "--fft must be"),
        (["bench", "waveform", "README.md"], "README.md: not a readable audio file"),
        (["Assets", "--audio", "README.md"], "README.md: not a picture, movie or sound file"),
        (["Assets", "--audio", "Assets/demo.wav", "--audio-device", "no-such-card"], "no sound output device named"),
    ])
    func badAudioArgumentsGetOneLine(_ arguments: [String], _ wording: String) async throws {
        let result = try await Shell.run([Shell.reel] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(wording), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("ALSA lib"))
    }

    /// The demo with its sound on ALSA's null device (no clock): nothing from ALSA or PortAudio on
    /// the screen, the title says the output is paced, playback advances, m and 9/0 work.
    @Test func soundOnADeviceWithNoClockKeepsTheScreenClean() async throws {
        let folder = NSTemporaryDirectory() + "reel-e2e-alsa"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/alsa.conf"
        try "</usr/share/alsa/alsa.conf>\npcm.!default { type null }\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try await Tmux(width: 160, height: 30)
        try await tmux.type("ALSA_CONFIG_PATH=\(config) '\(Shell.reel)' --paused")
        let first = try await tmux.waitFor { titleFrame($0) == 1 && $0.contains("q quit") }
        #expect(first.contains("demo.wav → default"))
        try await tmux.press("Space")
        let playing = try await tmux.waitFor { (titleFrame($0) ?? 0) > 12 && $0.contains("(no clock; paced)") }
        for word in ["ALSA", "jack", "Jack", "PortAudio", "snd_"] { #expect(!playing.contains(word), "\(word) on screen") }
        try await tmux.press("m")
        try await tmux.waitFor { $0.split(separator: "\n").first?.contains("muted") == true }
        try await tmux.press("m")
        try await tmux.press("9")
        try await tmux.waitFor { $0.split(separator: "\n").first?.contains("vol 90%") == true }
        try await tmux.quitAndWaitForShell()
        #expect(try await tmux.waitForForeground("bash"))
    }
}
