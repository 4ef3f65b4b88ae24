import Foundation
import Testing
@testable import ReelCore

/// A/B compare in the core: which frame of B goes with a frame of A, and B decoded beside A by
/// the one pool into the one cache.
@Suite struct CompareTests {
    func timing(first: Int, start: String?, fps: Double) -> CompareAlignment.Timing {
        let rate = Timecode.Rate(fps: fps)
        let timecode = start.map { Timecode(parsing: $0, rate: rate)! } ?? Timecode(frame: max(0, first), rate: rate)
        return CompareAlignment.Timing(first: first, start: timecode, fps: fps)
    }

    @Test func framesLineUpByNumberTimecodeOrStart() {
        // A render numbered from 1001 whose first frame is 01:00:00:00; B a cut of it from 1,
        // starting ten frames later.
        let a = timing(first: 1001, start: "01:00:00:00", fps: 24)
        let b = timing(first: 1, start: "01:00:00:10", fps: 24)
        #expect(CompareAlignment(.frame, a: a, b: b).frame(for: 1050) == 1050)
        let byTimecode = CompareAlignment(.timecode, a: a, b: b)
        #expect(byTimecode.frame(for: 1011) == 1, "01:00:00:10 in both")
        #expect(byTimecode.frame(for: 1001) == -9, "before B starts")
        #expect(byTimecode.frame(for: 1100) == 90)
        let byStart = CompareAlignment(.start, a: a, b: b)
        #expect(byStart.frame(for: 1001) == 1 && byStart.frame(for: 1050) == 50)
        // A's range as B has it, cut to B's frames; nothing when they do not meet.
        #expect(byTimecode.range(for: 1001...1100, within: 1...48) == 1...48)
        #expect(byTimecode.range(for: 1001...1020, within: 1...48) == 1...10)
        #expect(byTimecode.range(for: 1001...1005, within: 1...48) == nil)
    }

    @Test func dropFrameTimecodesAndOtherRatesMeetAtTheSameTime() {
        // 29.97 drop-frame: 00:59:59;28 is two frames before 01:00:00;00.
        let a = timing(first: 1, start: "00:59:59;28", fps: 30000.0 / 1001)
        let b = timing(first: 1, start: "01:00:00;00", fps: 30000.0 / 1001)
        let aligned = CompareAlignment(.timecode, a: a, b: b)
        #expect(aligned.frame(for: 3) == 1)
        #expect(aligned.frame(for: 3 + 17_982) == 1 + 17_982, "ten minutes of drop-frame on")
        // Without timecodes, sequences count from frame 0: a 24 fps frame 12 is half a second,
        // which is frame 24 of a 48 fps file and frame 12 of a 25 fps one (12.5, rounded down).
        let film = timing(first: 0, start: nil, fps: 24)
        #expect(CompareAlignment(.timecode, a: film, b: timing(first: 0, start: nil, fps: 48)).frame(for: 12) == 24)
        #expect(CompareAlignment(.start, a: film, b: timing(first: 1, start: nil, fps: 25)).frame(for: 12) == 13)
        #expect(CompareAlignment(.frame, a: film, b: timing(first: 0, start: nil, fps: 48)).frame(for: 12) == 24)
    }

    /// Two sequences of one colour each, A red and B blue; B's numbering is shifted.
    func sequences(_ folder: TemporaryFolder) throws -> (a: ImageSequence, b: ImageSequence) {
        try FileManager.default.createDirectory(atPath: folder.path + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/b", withIntermediateDirectories: true)
        for frame in 1...12 {
            try folder.writePNG("a/a.\(1000 + frame).png", width: 32, height: 16, colour: (250, 0, 0))
            try folder.writePNG("b/b.\(1004 + frame).png", width: 32, height: 16, colour: (0, 0, 250))
        }
        return (try SequenceScanner.find(folder.path + "/a"), try SequenceScanner.find(folder.path + "/b"))
    }

    @Test func bDecodesBesideAThroughTheOneCacheAndLeavesItWhenTheCompareEnds() throws {
        let folder = TemporaryFolder()
        let (a, b) = try sequences(folder)
        let cache = FrameCache(budgetBytes: 1 << 24)
        let pool = DecodePool(cache: cache, threads: 2)
        defer { pool.stop() }
        let size = FrameSize(width: 32, height: 16)
        let session = PlayerSession(sequence: a, size: size, fps: 24, cache: cache, pool: pool)
        let bSource = ImageSequenceSource(id: .next(), sequence: b)
        let timingA = CompareAlignment.Timing(first: 1001, start: Timecode(frame: 1001, rate: .init(fps: 24)), fps: 24)
        let timingB = CompareAlignment.Timing(first: 1005, start: Timecode(frame: 1005, rate: .init(fps: 24)), fps: 24)
        session.compare(with: bSource, frames: b.first...b.last, alignment: CompareAlignment(.frame, a: timingA, b: timingB),
                        size: FrameSize(width: 16, height: 8))
        #expect(session.isComparing)
        session.perform(.seek(1006), at: 0)
        #expect(eventually {
            let view = session.update(at: 0)
            return view.isCurrent && view.compared?.shownFrame == 1006
        }, "A's frame and B's frame of the same number are both shown")
        let view = session.update(at: 0)
        guard case .image(let aImage)? = view.content, case .image(let bImage)? = view.compared?.content else {
            Issue.record("both sides are pictures: \(view)")
            return
        }
        #expect(aImage.pixel(x: 3, y: 3) == (250, 0, 0) && aImage.width == 32)
        #expect(bImage.pixel(x: 3, y: 3) == (0, 0, 250) && bImage.width == 16, "B at its own box")
        // Both sides of the play range are planned: B's whole range fits, as A's does.
        #expect(eventually { cache.frames(of: bSource.id, size: FrameSize(width: 16, height: 8)).count == 8 })
        #expect(eventually { cache.frames(of: session.source.id, size: size).count == 12 })
        // Before B's first frame B has nothing: no content, said by its frame number.
        session.perform(.seek(1002), at: 0)
        let before = session.update(at: 0).compared
        #expect(before?.due == 1002 && before?.content == nil)

        // A new look is B's too; the frames of B's old look are its opener's to release, the
        // new look's leave with the compare.
        session.setLook(Look(exposure: 1))
        session.perform(.seek(1008), at: 0)
        #expect(eventually { session.update(at: 0).compared.map { $0.shownFrame == 1008 && $0.content != nil } ?? false })
        // Settled: no decode of B lands after the compare ends.
        #expect(eventually { pool.stats.queued == 0 && pool.stats.running == 0 })
        let bytesWithB = cache.stats.bytes
        session.stopComparing()
        #expect(!session.isComparing && session.update(at: 0).compared == nil)
        let blue = cache.stats.bytes
        #expect(blue < bytesWithB, "B's frames in the new look left the cache")
        #expect(cache.frames(of: bSource.id, size: FrameSize(width: 16, height: 8)).count == 8, "B's own look is its opener's")
        cache.release(bSource.id)
        #expect(cache.stats.bytes < blue)
        session.close()
        #expect(cache.stats.bytes == 0, "nothing of either is left")
    }
}
