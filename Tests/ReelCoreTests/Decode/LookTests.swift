import Foundation
import Testing
@testable import ReelCore

/// Exposure, channel views and the checkerboard: in float for scene-linear pictures, on bytes
/// for the rest, and a change of look as a new source in the cache.
@Suite struct LookTests {
    @Test func channelViewsAndTheCheckerboardOnBytes() {
        var pixels: [UInt8] = [200, 100, 50, 255, 10, 20, 30, 0, 255, 255, 255, 128]
        func viewed(_ look: Look) -> [UInt8] {
            var copy = pixels
            copy.withUnsafeMutableBufferPointer { look.apply(rgba: $0.baseAddress!, count: $0.count / 4, width: 3, exposed: false) }
            return copy
        }
        #expect(viewed(Look(channel: .red)).prefix(4) == [200, 200, 200, 255])
        #expect(viewed(Look(channel: .blue)).prefix(4) == [50, 50, 50, 255])
        #expect(Array(viewed(Look(channel: .alpha))) == [255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255])
        // Rec. 709 weights: 0.2126 × 200 + 0.7152 × 100 + 0.0722 × 50 = 117.6.
        #expect(viewed(Look(channel: .luminance))[0] == 118)
        // Fully transparent: the square's grey; half: half of each; opaque: as it was.
        let checked = viewed(Look(checkerboard: true))
        #expect(checked[4..<8] == [102, 102, 102, 255] && checked[0..<4] == [200, 100, 50, 255])
        #expect(abs(Int(checked[8]) - (255 * 128 + 102 * 127) / 255) <= 1 && checked[11] == 255)
        pixels = [128, 0, 255, 255]
        // One stop up through linear light: sRGB 128 is 0.2158, doubled 0.4317, encoded 0.6876.
        let exposed = viewed(Look(exposure: 1))
        #expect(exposed[0] == 175 || exposed[0] == 176)
        #expect(exposed[1] == 0 && exposed[2] == 255, "black stays black, white stays white")
        #expect(Look(exposure: -1.5, channel: .green).label == "EV -1.5 G" && Look.identity.label == nil)
    }

    @Test func exposureOnAFloatPictureBringsBackWhatWasOverWhite() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/hot.0001.tif"
        // 4.0 and 2.0: both white as they are; two stops down, 1.0 and 0.5.
        try TIFFDecoderTests.floatTIFF(width: 2, height: 1, pixels: [4, 4, 4, 2, 2, 2]).write(to: URL(fileURLWithPath: path))
        let box = FrameSize(width: 2, height: 1)
        let plain = try ImageDecoders.decodeFrame(path: path, fitting: box, scratch: DecodeScratch())
        #expect(plain.pixel(x: 0, y: 0) == (255, 255, 255) && plain.pixel(x: 1, y: 0) == (255, 255, 255))
        let down = try ImageDecoders.decodeFrame(path: path, fitting: box, scratch: DecodeScratch(), look: Look(exposure: -2))
        #expect(down.pixel(x: 0, y: 0) == (255, 255, 255))
        #expect(down.pixel(x: 1, y: 0).r == 188, "0.5 linear is sRGB 188: \(down.pixel(x: 1, y: 0))")
    }

    @Test func aNewLookIsANewSourceAndTheOldFramesLeaveTheCache() throws {
        let folder = TemporaryFolder()
        for n in 1...3 { try folder.writePNG("shot.000\(n).png", width: 16, height: 8, colour: (200, 100, 50)) }
        let cache = FrameCache(budgetBytes: 1 << 22)
        let signal = WakeSignal()
        let pool = DecodePool(cache: cache, threads: 1, wake: { signal.signal() })
        defer { pool.stop() }
        let session = PlayerSession(sequence: try SequenceScanner.find(folder.path), size: FrameSize(width: 16, height: 8), fps: 24,
                                    cache: cache, pool: pool)
        defer { session.close() }
        func shownAfterDecoding() -> RGBImage? {
            var view = session.update(at: 0)
            while !view.isCurrent {
                guard signal.wait(seconds: 30) else { return nil }
                view = session.update(at: 0)
            }
            guard case .image(let image) = view.content else { return nil }
            return image
        }
        let plain = try #require(shownAfterDecoding())
        #expect(plain.pixel(x: 0, y: 0) == (200, 100, 50))
        let plainID = session.source.id
        #expect(cache.contains(FrameKey(source: plainID, frame: 1, size: session.size)))
        session.setLook(Look(channel: .green))
        #expect(session.source.id != plainID && session.source.look.channel == .green)
        #expect(!cache.contains(FrameKey(source: plainID, frame: 1, size: session.size)), "the plain look's frames are given back")
        // The old look's frame stays on screen until the new one is decoded, then gives way to it.
        _ = session.update(at: 0)
        while !cache.contains(FrameKey(source: session.source.id, frame: 1, size: session.size)) {
            guard signal.wait(seconds: 30) else { break }
        }
        guard case .image(let green) = session.update(at: 0).content else {
            Issue.record("nothing shown")
            return
        }
        #expect(green.pixel(x: 0, y: 0) == (100, 100, 100))
    }
}
