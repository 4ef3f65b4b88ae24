import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    /// Frame accuracy: Reel's frame N of a movie is ffmpeg's frame N, whatever order they are asked in.
    @Suite struct MovieDecoderTests {
        static let frames = [1, 2, 47, 48, 49, 120, 240]

        /// Decodes `order` and compares each frame with ffmpeg's own decode of it.
        static func expectFramesMatch(_ path: String, order: [Int], width: Int, height: Int, limit: Double = 40) throws {
            let decoder = try MovieDecoder(path: path)
            for number in order {
                let image = try decoder.image(number, fitting: FrameSize(width: width, height: height))
                let reference = try #require(MovieFixture.reference(path, frame: number, width: width, height: height))
                let quality = MovieFixture.psnr(image, reference)
                #expect(quality >= limit, "frame \(number) of \(path): \(quality) dB against ffmpeg's")
            }
        }

        @Test func h264WithBFramesIsFrameAccurateForwardBackwardAndInReverse() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/gop48.mp4"
            try #require(MovieFixture.make(path))
            let info = try MovieFile(path: path).info
            #expect(info.codec == "h264" && info.width == 160 && info.height == 96)
            #expect(info.frameCount == 240 && abs(info.fps - 24) < 1e-9)
            #expect(info.audioStreams.first?.codec == "aac")
            try Self.expectFramesMatch(path, order: Self.frames, width: 160, height: 96)
            try Self.expectFramesMatch(path, order: Self.frames.reversed(), width: 160, height: 96)
            try Self.expectFramesMatch(path, order: [50, 49, 48, 47, 46], width: 160, height: 96)
        }

        @Test func steppingBackDecodesTheGOPOnceAndHandsOverEveryFrameOfIt() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/gop48.mp4"
            try #require(MovieFixture.make(path, frames: 120, audio: false))
            let source = try MovieSource(id: .next(), path: path)
            let box = FrameSize(width: 160, height: 96)
            var cached: [Int: RGBImage] = [:]
            func ask(_ frame: Int) -> FrameContent? {
                source.decode(frame, fitting: box, scratch: DecodeScratch(), isCached: { cached[$0] != nil }, alongside: { number, content in
                    if case .image(let image) = content { cached[number] = image }
                })
            }
            // Frame 60 from nowhere: from the keyframe at 49, the eleven before it come along.
            guard case .image(let sixty)? = ask(60) else { Issue.record("frame 60"); return }
            cached[60] = sixty
            #expect(Set(cached.keys) == Set(49...60))
            // Stepping back from there needs no decode at all: every frame is cached.
            #expect(ask(59) == nil)
            for (number, image) in cached {
                let reference = try #require(MovieFixture.reference(path, frame: number, width: 160, height: 96))
                #expect(MovieFixture.psnr(image, reference) >= 40, "frame \(number), handed over on the way")
            }
        }

        @Test(arguments: [("mjpeg.avi", ["-c:v", "mjpeg", "-q:v", "3"]), ("prores.mov", ["-c:v", "prores_ks", "-profile:v", "2"])])
        func intraCodecsAreFrameAccurate(name: String, codec: [String]) throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/" + name
            try #require(MovieFixture.make(path, codec: codec, audio: false))
            try Self.expectFramesMatch(path, order: Self.frames.reversed() + [1, 2], width: 160, height: 96)
        }

        /// The other containers and codecs reviewers are sent, each against ffmpeg's own decode; two
        /// H.264 files tagged with a matrix and a range (BT.709, full range), which the picture follows as ffmpeg does.
        @Test(arguments: [("hevc.mkv", ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=none:keyint=48", "-pix_fmt", "yuv420p"], 160, 96),
                          ("vp9.webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "48"], 160, 96),
                          ("av1.mkv", ["-c:v", "libsvtav1", "-preset", "12", "-g", "48"], 160, 96),
                          ("dnxhr.mxf", ["-c:v", "dnxhd", "-profile:v", "dnxhr_lb", "-pix_fmt", "yuv422p"], 256, 128),
                          ("mpeg2.mxf", ["-c:v", "mpeg2video", "-g", "12"], 160, 96),
                          ("bt709.mp4", ["-c:v", "libx264", "-g", "48", "-preset", "ultrafast", "-vf", "scale=out_color_matrix=bt709",
                                         "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709"], 160, 96),
                          ("full-range.mp4", ["-c:v", "libx264", "-g", "48", "-preset", "ultrafast", "-vf", "scale=out_range=pc",
                                              "-pix_fmt", "yuv420p", "-color_range", "pc"], 160, 96)])
        func otherContainersAndCodecsAreFrameAccurate(name: String, codec: [String], width: Int, height: Int) throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/" + name
            try #require(MovieFixture.make(path, width: width, height: height, codec: codec, audio: false))
            try Self.expectFramesMatch(path, order: Self.frames.reversed() + [1, 2], width: width, height: height)
        }

        /// A movie cut short (a render or a copy that stopped) has the frames up to where it breaks,
        /// each ffmpeg's own, and says how many its header promised; whole files have exactly their frames.
        @Test(arguments: ["mp4", "mkv"]) func aMovieCutShortPlaysUpToWhereItBreaks(container: String) throws {
            let folder = TemporaryFolder()
            let made = folder.path + "/made." + container, whole = folder.path + "/whole." + container
            // The index first (MP4's moov at the front), as a file being copied has it.
            try #require(MovieFixture.make(made) && MovieFixture.ffmpeg(["-i", made, "-c", "copy", "-movflags", "+faststart", whole]) != nil)
            let complete = try MovieFile(path: whole).info
            #expect(complete.frameCount == 240 && complete.expectedFrames == nil, "\(complete.frameCount) frames")
            let bytes = try #require(FileManager.default.contents(atPath: whole))
            folder.write("cut." + container, [UInt8](bytes.prefix(bytes.count / 2)))
            let path = folder.path + "/cut." + container
            let info = try MovieFile(path: path).info
            #expect(info.expectedFrames != nil && (60...180).contains(info.frameCount), "\(info.frameCount) of \(info.expectedFrames ?? 0)")
            try Self.expectFramesMatch(path, order: [info.frameCount, info.frameCount - 1, 1], width: 160, height: 96)
        }

        @Test func framesPastTheEndAndFilesThatAreNoMovieSayWhy() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/short.mp4"
            try #require(MovieFixture.make(path, frames: 24, audio: false))
            let decoder = try MovieDecoder(path: path)
            #expect(throws: MediaError.self) { try decoder.image(25, fitting: FrameSize(width: 160, height: 96)) }
            // Still usable after.
            #expect(try decoder.image(24, fitting: FrameSize(width: 160, height: 96)).width == 160)
            folder.write("text.mp4", Array("not a movie".utf8))
            #expect(throws: MediaError.self) { try MovieDecoder(path: folder.path + "/text.mp4") }
            #expect(throws: MediaError.self) { try MovieDecoder(path: folder.path + "/none.mp4") }
        }
    }
}
