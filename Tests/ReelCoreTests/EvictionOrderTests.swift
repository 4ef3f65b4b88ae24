import Testing
@testable import ReelCore

/// The cache's eviction index against the rule it must keep: after any sequence of inserts,
/// lookups, focus moves and jumps, the cache holds exactly what ranking every frame by
/// `CacheRetention` and evicting the lowest would hold.
@Suite struct EvictionOrderTests {
    /// The cache as it was before the index: every victim found by a scan over all frames.
    struct ScanningModel {
        var budget: Int
        var entries: [FrameKey: (bytes: Int, lastUse: UInt64)] = [:]
        var focus: [SourceID: DecodeFocus] = [:]
        var clock: UInt64 = 0
        var bytes = 0

        mutating func lookup(_ key: FrameKey) {
            clock &+= 1
            if entries[key] != nil { entries[key]!.lastUse = clock }
        }

        mutating func insert(_ key: FrameKey, bytes cost: Int) {
            clock &+= 1
            let incoming = CacheRetention(key, lastUse: clock, focus: focus)
            if let old = entries.removeValue(forKey: key) { bytes -= old.bytes }
            var doomed: Set<FrameKey> = []
            var freed = 0
            while bytes - freed + cost > budget {
                var best: (key: FrameKey, retention: CacheRetention, bytes: Int)?
                for (other, entry) in entries where !doomed.contains(other) {
                    let retention = CacheRetention(other, lastUse: entry.lastUse, focus: focus)
                    // Equally wanted frames go in the cache's fixed order of keys.
                    if best == nil || retention < best!.retention
                        || (retention == best!.retention && other.precedes(best!.key)) { best = (other, retention, entry.bytes) }
                }
                guard let victim = best, victim.retention < incoming || incoming.isPlayhead else { break }
                doomed.insert(victim.key)
                freed += victim.bytes
            }
            guard bytes - freed + cost <= budget || incoming.isPlayhead else { return }
            for victim in doomed { bytes -= entries.removeValue(forKey: victim)!.bytes }
            entries[key] = (cost, clock)
            bytes += cost
        }
    }

    @Test(arguments: [1, 2, 3])
    func theIndexEvictsWhatAScanWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let budget = 30 * 300
        let cache = FrameCache(budgetBytes: budget, spareLimit: 0)
        var model = ScanningModel(budget: budget)
        let sources = [SourceID(rawValue: 901), SourceID(rawValue: 902)]
        let sizes = [FrameSize(width: 10, height: 10), FrameSize(width: 20, height: 5)]
        var focus: [SourceID: DecodeFocus] = [:]
        for step in 0..<20_000 {
            let source = sources[Int(random.next() % 2)]
            let size = sizes[random.next() % 5 == 0 ? 1 : 0]
            let key = FrameKey(source: source, frame: Int(random.next() % 120) - 10, size: size)
            switch random.next() % 12 {
            case 0..<5:
                let bytes = 300 * Int(1 + random.next() % 3)
                cache.insert(key, .image(RGBImage(width: bytes / 3, height: 1, pixels: [UInt8](repeating: 1, count: bytes))))
                model.insert(key, bytes: bytes)
            case 5..<8:
                _ = cache.lookup(key)
                model.lookup(key)
            case 8..<11 where focus[source] != nil:
                // Playback moving a frame on, as every tick does.
                var moved = focus[source]!
                let play = moved.play
                moved.play = PlayFocus(frame: play.frame + play.direction.rawValue, range: play.range,
                                       direction: play.direction, mode: play.mode)
                focus[source] = moved
                cache.setFocus(moved)
                model.focus[source] = moved
            default:
                // A seek, a new work area, a resize, another mode.
                let low = Int(random.next() % 60) - 10
                let play = PlayFocus(frame: low + Int(random.next() % 50), range: low...(low + Int(random.next() % 70)),
                                     direction: random.next() % 2 == 0 ? .forward : .reverse,
                                     mode: LoopMode.allCases[Int(random.next() % 3)])
                let moved = DecodeFocus(source: source, size: size, play: play)
                focus[source] = moved
                cache.setFocus(moved)
                model.focus[source] = moved
            }
            let held = Set(model.entries.keys)
            let cached = Set(held.filter { cache.contains($0) })
            if cached.count != held.count || cache.stats.frames != held.count {
                Issue.record("step \(step): the cache holds \(cache.stats.frames) frames, the scan \(held.count); differing: \(held.subtracting(cached).sorted { $0.frame < $1.frame }.prefix(5))")
                return
            }
            #expect(cache.stats.bytes == model.bytes)
        }
    }

    @Test func theBitmapFindsNeighboursAcrossItsLevels() {
        var bitmap = FrameBitmap()
        var reference = Set<Int>()
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let frame = Int(random.next() % 300_000) - 1000
            if random.next() % 3 == 0 {
                #expect(bitmap.remove(frame) == (reference.remove(frame) != nil))
            } else {
                #expect(bitmap.insert(frame) == reference.insert(frame).inserted)
            }
        }
        #expect(bitmap.count == reference.count)
        let sorted = reference.sorted()
        #expect(bitmap.members == sorted)
        for _ in 0..<2000 {
            let probe = Int(random.next() % 310_000) - 5000
            #expect(bitmap.successor(after: probe) == sorted.first { $0 > probe })
            #expect(bitmap.predecessor(before: probe) == sorted.last { $0 < probe })
        }
        for frame in sorted { bitmap.remove(frame) }
        #expect(bitmap.isEmpty && bitmap.successor(after: 0) == nil && bitmap.byteCount == 0)
    }
}
