import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    /// The one opener: what the user named becomes a session with its picture and sound, with
    /// typed errors, and closing gives everything back.
    @Suite struct MediaSessionTests {
        static let view = AudioAnalysis.View(columns: 32, rows: 16)

        static func open(_ item: MediaItem, fps: Double = 24) throws(OpenError) -> MediaSession {
            let cache = FrameCache(budgetBytes: 1 << 20)
            let pool = DecodePool(cache: cache, threads: 1)
            defer { pool.stop() }
            return try MediaSession(item, fps: fps, device: nil, cache: cache, pool: pool, analysisView: view)
        }

        @Test func aSequenceWithItsSoundOpensAndClosesToNothing() throws {
            let folder = TemporaryFolder()
            for n in 1...3 { try folder.writePNG("shot.100\(n).png", width: 8, height: 6) }
            try AudioFixture.write(AudioFixture.sine(hertz: 440, seconds: 0.5, rate: 8000), rate: 8000, to: folder.path + "/mix.wav")
            let before = AudioMemory.bytes
            let media = try Self.open(MediaItem(path: folder.path, audio: folder.path + "/mix.wav"))
            #expect(media.hasPicture && media.picture?.sequence.frameCount == 3)
            #expect(media.imageSize?.width == 8 && media.imageSize?.height == 6)
            #expect(media.session.playback.first == 1001 && media.session.playback.last == 1003)
            #expect(media.analysis != nil && media.sound == nil, "no device asked for: analysis only")
            #expect(media.analysis?.waitUntilDone(timeout: 60) == true)
            #expect(AudioMemory.bytes > before)
            media.close()
            #expect(AudioMemory.bytes == before)
        }

        @Test func anAudioFileOnItsOwnRunsTheClockOverItsLength() throws {
            let folder = TemporaryFolder()
            try AudioFixture.write(AudioFixture.sine(hertz: 440, seconds: 2, rate: 8000), rate: 8000, to: folder.path + "/talk.wav")
            let media = try Self.open(MediaItem(path: folder.path + "/talk.wav"), fps: 24)
            defer { media.close() }
            #expect(!media.hasPicture && media.imageSize == nil)
            #expect(media.name == "talk.wav")
            #expect(media.session.playback.first == 0 && media.session.playback.last == 47, "2 s at 24 fps")
        }

        @Test func whatCannotBeOpenedSaysWhyAndHoldsNothing() throws {
            let folder = TemporaryFolder()
            try folder.writePNG("a.0001.png", width: 4, height: 4)
            folder.write("broken.wav", Array("not a sound".utf8))
            let before = AudioMemory.bytes
            #expect(throws: OpenError.self) { try Self.open(MediaItem(path: folder.path + "/none.####.png")) }
            do {
                _ = try Self.open(MediaItem(path: folder.path + "/none.####.png"))
            } catch {
                guard case .noPicture = error else { Issue.record("\(error)"); return }
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
            }
            do {
                _ = try Self.open(MediaItem(path: folder.path, audio: folder.path + "/broken.wav"))
                Issue.record("a text file named .wav opened")
            } catch {
                guard case .unreadableSound(let path, _) = error else { Issue.record("\(error)"); return }
                #expect(path.hasSuffix("broken.wav"))
            }
            #expect(AudioMemory.bytes == before)
        }

        @Test func aSequenceNoFrameOfWhichReadsStillOpensAndSaysWhy() throws {
            let folder = TemporaryFolder()
            folder.write("bad.0001.png", Array("not a png".utf8))
            folder.write("bad.0002.png", Array("not a png".utf8))
            let picture = try PictureSource(path: folder.path)
            #expect(picture.imageSize == nil && picture.sizeError != nil)
            #expect(picture.unreadableMessage.hasPrefix(picture.sequence.displayName + ": no frame could be read"))
        }
    }
}
