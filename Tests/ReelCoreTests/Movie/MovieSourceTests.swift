import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    /// A movie through the decode pool's interface and the one opener.
    @Suite struct MovieSourceTests {
        @Test func aMovieOpensAsASessionAtItsOwnRate() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/clip.mkv"
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x96:rate=30:duration=2",
                                              "-c:v", "libx264", "-pix_fmt", "yuv420p", path]) != nil)
            let cache = FrameCache(budgetBytes: 1 << 22)
            let pool = DecodePool(cache: cache, threads: 2)
            defer { pool.stop() }
            let media = try MediaSession(MediaItem(path: path), fps: 24, device: nil, cache: cache, pool: pool, analysisView: nil)
            defer { media.close() }
            #expect(media.hasPicture && media.imageSize?.width == 160 && media.imageSize?.height == 96)
            #expect(media.session.playback.first == 1 && media.session.playback.last == 60, "2 s at the movie's 30 fps")
            #expect(abs(media.session.playback.fps - 30) < 1e-9)
        }

        @Test func framesDecodeThroughTheSourceAtTheSizeAsked() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/clip.mp4"
            try #require(MovieFixture.make(path, frames: 48, audio: false))
            let source = try MovieSource(id: .next(), path: path)
            #expect(source.frames == 1...48)
            #expect(!source.hasFile(0) && !source.hasFile(49))
            guard case .image(let small) = source.decode(10, fitting: FrameSize(width: 80, height: 80), scratch: DecodeScratch()) else {
                Issue.record("frame 10 did not decode")
                return
            }
            #expect(small.width == 80 && small.height == 48, "fitted, the aspect kept")
            guard case .failed(let reason) = source.decode(49, fitting: FrameSize(width: 80, height: 80), scratch: DecodeScratch()) else {
                Issue.record("frame 49 of 48 decoded")
                return
            }
            #expect(reason.contains("past the end"))
        }

        @Test func aTruncatedMoviePlaysUpToWhereItBreaksAndSaysWhere() throws {
            let folder = TemporaryFolder()
            let whole = folder.path + "/whole.mkv"
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x96:rate=24:duration=4",
                                              "-c:v", "libx264", "-g", "24", "-pix_fmt", "yuv420p", whole]) != nil)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
            let cut = folder.path + "/cut.mkv"
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
            let source = try MovieSource(id: .next(), path: cut)
            let box = FrameSize(width: 160, height: 96)
            guard case .image = source.decode(1, fitting: box, scratch: DecodeScratch()) else {
                Issue.record("the first frame of half a movie did not decode")
                return
            }
            // Somewhere before the end the frames stop, each later one saying so in a line.
            let results = (1...source.frames.upperBound).map { source.decode($0, fitting: box, scratch: DecodeScratch()) }
            let decoded = results.prefix { if case .image = $0 { return true } else { return false } }.count
            #expect(decoded > 5 && decoded < 96, "\(decoded) frames of a half movie")
            for result in results.dropFirst(decoded) {
                guard case .failed(let reason) = result else { continue }
                #expect(!reason.contains("\n"))
            }
        }
    }
}
