/// The one frame cache of the process: decoded frames of every open source, keyed by
/// (source, frame, size), within a budget in bytes.
///
/// Thread-safe: decode workers insert, the player looks up, from any thread. Every byte is
/// counted once, when a frame goes in, and given back when it is evicted, replaced or released,
/// so `stats.bytes` is always the sum of the frames held. Eviction follows `CacheRetention`:
/// the frames playback needs soonest stay, so looping a work area larger than the budget still
/// hits for as many frames as fit (plain LRU would miss every one). The pixel buffers of a few
/// evicted frames are kept as spares for the next decodes (`takeSpare`), which then write into
/// pages already mapped instead of faulting in fresh ones; they are counted apart (`spareBytes`).
public final class FrameCache: Sendable {
    /// What the cache holds and has done, at one moment.
    public struct Stats: Equatable, Sendable {
        public var bytes = 0
        public var budget = 0
        public var frames = 0
        public var hits = 0
        public var misses = 0
        public var insertions = 0
        public var evictions = 0
        /// Frames not taken because every frame held was needed sooner.
        public var refusals = 0
        /// Pixel buffers of evicted frames kept for the next decodes to write into.
        public var spareBytes = 0
        public var spareBuffers = 0

        /// Hits over lookups, 0 before any.
        public var hitRate: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }
    }

    private struct Entry {
        var content: FrameContent
        var bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [FrameKey: Entry] = [:]
        var focus: [SourceID: DecodeFocus] = [:]
        var index = EvictionIndex()
        /// The held frames that failed to decode, per (source, size), for the strip.
        var failed: [EvictionIndex.Group: FrameBitmap] = [:]
        var stats = Stats()
        var useClock: UInt64 = 0

        mutating func tick() -> UInt64 {
            useClock &+= 1
            return useClock
        }

        func retention(_ key: FrameKey, lastUse: UInt64) -> CacheRetention {
            CacheRetention(key, lastUse: lastUse, focus: focus)
        }

        /// The entry to give up first (`EvictionIndex`), of those still in the index.
        mutating func victim() -> (key: FrameKey, retention: CacheRetention, bytes: Int)? {
            let entries = self.entries
            guard let (key, retention) = index.victim(focus: focus, lastUse: { entries[$0]?.lastUse }) else { return nil }
            return (key, retention, entries[key]!.bytes)
        }

        mutating func remove(_ key: FrameKey) -> Entry? {
            guard let entry = entries.removeValue(forKey: key) else { return nil }
            index.remove(key)
            if case .failed = entry.content {
                let group = EvictionIndex.Group(source: key.source, size: key.size)
                failed[group]?.remove(key.frame)
                if failed[group]?.isEmpty == true { failed[group] = nil }
            }
            stats.bytes -= entry.bytes
            stats.frames -= 1
            return entry
        }
    }

    private let state: Locked<State>
    /// Evicted pixel buffers waiting to be written into again; at most `spareLimit`.
    private let spares = Locked<[[UInt8]]>([])
    /// How many evicted buffers are kept for reuse (about one per decode worker).
    public let spareLimit: Int
    /// Buffers smaller than this are not worth keeping: the heap recycles them anyway.
    static let smallestSpare = ProcessMemory.mmapThreshold

    public init(budgetBytes: Int, spareLimit: Int = 4) {
        var initial = State()
        initial.stats.budget = max(0, budgetBytes)
        state = Locked(initial)
        self.spareLimit = max(0, spareLimit)
    }

    public var stats: Stats {
        var stats = state.withLock { $0.stats }
        spares.withLock { spares in
            stats.spareBuffers = spares.count
            stats.spareBytes = spares.reduce(0) { $0 + $1.count }
        }
        return stats
    }

    /// A buffer of exactly `count` bytes that an evicted frame held, for a decode to write into
    /// instead of faulting in fresh pages; nil when there is none.
    public func takeSpare(count: Int) -> [UInt8]? {
        spares.withLock { spares in
            guard let index = spares.firstIndex(where: { $0.count == count }) else { return nil }
            return spares.remove(at: index)
        }
    }

    /// Keeps the pixel buffers of `released` frames for reuse, up to `spareLimit`; the rest are freed.
    private func recycle(_ released: inout [Entry]) {
        spares.withLock { spares in
            for entry in released where spares.count < spareLimit {
                if case .image(let image) = entry.content, image.pixels.count >= Self.smallestSpare {
                    spares.append(image.pixels)
                }
            }
        }
        released.removeAll()
    }

    /// The budget in bytes.
    public var budget: Int { state.withLock { $0.stats.budget } }

    /// The frame, counted as a hit or a miss when `counting`, and marked as just used.
    public func lookup(_ key: FrameKey, counting: Bool = true) -> FrameContent? {
        state.withLock { state in
            let now = state.tick()
            guard let entry = state.entries[key] else {
                if counting { state.stats.misses += 1 }
                return nil
            }
            if counting { state.stats.hits += 1 }
            state.entries[key]!.lastUse = now
            state.index.touched(key, lastUse: now, focus: state.focus)
            return entry.content
        }
    }

    /// Whether the frame is held; not counted, not marked as used.
    public func contains(_ key: FrameKey) -> Bool {
        state.withLock { $0.entries[key] != nil }
    }

    /// Of `keys`, those not held, in their order (one lock for the lot).
    public func absent(_ keys: [FrameKey]) -> [FrameKey] {
        state.withLock { state in keys.filter { state.entries[$0] == nil } }
    }

    /// Frames held for `source` at `size`.
    public func frames(of source: SourceID, size: FrameSize) -> Set<Int> {
        state.withLock { state in
            Set(state.entries.keys.lazy.filter { $0.source == source && $0.size == size }.map(\.frame))
        }
    }

    /// Frames held for `source` at `size` and whether each decoded (`.cached`) or not (`.failed`).
    public func states(of source: SourceID, size: FrameSize) -> [Int: FrameState] {
        state.withLock { state in
            var states: [Int: FrameState] = [:]
            for (key, entry) in state.entries where key.source == source && key.size == size {
                if case .failed = entry.content { states[key.frame] = .failed } else { states[key.frame] = .cached }
            }
            return states
        }
    }

    /// For each of `ranges`, how many frames of `source` at `size` are held and how many of those
    /// failed: the strip's question, answered from bitmaps in O(range / 64), not by visiting
    /// every frame held.
    public func counts(of source: SourceID, size: FrameSize, in ranges: [ClosedRange<Int>]) -> [(held: Int, failed: Int)] {
        state.withLock { state in
            let group = EvictionIndex.Group(source: source, size: size)
            let failed = state.failed[group]
            return ranges.map { (state.index.heldCount(group, in: $0), failed?.count(in: $0) ?? 0) }
        }
    }

    /// Tells the cache where playback of `focus.source` is, which decides what it keeps.
    public func setFocus(_ focus: DecodeFocus) {
        state.withLock { state in
            let old = state.focus[focus.source]
            state.focus[focus.source] = focus
            let entries = state.entries
            state.index.focusChanged(from: old, to: focus, focus: state.focus, lastUse: { entries[$0]?.lastUse })
        }
    }

    /// Puts a frame in, replacing what was there under its key, and evicts what must go to stay
    /// within budget. Returns false, holding nothing new, when every frame that would have to go
    /// is needed sooner than this one. The frame at the playhead is always taken, even alone
    /// over budget, so the player can show it.
    @discardableResult
    public func insert(_ key: FrameKey, _ content: FrameContent) -> Bool {
        let cost = content.byteCount
        // Released buffers are freed after the lock is let go: freeing a big frame takes time.
        var released: [Entry] = []
        let taken = state.withLock { state -> Bool in
            let now = state.tick()
            let incoming = state.retention(key, lastUse: now)
            if let old = state.remove(key) { released.append(old) }
            // Choose every victim before evicting any: if the last one needed is worth more than
            // the newcomer, nothing is evicted for nothing.
            // Each victim leaves the index as it is chosen, so the next one asked for is another.
            var doomed: [FrameKey] = []
            var freed = 0
            while state.stats.bytes - freed + cost > state.stats.budget {
                guard let victim = state.victim() else { break }
                guard victim.retention < incoming || incoming.isPlayhead else { break }
                doomed.append(victim.key)
                state.index.remove(victim.key)
                freed += victim.bytes
            }
            guard state.stats.bytes - freed + cost <= state.stats.budget || incoming.isPlayhead else {
                for victim in doomed {
                    state.index.insert(victim, lastUse: state.entries[victim]!.lastUse, focus: state.focus)
                }
                state.stats.refusals += 1
                return false
            }
            for victim in doomed {
                released.append(state.remove(victim)!)
                state.stats.evictions += 1
            }
            state.entries[key] = Entry(content: content, bytes: cost, lastUse: now)
            state.index.insert(key, lastUse: now, focus: state.focus)
            if case .failed = content {
                state.failed[EvictionIndex.Group(source: key.source, size: key.size), default: FrameBitmap()].insert(key.frame)
            }
            state.stats.bytes += cost
            state.stats.frames += 1
            state.stats.insertions += 1
            return true
        }
        recycle(&released)
        return taken
    }

    /// Gives back every frame of `source` (the file was closed), and the spare buffers, and
    /// forgets its focus.
    public func release(_ source: SourceID) {
        var released: [Entry] = []
        state.withLock { state in
            state.focus[source] = nil
            for key in state.entries.keys where key.source == source {
                released.append(state.remove(key)!)
            }
        }
        released.removeAll()
        spares.withLock { $0.removeAll() }
    }

    /// Gives back every frame and spare buffer (`X`).
    public func clear() {
        var released: [FrameKey: Entry] = [:]
        state.withLock { state in
            swap(&released, &state.entries)
            state.index = EvictionIndex()
            state.failed = [:]
            state.stats.bytes = 0
            state.stats.frames = 0
        }
        released.removeAll()
        spares.withLock { $0.removeAll() }
    }

    /// Sum of the bytes of the frames held, counted afresh from the frames themselves: the
    /// figure `stats.bytes` must always equal.
    func recount() -> (bytes: Int, frames: Int) {
        state.withLock { state in
            (state.entries.values.reduce(0) { $0 + $1.content.byteCount }, state.entries.count)
        }
    }
}
