/// Finds the frame cache's next victim in O(log n) instead of ranking every frame it holds,
/// keeping exactly the order `CacheRetention` defines.
///
/// Frames playback will not reach (another size, outside the range, behind the playhead when
/// playing once) wait in a min-heap by last use, so the least recently used comes first. The
/// frame needed last is one of at most five candidates, because the distance to a frame is
/// monotonic on each side of the playhead in every mode: the first and last frame held in the
/// range, the frames held just before and after the playhead, and the playhead itself; each
/// (source, size) keeps its frames in a `FrameBitmap` to find them.
///
/// Whether a frame is needed changes only when a focus changes its range, mode or size (all
/// frames of that source are classified again, once per such change) or, playing once, as the
/// playhead passes frames (those between the old and the new playhead). Heap entries that no
/// longer hold (used since, needed again, evicted) are dropped when they come up; the heap is
/// rebuilt when stale entries outnumber live ones, so it stays within twice the frames held.
/// Not thread-safe: `FrameCache` owns it under its lock.
struct EvictionIndex {
    struct Group: Hashable {
        var source: SourceID
        var size: FrameSize
    }

    private struct Waiting: Comparable {
        var lastUse: UInt64
        var key: FrameKey
        static func < (a: Waiting, b: Waiting) -> Bool { a.lastUse < b.lastUse }
        static func == (a: Waiting, b: Waiting) -> Bool { a.lastUse == b.lastUse && a.key == b.key }
    }

    private var groups: [Group: FrameBitmap] = [:]
    /// Unneeded frames by last use; a binary min-heap.
    private var heap: [Waiting] = []
    private(set) var count = 0

    /// Bytes of the index itself.
    var byteCount: Int { heap.capacity * MemoryLayout<Waiting>.stride + groups.values.reduce(0) { $0 + $1.byteCount } }

    /// A frame now held, last used at `lastUse`.
    mutating func insert(_ key: FrameKey, lastUse: UInt64, focus: [SourceID: DecodeFocus]) {
        if groups[Group(source: key.source, size: key.size), default: FrameBitmap()].insert(key.frame) { count += 1 }
        if !Self.isNeeded(key, focus: focus) { push(Waiting(lastUse: lastUse, key: key)) }
    }

    /// Frames of `group` held in `range`.
    func heldCount(_ group: Group, in range: ClosedRange<Int>) -> Int {
        groups[group]?.count(in: range) ?? 0
    }

    /// A frame no longer held (or set aside as a victim).
    mutating func remove(_ key: FrameKey) {
        let group = Group(source: key.source, size: key.size)
        guard groups[group]?.remove(key.frame) == true else { return }
        count -= 1
        if groups[group]?.isEmpty == true { groups[group] = nil }
    }

    /// A frame was used again at `lastUse`.
    mutating func touched(_ key: FrameKey, lastUse: UInt64, focus: [SourceID: DecodeFocus]) {
        if !Self.isNeeded(key, focus: focus) { push(Waiting(lastUse: lastUse, key: key)) }
    }

    /// The focus of `new.source` moved from `old`: frames that stopped being needed join the heap.
    mutating func focusChanged(from old: DecodeFocus?, to new: DecodeFocus, focus: [SourceID: DecodeFocus],
                               lastUse: (FrameKey) -> UInt64?) {
        guard old != new else { return }
        if let old, old.size == new.size, old.play.range == new.play.range, old.play.mode == new.play.mode,
           new.play.mode != .once || old.play.direction == new.play.direction {
            // Looping or bouncing, the playhead's moves change no frame's need; playing once,
            // the frames it passed (or went back over) are the only ones that may have changed.
            guard new.play.mode == .once, old.play.frame != new.play.frame,
                  let bitmap = groups[Group(source: new.source, size: new.size)] else { return }
            let low = min(old.play.frame, new.play.frame), high = max(old.play.frame, new.play.frame)
            var next = bitmap.successor(after: low - 1)
            while let frame = next, frame <= high {
                reclassify(FrameKey(source: new.source, frame: frame, size: new.size), focus: focus, lastUse: lastUse)
                next = bitmap.successor(after: frame)
            }
            return
        }
        for (group, bitmap) in groups where group.source == new.source {
            for frame in bitmap.members {
                reclassify(FrameKey(source: group.source, frame: frame, size: group.size), focus: focus, lastUse: lastUse)
            }
        }
    }

    /// The frame to give up first that is not in `sparing`'s place (set aside ones are removed
    /// from the index by the caller), with its retention; nil when nothing is held.
    mutating func victim(focus: [SourceID: DecodeFocus], lastUse: (FrameKey) -> UInt64?) -> (key: FrameKey, retention: CacheRetention)? {
        while let top = heap.first {
            let key = top.key
            if groups[Group(source: key.source, size: key.size)]?.contains(key.frame) == true,
               lastUse(key) == top.lastUse, !Self.isNeeded(key, focus: focus) {
                return (key, .unneeded(lastUse: top.lastUse))
            }
            popMin()
        }
        var best: (key: FrameKey, distance: Int)?
        for (group, bitmap) in groups {
            guard let focus = focus[group.source], focus.size == group.size else { continue }
            let play = focus.play
            let range = play.range
            let candidates = [bitmap.successor(after: range.lowerBound - 1), bitmap.predecessor(before: range.upperBound + 1),
                              bitmap.predecessor(before: play.frame), bitmap.successor(after: play.frame),
                              bitmap.contains(play.frame) ? play.frame : nil]
            for case let frame? in candidates {
                guard let distance = play.distance(to: frame) else { continue }
                let key = FrameKey(source: group.source, frame: frame, size: group.size)
                // Equal distances (frames of two sources): the fixed order of keys decides.
                if let best, distance < best.distance || (distance == best.distance && !key.precedes(best.key)) { continue }
                best = (key, distance)
            }
        }
        return best.map { ($0.key, .needed(distance: $0.distance)) }
    }

    /// Whether playback will reach `key` (`CacheRetention.needed`).
    static func isNeeded(_ key: FrameKey, focus: [SourceID: DecodeFocus]) -> Bool {
        guard let focus = focus[key.source], focus.size == key.size else { return false }
        return focus.play.distance(to: key.frame) != nil
    }

    private mutating func reclassify(_ key: FrameKey, focus: [SourceID: DecodeFocus], lastUse: (FrameKey) -> UInt64?) {
        guard !Self.isNeeded(key, focus: focus), let used = lastUse(key) else { return }
        push(Waiting(lastUse: used, key: key))
    }

    // MARK: The heap

    private mutating func push(_ item: Waiting) {
        // Stale entries past twice the frames held: keep only the live ones.
        if heap.count > 2 * count + 64 { compact() }
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child] < heap[parent] else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popMin() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left] < heap[smallest] { smallest = left }
            if right < heap.count && heap[right] < heap[smallest] { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Keeps, of each frame's entries, the newest (older ones are stale by their last use) and
    /// drops those of frames no longer held, then restores heap order.
    private mutating func compact() {
        var newest: [FrameKey: UInt64] = [:]
        for item in heap where groups[Group(source: item.key.source, size: item.key.size)]?.contains(item.key.frame) == true {
            newest[item.key] = max(newest[item.key] ?? 0, item.lastUse)
        }
        heap = newest.map { Waiting(lastUse: $0.value, key: $0.key) }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }
}
