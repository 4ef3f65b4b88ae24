import Foundation
import Testing
import ReelCore
import GraphicsSupport

/// Movies from the command line: probe says what FFmpeg reads in them, and what is no movie
/// (or half of one) gets one line.
@Suite struct MovieCommandTests {
    /// A new empty folder under the temporary directory (the test removes it).
    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "reel-movie-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func ffmpeg(_ arguments: [String]) async throws -> Bool {
        try await Shell.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y"] + arguments).status == 0
    }

    @Test func probeDescribesAMovieAndItsSound() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/dailies.mov"
        #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f", "lavfi", "-i",
                                       "sine=duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path]))
        let text = try await Shell.run([Shell.reel, "probe", path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("type      movie"))
        #expect(text.stdout.contains("video     h264, yuv420p, 8-bit"))
        #expect(text.stdout.contains("size      320x180"))
        #expect(text.stdout.contains("frames    50 at 25 fps (25/1)"))
        #expect(text.stdout.contains("audio     aac 44100 Hz 1 ch"))
        let json = try await Shell.run([Shell.reel, "probe", "--json", path])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.first?["type"] as? String == "movie")
        #expect(objects.first?["frame_count"] as? Int == 50)
        #expect((objects.first?["audio_streams"] as? [[String: Any]])?.first?["codec"] as? String == "aac")
    }

    @Test func somethingNamedLikeAMovieThatIsNoneGetsOneLine() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a movie at all".utf8).write(to: URL(fileURLWithPath: folder + "/notes.mp4"))
        for path in [folder + "/notes.mp4", folder + "/missing.mkv"] {
            let result = try await Shell.run([Shell.reel, "probe", path])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines.first?.hasPrefix("reel: \(path): ") == true, "\(result.stderr)")
        }
    }

    /// A movie plays with its sound (its waveform and spectrogram shown, its decoder on the
    /// gauge), and Tab to a sequence gives the decoder's memory back; Tab back opens it again.
    @Test func aMoviePlaysWithItsSoundAndTabGivesItsDecoderBack() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/dailies.mp4"
        #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=4", "-f", "lavfi", "-i",
                                       "sine=frequency=880:duration=4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                                       "-shortest", path]))
        let stats = folder + "/stats.jsonl"
        let log = StatsLog(path: stats)
        let tmux = try await Tmux(width: 120, height: 40)
        try await tmux.type("'\(Shell.reel)' --paused --audio-device none --stats-file '\(stats)' '\(path)' Assets/demo.####.png")
        let screen = try await tmux.waitFor { $0.contains("dailies.mp4") && $0.contains("FFT 2048") && $0.contains("decoder ") }
        #expect(screen.contains("\u{266A} dailies.mp4"), "the title names the movie's sound")
        #expect(screen.contains("25 fps") && screen.contains("[1–100]"))
        for (visit, name) in ["demo.####.png", "dailies.mp4", "demo.####.png"].enumerated() {
            try await tmux.press("Tab")
            let line = try await log.waitFor(after: log.lines.count) {
                ($0["file"] as? String)?.hasSuffix(name) == true && ($0["analysing"] as? Bool) == false
            }.line
            let decoder = try #require(line["decoder_bytes"] as? Int)
            if name.hasSuffix(".png") {
                #expect(decoder == 0, "visit \(visit): the movie's decoders are freed on Tab")
                #expect(line["audio_bytes"] as? Int == 0)
            } else {
                #expect(decoder >= 320 * 180 * 3 / 2, "visit \(visit): at least a frame in the decoder's pool")
                #expect((line["audio_bytes"] as? Int ?? 0) > 0, "its sound analysed")
            }
        }
        try await tmux.quitAndWaitForShell()
    }

    /// `reel render --png` of frames 1, 2, 47, 48, 49, 120 and 240 of an H.264 movie (GOPs of 48,
    /// B-frames, AAC sound) and of MJPEG and ProRes ones is ffmpeg's own decode of that frame, at
    /// its own size, within 40 dB; the frame after the last is refused in one line.
    @Test(arguments: [("h264.mp4", ["-c:v", "libx264", "-g", "48", "-bf", "2", "-pix_fmt", "yuv420p", "-preset", "ultrafast"]),
                      ("mjpeg.avi", ["-c:v", "mjpeg", "-q:v", "3"]),
                      ("prores.mov", ["-c:v", "prores_ks", "-profile:v", "2"])])
    func renderPNGIsFFmpegsOwnDecode(name: String, codec: [String]) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=192x108:rate=24:duration=10", "-f", "lavfi", "-i",
                                       "sine=duration=10"] + codec + ["-c:a", name.hasSuffix(".avi") ? "pcm_s16le" : "aac",
                                       "-frames:v", "240", path]))
        for frame in [1, 2, 47, 48, 49, 120, 240] {
            let out = folder + "/frame\(frame).png"
            let result = try await Shell.run([Shell.reel, "render", path, "--frame", String(frame), "--png", out])
            #expect(result.status == 0, "\(result.stderr)")
            let header = try PNGDecoder.size(path: out)
            #expect(header.width == 192 && header.height == 108, "frame \(frame) at its own size")
            let written = try PNGDecoder.decodeFrame(path: out, fitting: FrameSize(width: 192, height: 108), scratch: DecodeScratch())
            let raw = folder + "/frame\(frame).rgb"
            #expect(try await Self.ffmpeg(["-i", path, "-vf", "select=eq(n\\,\(frame - 1))", "-vsync", "0", "-frames:v", "1",
                                           "-pix_fmt", "rgb24", "-f", "rawvideo", raw]))
            let pixels = try Data(contentsOf: URL(fileURLWithPath: raw))
            try #require(pixels.count == 192 * 108 * 3)
            let quality = try #require(psnr(written, RGBImage(width: 192, height: 108, pixels: [UInt8](pixels))))
            #expect(quality >= 40, "\(name) frame \(frame): \(quality) dB")
        }
        let past = try await Shell.run([Shell.reel, "render", path, "--frame", "241", "--png", folder + "/past.png"])
        #expect(past.status == 1 && past.stderr.split(separator: "\n").count == 1)
        #expect(past.stderr.contains("frames 1–240, not 241"), "\(past.stderr)")
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// `reel soak MOVIE --work-area 1-50 --loops 300`: every frame decoded once, in loop 1, and RSS
    /// flat; `--switch` over three movies gives every decoder back after each cycle.
    @Test func soakingAMovieDecodesItsWorkAreaOnceAndSwitchingGivesDecodersBack() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let movies = [("a.mov", ["-c:v", "libx264", "-g", "48", "-bf", "2", "-pix_fmt", "yuv420p", "-c:a", "aac"]),
                      ("b.mp4", ["-c:v", "mpeg4", "-c:a", "mp3"]),
                      ("c.mkv", ["-c:v", "mjpeg", "-c:a", "libopus"])]
        for (name, codec) in movies {
            #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=256x144:rate=24:duration=4", "-f", "lavfi", "-i",
                                           "sine=duration=4"] + codec + ["-shortest", folder + "/" + name]))
        }
        let soak = try await Shell.run([Shell.reel, "soak", folder + "/a.mov", "--work-area", "1-50", "--loops", "300", "--json"])
        #expect(soak.status == 0, "\(soak.stderr)")
        let loops = try Self.jsonLines(soak.stdout)
        let first = try #require(loops.first), summary = try #require(loops.last)
        #expect(first["decodes"] as? Int == 50, "the work area decoded in loop 1")
        #expect(summary["decodes"] as? Int == 50, "and nothing after it")
        #expect(summary["ok"] as? Bool == true && (summary["rss_growth_bytes"] as? Int ?? .max) <= 1 << 20)
        let paths = movies.map { folder + "/" + $0.0 }
        let switched = try await Shell.run([Shell.reel, "soak"] + paths + ["--switch", "--cycles", "4", "--json"])
        #expect(switched.status == 0, "\(switched.stderr)")
        let cycles = try Self.jsonLines(switched.stdout).dropLast()
        #expect(cycles.count == 4)
        for cycle in cycles {
            #expect(cycle["decoder_bytes"] as? Int == 0 && cycle["audio_bytes"] as? Int == 0, "\(cycle)")
            #expect((cycle["decoder_peak_bytes"] as? Int ?? 0) >= 256 * 144 * 3 / 2 && cycle["frames"] as? Int == 75)
        }
    }

    /// `reel bench decode MOVIE` measures Reel's pool and ffmpeg's own decode in the same run.
    @Test func benchDecodeOfAMovieRunsFFmpegBeside() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/clip.mp4"
        #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=24:duration=5", "-c:v", "libx264",
                                       "-pix_fmt", "yuv420p", path]))
        let result = try await Shell.run([Shell.reel, "bench", "decode", path, "--threads", "2", "--size", "160x90", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(try Self.jsonLines(result.stdout).first)
        #expect(line["frames"] as? Int == 120 && line["width"] as? Int == 160 && line["height"] as? Int == 90)
        #expect((line["fps"] as? Double ?? 0) > 0 && (line["ffmpeg_fps"] as? Double ?? 0) > 0)
        #expect((line["ratio_to_ffmpeg"] as? Double ?? 0) > 0)
    }

    /// probe gives a movie's start timecode (its tmcd track), drop-frame ones with `;`.
    @Test func probeGivesAMoviesTimecode() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, rate, timecode) in [("a.mov", "24", "01:00:00:00"), ("b.mov", "30000/1001", "00:59:59;28")] {
            #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x36:rate=\(rate):duration=1", "-timecode", timecode,
                                           "-c:v", "mjpeg", folder + "/" + name]))
            let text = try await Shell.run([Shell.reel, "probe", folder + "/" + name])
            #expect(text.stdout.contains("timecode  \(timecode)"), "\(text.stdout)")
            let json = try await Shell.run([Shell.reel, "probe", "--json", folder + "/" + name])
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(objects.first?["timecode"] as? String == timecode)
        }
    }

    /// A movie of sound only, and an M4A, render as an audio file does: spectrogram and waveform as text.
    @Test(arguments: ["talk.m4a", "talk.mp4"]) func soundOnlyMoviesRenderTheirAudioPanes(name: String) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        #expect(try await Self.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=700:duration=2", "-c:a", "aac", path]))
        let result = try await Shell.run([Shell.reel, "render", path, "--width", "80", "--height", "16", "--color", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count >= 10, "\(result.stdout)")
        let png = try await Shell.run([Shell.reel, "render", path, "--png", folder + "/out.png"])
        #expect(png.status == 1 && png.stderr.contains("no picture"), "\(png.stderr)")
    }
}
