import Foundation
import Testing

/// Movies from the command line: probe says what FFmpeg reads in them, and what is no movie
/// (or half of one) gets one line.
@Suite struct MovieCommandTests {
    static func ffmpeg(_ arguments: [String]) async throws -> Bool {
        try await Shell.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y"] + arguments).status == 0
    }

    @Test func probeDescribesAMovieAndItsSound() async throws {
        let folder = NSTemporaryDirectory() + "reel-movie-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
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
        let folder = NSTemporaryDirectory() + "reel-movie-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a movie at all".utf8).write(to: URL(fileURLWithPath: folder + "/notes.mp4"))
        for path in [folder + "/notes.mp4", folder + "/missing.mkv"] {
            let result = try await Shell.run([Shell.reel, "probe", path])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines.first?.hasPrefix("reel: \(path): ") == true, "\(result.stderr)")
        }
    }
}
