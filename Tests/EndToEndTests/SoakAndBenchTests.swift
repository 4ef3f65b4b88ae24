import Foundation
import Testing

/// `reel soak` and `reel bench decode` on the demo: the lines a script reads, and the errors.
@Suite struct SoakAndBenchTests {
    @Test func soakPrintsAJSONLinePerLoopAndASummary() async throws {
        let result = try await Shell.run([Shell.reel, "soak", "Assets", "--work-area", "11-30", "--loops", "6",
                                    "--size", "160x90", "--threads", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 7)
        let loops = objects.dropLast()
        #expect(loops.map { $0["loop"] as? Int } == Array(1...6))
        for key in ["rss_bytes", "heap_bytes", "cache_bytes", "cached_frames", "decodes", "queued", "hits", "misses", "dropped"] {
            #expect(loops.allSatisfy { $0[key] is Int }, "\(key) in every line")
        }
        #expect(loops.allSatisfy { $0["decodes"] as? Int == 20 }, "20 frames, decoded in the first loop only")
        #expect(loops.allSatisfy { $0["cache_bytes"] as? Int == 20 * 160 * 90 * 3 })
        let hits = loops.last?["hits"] as? Int ?? 0
        #expect(hits >= 100 && hits + (loops.last?["misses"] as? Int ?? 0) == 120, "one lookup per frame shown")
        let summary = try #require(objects.last)
        #expect(summary["summary"] as? Bool == true && summary["ok"] as? Bool == true)
    }

    @Test(arguments: [
        (["soak", "Assets", "--work-area", "90-200"], "outside Assets/demo.####.png's frames 1-96"),
        (["soak", "Sources"], "no PNG image sequence"),
        (["soak", "Assets", "--work-area", "x"], "--work-area must be A-B"),
        (["soak", "Assets", "--size", "0x5"], "--size must be WxH"),
        (["soak", "Assets", "--cache-mb", "0"], "--cache-mb must be"),
        (["bench", "decode", "Assets/demo.wav"], "demo.wav"),
    ])
    func badArgumentsGetOneLine(_ arguments: [String], _ wording: String) async throws {
        let result = try await Shell.run([Shell.reel] + arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(wording), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func benchDecodeReportsFramesPerSecond() async throws {
        let result = try await Shell.run([Shell.reel, "bench", "decode", "Assets", "--threads", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["frames"] as? Int == 96 && object["threads"] as? Int == 2)
        #expect((object["fps"] as? Double ?? 0) > 0 && (object["fps_1_thread"] as? Double ?? 0) > 0)
    }
}
