import Foundation
import Testing
import ReelTestSupport
@testable import ReelCore

/// The tick on a simulated clock: which frame is shown, and which count as dropped.
@Suite struct PlayerSessionTests {
    let size = FrameSize(width: 4, height: 2)

    func picture(_ frame: Int) -> FrameContent {
        .image(RGBImage(width: 4, height: 2, pixels: [UInt8](repeating: UInt8(frame), count: 24)))
    }

    /// Runs `body` with a pool that decodes nothing (its one worker waits at the source's gate),
    /// so the test alone decides what the cache holds.
    func withStalledPool(_ body: (RecordingSource, FrameCache, DecodePool) -> Void) {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 1 << 20)
        source.gateOpen.store(false, ordering: .releasing)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 1, behind: 0))
        defer {
            source.gateOpen.store(true, ordering: .releasing)
            pool.stop()
        }
        body(source, cache, pool)
    }

    @Test func aLateFrameLeavesTheNewestCachedFrameOnScreenAndCountsAsDropped() {
        withStalledPool { source, cache, pool in
            let session = PlayerSession(source: source, frames: 1...20, size: size, fps: 10, cache: cache, pool: pool)
            for frame in 1...20 where frame != 5 && frame != 8 {
                cache.insert(FrameKey(source: source.id, frame: frame, size: size), picture(frame))
            }
            session.perform(.play, at: 0)
            var shown: [Int?] = []
            for tick in 0...5 { shown.append(session.update(at: Double(tick) / 10).shownFrame) }
            #expect(shown == [1, 2, 3, 4, 4, 6], "frame 5 was never decoded: 4 stays up")
            #expect(session.dropped == 1)
            let late = session.update(at: 0.75)
            #expect(late.due == 8 && late.shownFrame == 7 && !late.isCurrent, "the newest cached frame before 8")
            #expect(session.dropped == 2, "7 came and went between ticks")
            #expect(session.update(at: 0.8).shownFrame == 9)
            #expect(session.dropped == 3, "8 was due and never shown")
            #expect(session.update(at: 1.3).shownFrame == 14)
            #expect(session.dropped == 7, "10 to 13 went by between ticks")
            session.perform(.pause, at: 1.3)
            _ = session.update(at: 5)
            session.perform(.seek(2), at: 5)
            _ = session.update(at: 5)
            #expect(session.dropped == 7, "pausing and seeking drop nothing")
            let stats = session.stats()
            #expect(stats.dropped == 7 && stats.cachedFrames == 18 && stats.cacheBytes == 18 * 24)
            #expect(stats.rssBytes > 0)
        }
    }

    @Test func playWhenShownStartsTheClockWithTheFirstFrameOnScreen() {
        withStalledPool { source, cache, pool in
            let session = PlayerSession(source: source, frames: 1...20, size: size, fps: 10, cache: cache, pool: pool)
            session.playWhenShown(at: 0)
            // Half a second with nothing decoded: the clock waits on frame 1.
            for tick in 0...5 { #expect(session.update(at: Double(tick) / 10).due == 1) }
            #expect(!session.playback.isPlaying)
            for frame in 1...20 { cache.insert(FrameKey(source: source.id, frame: frame, size: size), picture(frame)) }
            var shown: [Int?] = []
            for tick in 6...9 { shown.append(session.update(at: Double(tick) / 10 + 0.001).shownFrame) }
            #expect(shown == [1, 2, 3, 4], "frame 1 is played from when it is on screen")
            #expect(session.dropped == 0)

            // A frame that never comes does not hold playback for ever.
            let stuck = PlayerSession(source: source, frames: 30...40, size: size, fps: 10, cache: cache, pool: pool)
            stuck.playWhenShown(at: 10)
            _ = stuck.update(at: 10 + PlayerSession.prerollLimit / 2)
            #expect(!stuck.playback.isPlaying)
            _ = stuck.update(at: 10 + PlayerSession.prerollLimit)
            #expect(stuck.playback.isPlaying)
            // And a command meanwhile is the user's: it cancels the wait.
            let paused = PlayerSession(source: source, frames: 30...40, size: size, fps: 10, cache: cache, pool: pool)
            paused.playWhenShown(at: 0)
            paused.perform(.step(1), at: 0.1)
            _ = paused.update(at: 5)
            #expect(!paused.playback.isPlaying)
        }
    }

    @Test func aFrameThatFellDueWhileTheScreenWasDrawnIsDueAtOnce() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 1, behind: 0))
        defer { pool.stop() }
        let session = PlayerSession(source: source, frames: 1...20, size: size, fps: 10, cache: cache, pool: pool)
        session.perform(.play, at: 0)
        #expect(session.update(at: 0.098).due == 1)
        // Drawing took 3 ms: frame 2 is due now, so the wait is none, not a whole frame for 3.
        let wait = session.secondsToNextFrame(at: 0.101)
        #expect(wait != nil && wait! <= 0)
        #expect(session.update(at: 0.101).due == 2)
        let next = session.secondsToNextFrame(at: 0.102)
        #expect(next != nil && abs(next! - 0.098) < 1e-6, "then frame 3 in 98 ms")
    }

    @Test func aDueFrameTheCacheLostIsDecodedAgainWithoutTheFocusMoving() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 1, behind: 0))
        defer { pool.stop() }
        let session = PlayerSession(source: source, frames: 1...10, size: size, fps: 10, cache: cache, pool: pool)
        session.perform(.seek(5), at: 0)
        #expect(eventually { session.update(at: 0).isCurrent })
        #expect(source.started == [5])
        cache.release(source.id)  // as an eviction the pool did not plan for
        // Ticking as the player does: the worker puts a frame in the cache before it leaves the
        // pool's in-flight set, so a tick in between plans nothing and the next one decodes it.
        #expect(eventually {
            _ = session.update(at: 0)
            return cache.contains(FrameKey(source: source.id, frame: 5, size: size))
        })
        #expect(source.started == [5, 5])
    }

    @Test func gapsShowAsMissingWithoutDecodingOrDropping() {
        let source = RecordingSource(missing: [3])
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 1)
        defer { pool.stop() }
        let session = PlayerSession(source: source, frames: 1...5, size: size, fps: 10, cache: cache, pool: pool)
        session.perform(.seek(3), at: 0)
        let view = session.update(at: 0)
        #expect(view.content == .missing && view.isCurrent)
        #expect(eventually { pool.stats.decodes == 4 })
        #expect(!source.started.contains(3))
    }

    @Test func soakLoopsACachedWorkAreaWithNoDecodesAfterTheFirstLoop() throws {
        let folder = TemporaryFolder()
        for frame in 1...24 {
            try folder.writePNG(String(format: "shot.%04d.png", frame), width: 32, height: 16,
                                colour: (UInt8(frame * 10), 0, 0))
        }
        let sequence = try SequenceScanner.find(folder.path + "/shot.0001.png")
        let signal = WakeSignal()
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 2, wake: { signal.signal() })
        defer { pool.stop() }
        let session = PlayerSession(sequence: sequence, size: FrameSize(width: 32, height: 16), fps: 24,
                                    cache: cache, pool: pool)
        var lines: [MemoryStats] = []
        try SoakRun(session: session, signal: signal).run(area: 3...12, loops: 5) { _, stats in lines.append(stats) }
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.decodes == 10 }, "every frame decoded once, in the first loop")
        #expect(lines.last!.hits >= 40 && lines.last!.dropped == 0)
        #expect(lines.last!.cacheBytes == 10 * 32 * 16 * 3)
        if case .image(let image) = session.update(at: 100).content {
            #expect(image.pixel(x: 0, y: 0).r == UInt8(session.update(at: 100).due * 10))
        } else {
            Issue.record("the frame on screen is a picture")
        }
    }

    @Test func soakWithABudgetSmallerThanTheWorkAreaStaysWithinIt() throws {
        let folder = TemporaryFolder()
        for frame in 1...12 {
            try folder.writePNG(String(format: "shot.%04d.png", frame), width: 32, height: 16)
        }
        let sequence = try SequenceScanner.find(folder.path)
        let signal = WakeSignal()
        let frameBytes = 32 * 16 * 3
        let cache = FrameCache(budgetBytes: 8 * frameBytes)
        let pool = DecodePool(cache: cache, threads: 2, wake: { signal.signal() })
        defer { pool.stop() }
        let session = PlayerSession(sequence: sequence, size: FrameSize(width: 32, height: 16), fps: 24,
                                    cache: cache, pool: pool)
        var lines: [MemoryStats] = []
        try SoakRun(session: session, signal: signal).run(area: nil, loops: 6) { _, stats in lines.append(stats) }
        #expect(lines.allSatisfy { $0.cacheBytes <= 8 * frameBytes && $0.cachedFrames <= 8 })
        // Eight of twelve frames fit; the pool reads four ahead, so the other four places keep
        // the start of the loop and only about eight frames a loop are decoded again (a sliding
        // window as deep as the budget would decode all twelve). Over four loops, so that a
        // loop's report falling before or after the next loop's read-ahead does not matter.
        let decodes = lines[5].decodes - lines[1].decodes
        #expect(decodes <= 4 * 9, "\(decodes) decodes in four loops")
        #expect(lines[5].hits - lines[1].hits >= 4 * 3)
    }

    /// Runs `body` on a session of `sequence` at 32x16 over a two-worker pool whose cache holds
    /// 20 frames, with the signal its workers wake.
    func withSequenceSession(_ sequence: ImageSequence,
                             _ body: (PlayerSession, WakeSignal, FrameCache) throws -> Void) rethrows {
        let size = FrameSize(width: 32, height: 16)
        let signal = WakeSignal()
        let cache = FrameCache(budgetBytes: 20 * size.rgbBytes)
        let pool = DecodePool(cache: cache, threads: 2, wake: { signal.signal() })
        defer { pool.stop() }
        let session = PlayerSession(sequence: sequence, size: size, fps: 24, cache: cache, pool: pool)
        defer { session.close() }
        try body(session, signal, cache)
    }

    /// Seeks to `frame` and returns what the session shows once it is current (nil when it does
    /// not come within ten seconds: a worker is blocked).
    func shownContent(_ session: PlayerSession, _ signal: WakeSignal, _ frame: Int) -> FrameContent? {
        session.perform(.seek(frame), at: 0)
        var view = session.update(at: 0)
        var waits = 0
        while !view.isCurrent && waits < 100 {
            _ = signal.wait(seconds: 0.1)
            view = session.update(at: 0)
            waits += 1
        }
        return view.isCurrent ? view.content : nil
    }

    @Test func badFramesAreMarkedWithTheirReasonAndTheRestPlaysWithinBudget() throws {
        let folder = TemporaryFolder()
        let name = { (frame: Int) in String(format: "shot.%04d.png", frame) }
        try folder.writePNG(name(1), width: 32, height: 16)
        // 2 has no file.
        try folder.writePNG(name(3), width: 32, height: 16)
        let whole = try #require(FileManager.default.contents(atPath: folder.path + "/" + name(3)))
        folder.write(name(3), Array([UInt8](whole).prefix(whole.count / 2)))
        folder.write(name(4), Array("not a png at all".utf8))
        try folder.writePNG(name(5), width: 64, height: 64)
        try folder.writePNG(name(6), width: 1, height: 1, colour: (200, 100, 50))
        folder.write(name(7), HostileFiles.pngHeaderOnly(width: 20000, height: 20000))
        let crasher = Corpus.root + "/png/libpng-testpngs/crashers/huge_IDAT.png"
        folder.write(name(8), [UInt8](try #require(FileManager.default.contents(atPath: crasher))))
        try folder.writePNG(name(9), width: 32, height: 16)
        let sequence = try SequenceScanner.find(folder.path)
        #expect(sequence.first == 1 && sequence.last == 9 && sequence.missing == [2])

        let size = FrameSize(width: 32, height: 16)
        try withSequenceSession(sequence) { session, signal, cache in
            var lines: [MemoryStats] = []
            try SoakRun(session: session, signal: signal).run(area: nil, loops: 3) { _, stats in lines.append(stats) }
            #expect(lines.allSatisfy { $0.decodes == 8 }, "failures are cached too: nothing is decoded twice")
            #expect(lines.allSatisfy { $0.cacheBytes <= cache.budget })

            func content(_ frame: Int) -> FrameContent? { shownContent(session, signal, frame) }
            func failure(_ frame: Int) -> String? {
                if case .failed(let reason) = content(frame) { return reason }
                return nil
            }
            func pictureSize(_ frame: Int) -> FrameSize? {
                if case .image(let image) = content(frame) { return FrameSize(width: image.width, height: image.height) }
                return nil
            }
            #expect(pictureSize(1) == size)
            #expect(content(2) == .missing)
            #expect(failure(3) != nil)
            #expect(failure(4) != nil)
            #expect(pictureSize(5) == FrameSize(width: 16, height: 16), "a square frame fits the box")
            #expect(pictureSize(6) == FrameSize(width: 16, height: 16), "a 1x1 frame fills it")
            #expect(failure(7)?.contains("20000") == true)
            #expect(failure(8)?.contains("claims") == true)
            #expect(pictureSize(9) == size)
        }
    }

    /// A FIFO, a device and a link loop named like frames are failed frames that say what they
    /// are; none blocks a worker (a FIFO with no writer would block a plain open forever).
    @Test func framesThatAreNotFilesFailWithWhatTheyAre() throws {
        let folder = TemporaryFolder()
        let name = { (frame: Int) in folder.path + String(format: "/shot.%04d.png", frame) }
        try folder.writePNG("shot.0001.png", width: 32, height: 16)
        #expect(mkfifo(name(2), 0o644) == 0)
        #expect(symlink("/dev/zero", name(3)) == 0)
        #expect(symlink("/dev/urandom", name(4)) == 0)
        #expect(symlink(name(5), name(5)) == 0)
        try folder.writePNG("shot.0006.png", width: 32, height: 16)
        let sequence = try SequenceScanner.find(folder.path)
        #expect(sequence.first == 1 && sequence.last == 6 && sequence.missing.isEmpty)
        let probed = try MediaProbe.frameSize(of: sequence)
        #expect(probed.width == 32 && probed.height == 16)

        var reasons: [Int: String] = [:]
        withSequenceSession(sequence) { session, signal, _ in
            for frame in 1...6 {
                let content = shownContent(session, signal, frame)
                #expect(content != nil, "frame \(frame) never came: a blocked worker")
                if case .failed(let reason) = content { reasons[frame] = reason }
            }
        }
        #expect(reasons[1] == nil && reasons[6] == nil)
        #expect(reasons[2]?.contains("is a FIFO (named pipe), not a regular file") == true, "\(reasons[2] ?? "")")
        #expect(reasons[3]?.contains("is a character device") == true, "\(reasons[3] ?? "")")
        #expect(reasons[4]?.contains("is a character device") == true)
        #expect(reasons[5]?.contains("loop of symbolic links") == true, "\(reasons[5] ?? "")")
    }
}
