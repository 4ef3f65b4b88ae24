import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ReelCore

/// A source whose frames cost nothing to make; it records every decode, can hold workers at a
/// gate, and notices the same frame being decoded twice at once.
final class RecordingSource: FrameSource {
    struct Log {
        var started: [Int] = []
        var active: [FrameKey: Int] = [:]
        var overlaps = 0
    }

    let id: SourceID
    let missing: Set<Int>
    let log = Locked(Log())
    let gateOpen = Atomic<Bool>(true)

    init(id: Int = 1, missing: Set<Int> = []) {
        self.id = SourceID(rawValue: id)
        self.missing = missing
    }

    func hasFile(_ frame: Int) -> Bool { !missing.contains(frame) }

    func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch) -> FrameContent {
        let key = FrameKey(source: id, frame: frame, size: size)
        log.withLock { log in
            log.started.append(frame)
            log.active[key, default: 0] += 1
            if log.active[key]! > 1 { log.overlaps += 1 }
        }
        while !gateOpen.load(ordering: .acquiring) { usleep(200) }
        log.withLock { $0.active[key]! -= 1 }
        return .image(RGBImage(width: size.width, height: size.height,
                               pixels: [UInt8](repeating: UInt8(frame & 255), count: size.rgbBytes)))
    }

    var started: [Int] { log.withLock { $0.started } }
}

/// Polls `condition` for up to a minute.
func eventually(_ condition: () -> Bool) -> Bool {
    // A minute at most: under ThreadSanitizer beside a fresh clone's build, a worker can wait
    // seconds for a core (one of 400 waits once ran past ten).
    for _ in 0..<60_000 {
        if condition() { return true }
        usleep(1000)
    }
    return condition()
}

@Suite struct DecodePoolTests {
    let size = FrameSize(width: 4, height: 2)

    func focus(_ source: RecordingSource, _ frame: Int, _ range: ClosedRange<Int>, mode: LoopMode = .loop) -> DecodeFocus {
        DecodeFocus(source: source.id, size: size, play: PlayFocus(frame: frame, range: range, mode: mode))
    }

    @Test func decodesNearestFirstAndNeverQueuesAFrameTwice() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 5, behind: 2))
        defer { pool.stop() }
        source.gateOpen.store(false, ordering: .releasing)
        pool.focus(focus(source, 10, 1...100), source: source, newEpoch: true)
        #expect(eventually { source.started.count == 1 })
        #expect(pool.stats.queued == 6 && pool.stats.running == 1)
        pool.focus(focus(source, 10, 1...100), source: source, newEpoch: false)
        #expect(pool.stats.queued == 6, "queued and in-flight frames are not queued again")
        #expect(pool.stats.discarded == 0)
        source.gateOpen.store(true, ordering: .releasing)
        #expect(eventually { pool.stats.decodes == 7 })
        #expect(source.started == [10, 11, 12, 13, 14, 9, 8])
        pool.focus(focus(source, 10, 1...100), source: source, newEpoch: false)
        #expect(pool.stats.queued == 0, "cached frames are not queued again")
        pool.focus(focus(source, 11, 1...100), source: source, newEpoch: false)
        #expect(eventually { pool.stats.decodes == 8 })
        #expect(source.started.last == 15, "moving one frame on decodes one new frame")
    }

    /// A source given back while one of its frames is being decoded: the frame is dropped when
    /// it ends, so nothing of the source is left in the cache (a file closed, a compare ended).
    @Test func aDecodeInFlightWhenItsSourceIsReleasedNeverLands() {
        let source = RecordingSource(id: 71), other = RecordingSource(id: 72)
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 3, behind: 0))
        defer { pool.stop() }
        cache.insert(FrameKey(source: source.id, frame: 99, size: size), .missing)
        source.gateOpen.store(false, ordering: .releasing)
        pool.focus(focus(source, 1, 1...100), source: source, newEpoch: true)
        #expect(eventually { source.started.count == 1 })
        pool.release(source.id)
        #expect(pool.stats.queued == 0 && cache.stats.frames == 0, "its queue and its cached frames go at once")
        // Both sides of a compare are planned in turn; the released source's decode still ends.
        pool.focus([DecodePool.Target(focus: focus(other, 1, 1...100), source: other)], newEpoch: true)
        source.gateOpen.store(true, ordering: .releasing)
        #expect(eventually { pool.stats.decodes == 4 && pool.stats.running == 0 })
        #expect(cache.frames(of: source.id, size: size).isEmpty, "the frame in flight was dropped")
        #expect(cache.frames(of: other.id, size: size) == [1, 2, 3])
        // Released once: the same source decodes and caches again when asked.
        pool.focus(focus(source, 50, 1...100), source: source, newEpoch: true)
        #expect(eventually { cache.frames(of: source.id, size: size) == [50, 51, 52] })
    }

    @Test func twoSourcesAreQueuedInTurnAndShareTheBudget() {
        let a = RecordingSource(id: 81), b = RecordingSource(id: 82)
        // Room for four frames of 4x2 (24 bytes each) in all: two of each.
        let cache = FrameCache(budgetBytes: 4 * size.rgbBytes)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 10, behind: 0))
        defer { pool.stop() }
        a.gateOpen.store(false, ordering: .releasing)
        pool.focus([DecodePool.Target(focus: focus(a, 10, 1...100), source: a),
                    DecodePool.Target(focus: focus(b, 20, 1...100), source: b)], newEpoch: true)
        #expect(eventually { a.started.count == 1 })
        #expect(pool.stats.queued == 3, "two of each, one in flight: \(pool.stats)")
        a.gateOpen.store(true, ordering: .releasing)
        #expect(eventually { pool.stats.decodes == 4 })
        #expect(a.started == [10, 11] && b.started == [20, 21])
    }

    @Test func noJobOfAnOldEpochRunsAfterTheBump() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 2, window: .init(ahead: 10, behind: 0))
        defer { pool.stop() }
        source.gateOpen.store(false, ordering: .releasing)
        pool.focus(focus(source, 1, 1...1000), source: source, newEpoch: true)
        #expect(eventually { source.started.count == 2 })
        #expect(pool.stats.queued == 8)
        pool.focus(focus(source, 500, 1...1000), source: source, newEpoch: true)
        #expect(pool.stats.queued == 10 && pool.stats.discarded == 8 && pool.stats.epoch == 2)
        source.gateOpen.store(true, ordering: .releasing)
        #expect(eventually { pool.stats.decodes == 12 })
        #expect(Set(source.started) == Set([1, 2] + Array(500...509)))
    }

    @Test func randomSeeksStayWithinTheWindowAndNeverDecodeAFrameTwiceAtOnce() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 300 * size.rgbBytes)
        let window = DecodePool.Window(ahead: 16, behind: 4)
        let pool = DecodePool(cache: cache, threads: 2, window: window)
        var random = SplitMix64(seed: 7)
        var worst = 0
        var drained = 0
        for seek in 0..<4_000 {
            let frame = 1 + Int(random.next() % 1000)
            let mode = LoopMode.allCases[Int(random.next() % 3)]
            pool.focus(focus(source, frame, 1...1000, mode: mode), source: source, newEpoch: true)
            worst = max(worst, pool.stats.queued)
            // Every tenth seek is let finish: its frame is then decoded and cached, however fast
            // the workers are against this loop (how much the others decode depends on that).
            // While it is not cached the focus is given again, as the player does at every tick:
            // a worker that finished the frame for the last focus just before this one may have
            // been refused by the cache then, and the pool never queues a frame in flight.
            if seek % 10 == 0 {
                let key = FrameKey(source: source.id, frame: frame, size: size)
                let settled = eventually {
                    if !cache.contains(key) { pool.focus(focus(source, frame, 1...1000, mode: mode), source: source, newEpoch: false) }
                    return pool.stats.queued == 0 && pool.stats.running == 0 && cache.contains(key)
                }
                if settled { drained += 1 }
            }
            // Playing on a few frames between seeks.
            for step in 0..<Int(random.next() % 4) {
                pool.focus(focus(source, min(frame + step + 1, 1000), 1...1000, mode: mode), source: source, newEpoch: false)
                worst = max(worst, pool.stats.queued)
            }
        }
        pool.stop()
        #expect(worst <= window.total)
        #expect(source.log.withLock { $0.overlaps } == 0)
        #expect(pool.stats.running == 0 && pool.stats.queued == 0)
        #expect(drained == 400, "each seek let finish has its frame")
        #expect(cache.stats.bytes == cache.recount().bytes)
    }

    @Test func readsAheadAsFarAsTheBudgetHoldsAndSkipsGaps() {
        let source = RecordingSource(missing: [3, 4])
        let cache = FrameCache(budgetBytes: 5 * size.rgbBytes)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 48, behind: 12))
        defer { pool.stop() }
        // The range fits the budget: all of it in play order, gaps skipped.
        pool.focus(focus(source, 2, 1...5), source: source, newEpoch: true)
        #expect(eventually { pool.stats.queued == 0 && pool.stats.running == 0 })
        #expect(source.started == [2, 5, 1])
    }

    @Test func aRangeLargerThanTheBudgetIsReadOnlyAsFarAheadAsTheWorkersNeed() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 40 * size.rgbBytes)
        let pool = DecodePool(cache: cache, threads: 2, window: .init(ahead: 48, behind: 12))
        defer { pool.stop() }
        pool.focus(focus(source, 11, 1...100), source: source, newEpoch: true)
        #expect(eventually { pool.stats.queued == 0 && pool.stats.running == 0 })
        // A quarter of the 40 frames the budget holds, nothing behind: the rest of the budget
        // keeps what the cache ranks next.
        #expect(source.started.sorted() == Array(11...20))
    }

    @Test func aCachedLoopDecodesNothingAfterTheFirstPass() {
        let source = RecordingSource()
        let cache = FrameCache(budgetBytes: 1 << 20)
        let pool = DecodePool(cache: cache, threads: 2, window: .init(ahead: 8, behind: 2))
        defer { pool.stop() }
        var decodesAfterFirstLoop = 0
        for loop in 1...5 {
            for frame in 11...30 {
                let focus = focus(source, frame, 11...30)
                pool.focus(focus, source: source, newEpoch: loop == 1 && frame == 11)
                #expect(eventually { cache.contains(focus.key(frame)) })
            }
            #expect(eventually { pool.stats.queued == 0 && pool.stats.running == 0 })
            if loop == 1 { decodesAfterFirstLoop = pool.stats.decodes }
        }
        #expect(decodesAfterFirstLoop == 20)
        #expect(pool.stats.decodes == 20)
        #expect(Set(source.started).count == 20)
    }
}
