import Testing
@testable import ReelCore

/// The strip's per-column states, counted from bitmaps, are what summarising every frame's
/// state gives, for any mix of cached, failed, missing, queued and absent frames and any columns.
@Suite struct StripStateTests {
    @Test(arguments: [1, 2, 3])
    func columnsCountedAgreeWithFramesSummarised(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let missing = Set((0..<40).map { _ in Int(random.next() % 400) + 1 })
        let source = RecordingSource(id: 77, missing: missing)
        let size = FrameSize(width: 4, height: 2)
        let cache = FrameCache(budgetBytes: 1 << 22)
        // Workers wait at the gate: what the pool takes stays queued or in flight.
        source.gateOpen.store(false, ordering: .releasing)
        let pool = DecodePool(cache: cache, threads: 1, window: .init(ahead: 6, behind: 0))
        defer {
            source.gateOpen.store(true, ordering: .releasing)
            pool.stop()
        }
        let session = PlayerSession(source: source, frames: 1...400, size: size, fps: 24, cache: cache, pool: pool)
        defer { session.close() }
        session.perform(.seek(Int(random.next() % 400) + 1), at: 0)
        _ = session.update(at: 0)
        let pending = pool.pending(source: source.id, size: size)
        for frame in 1...400 where !missing.contains(frame) && !pending.contains(frame) && random.next() % 3 != 0 {
            let key = FrameKey(source: source.id, frame: frame, size: size)
            cache.insert(key, random.next() % 9 == 0 ? .failed("broken")
                         : .image(RGBImage(width: 4, height: 2, pixels: [UInt8](repeating: 1, count: 24))))
        }
        for columns in [1, 7, 80, 400, 1000] {
            // Columns as the timeline cuts them, over the whole span and over a zoomed part.
            for visible in [1...400, 37...90, 120...120] {
                let per = (0..<columns).map { column -> ClosedRange<Int> in
                    let low = visible.lowerBound + column * visible.count / columns
                    let high = visible.lowerBound + max(column * visible.count / columns, (column + 1) * visible.count / columns - 1)
                    return low...min(high, visible.upperBound)
                }
                let states = session.frameStates(visible)
                let expected = per.map { range in
                    FrameState.summary(states[(range.lowerBound - visible.lowerBound)...(range.upperBound - visible.lowerBound)])
                }
                #expect(session.frameStates(columns: per) == expected, "\(columns) columns over \(visible)")
            }
        }
        #expect(Set(session.frameStates(1...400)).count == 5, "every state is in the mix")
    }

    @Test func missingFramesAreCountedByBinarySearch() {
        let sequence = ImageSequence(naming: .single(path: "x.png"), first: 10, last: 20, missing: [12, 13, 17])
        #expect(sequence.missingCount(in: 10...20) == 3)
        #expect(sequence.missingCount(in: 13...16) == 1)
        #expect(sequence.missingCount(in: 5...11) == 5, "frames before the first have no file")
        #expect(sequence.missingCount(in: 18...25) == 5)
        #expect(sequence.missingCount(in: 30...31) == 2)
        #expect(sequence.missingCount(in: 14...16) == 0)
    }
}
