import Testing
@testable import ReelCore

/// The global frame cache: byte accounting, playhead-aware eviction, admission.
@Suite struct FrameCacheTests {
    let source = SourceID(rawValue: 1)
    let size = FrameSize(width: 4, height: 4)

    func picture(bytes: Int) -> FrameContent {
        .image(RGBImage(width: bytes / 3, height: 1, pixels: [UInt8](repeating: 7, count: bytes / 3 * 3)))
    }

    @Test func reportedBytesEqualTheSumOfEntriesAfterRandomOperations() {
        var random = SplitMix64(seed: 42)
        let cache = FrameCache(budgetBytes: 40_000)
        let sources = [SourceID(rawValue: 1), SourceID(rawValue: 2), SourceID(rawValue: 3)]
        let sizes = [FrameSize(width: 10, height: 10), FrameSize(width: 20, height: 5)]
        for step in 0..<100_000 {
            let key = FrameKey(source: sources[Int(random.next() % 3)], frame: Int(random.next() % 200),
                               size: sizes[Int(random.next() % 2)])
            switch random.next() % 10 {
            case 0..<4:
                let content: FrameContent = random.next() % 8 == 0
                    ? .failed(String(repeating: "x", count: Int(random.next() % 40)))
                    : picture(bytes: 300 * Int(1 + random.next() % 10))
                cache.insert(key, content)
            case 4..<8:
                _ = cache.lookup(key)
            case 8:
                let range = 0...Int(50 + random.next() % 150)
                let focus = PlayFocus(frame: Int(random.next() % 200), range: range,
                                      direction: random.next() % 2 == 0 ? .forward : .reverse,
                                      mode: LoopMode.allCases[Int(random.next() % 3)])
                cache.setFocus(DecodeFocus(source: key.source, size: key.size, play: focus))
            default:
                if random.next() % 50 == 0 { cache.release(key.source) }
                if random.next() % 500 == 0 { cache.clear() }
            }
            if step % 1000 == 0 || step == 99_999 {
                let stats = cache.stats
                let recount = cache.recount()
                #expect(stats.bytes == recount.bytes)
                #expect(stats.frames == recount.frames)
                #expect(stats.bytes <= stats.budget, "no frame here is larger than the budget")
            }
        }
        #expect(cache.stats.evictions > 1000, "the budget was small enough to evict")
    }

    @Test func loopingAWorkAreaLargerThanTheBudgetHitsAsOftenAsTheBudgetAllows() {
        let frameBytes = 300
        let workArea = 1...50
        let fits = 30
        func hitRate(playheadAware: Bool) -> Double {
            let cache = FrameCache(budgetBytes: fits * frameBytes)
            var hits = 0
            var lookups = 0
            for loop in 1...10 {
                for frame in workArea {
                    if playheadAware {
                        cache.setFocus(DecodeFocus(source: source, size: size,
                                                   play: PlayFocus(frame: frame, range: workArea)))
                    }
                    let key = FrameKey(source: source, frame: frame, size: size)
                    let hit = cache.lookup(key) != nil
                    if !hit { cache.insert(key, picture(bytes: frameBytes)) }
                    if loop > 2 {
                        lookups += 1
                        if hit { hits += 1 }
                    }
                }
            }
            return Double(hits) / Double(lookups)
        }
        let required = 0.9 * Double(fits) / Double(workArea.count)
        #expect(hitRate(playheadAware: true) >= required)
        #expect(hitRate(playheadAware: false) == 0, "plain LRU misses every frame of such a loop")
    }

    @Test func keepsTheWorkAreaAheadOverFramesBehindAndOutside() {
        let cache = FrameCache(budgetBytes: 3 * 300)
        let focus = DecodeFocus(source: source, size: size, play: PlayFocus(frame: 10, range: 10...20, mode: .once))
        cache.setFocus(focus)
        cache.insert(focus.key(5), picture(bytes: 300))   // outside the work area
        cache.insert(focus.key(12), picture(bytes: 300))  // ahead
        cache.insert(focus.key(15), picture(bytes: 300))  // ahead, further
        cache.insert(focus.key(11), picture(bytes: 300))  // ahead, nearest: 5 goes
        #expect(cache.frames(of: source, size: size) == [11, 12, 15])
        cache.insert(focus.key(13), picture(bytes: 300))  // 15 is needed last: it goes
        #expect(cache.frames(of: source, size: size) == [11, 12, 13])
        #expect(!cache.insert(focus.key(18), picture(bytes: 300)), "18 is needed after all that is held")
        #expect(cache.frames(of: source, size: size) == [11, 12, 13])
        #expect(cache.stats.refusals == 1)
        #expect(cache.insert(focus.key(10), picture(bytes: 300)), "the playhead's frame always goes in")
        #expect(cache.frames(of: source, size: size) == [10, 11, 12])
    }

    @Test func otherSizesAndClosedSourcesGoFirstLeastRecentlyUsedFirst() {
        let cache = FrameCache(budgetBytes: 3 * 300)
        let other = FrameSize(width: 8, height: 8)
        let focus = DecodeFocus(source: source, size: size, play: PlayFocus(frame: 1, range: 1...100))
        cache.setFocus(focus)
        cache.insert(FrameKey(source: source, frame: 1, size: other), picture(bytes: 300))
        cache.insert(FrameKey(source: source, frame: 2, size: other), picture(bytes: 300))
        cache.insert(focus.key(3), picture(bytes: 300))
        _ = cache.lookup(FrameKey(source: source, frame: 1, size: other))
        cache.insert(focus.key(4), picture(bytes: 300))
        #expect(cache.contains(FrameKey(source: source, frame: 1, size: other)), "used more recently than 2")
        #expect(!cache.contains(FrameKey(source: source, frame: 2, size: other)))
        #expect(cache.stats.evictions == 1)
    }

    @Test func releaseAndClearGiveBackEveryByte() {
        let cache = FrameCache(budgetBytes: 1 << 20)
        let second = SourceID(rawValue: 2)
        for frame in 1...10 {
            cache.insert(FrameKey(source: source, frame: frame, size: size), picture(bytes: 300))
            cache.insert(FrameKey(source: second, frame: frame, size: size), picture(bytes: 600))
        }
        #expect(cache.stats.bytes == 9000)
        cache.release(second)
        #expect(cache.stats.bytes == 3000)
        #expect(cache.stats.frames == 10)
        cache.clear()
        #expect(cache.stats.bytes == 0 && cache.stats.frames == 0 && cache.recount().bytes == 0)
    }

    @Test func lookupsCountHitsAndMissesOnlyWhenAsked() {
        let cache = FrameCache(budgetBytes: 1 << 20)
        let key = FrameKey(source: source, frame: 1, size: size)
        #expect(cache.lookup(key) == nil)
        cache.insert(key, .failed("bad"))
        #expect(cache.lookup(key) == .failed("bad"))
        _ = cache.lookup(key, counting: false)
        #expect(cache.stats.hits == 1 && cache.stats.misses == 1)
        #expect(cache.stats.bytes == 3)
    }
}

/// A small deterministic random source, so a failing sequence can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
