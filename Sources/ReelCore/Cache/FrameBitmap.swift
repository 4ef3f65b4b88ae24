/// A set of frame numbers as a 64-ary tree of bitmaps: insert, remove, the next member after a
/// frame and the last one before it, each in O(log₆₄ span) word operations.
///
/// The eviction index asks it for the candidates of "needed last" (the frame just behind the
/// playhead, the ends of the range) without scanning every frame held. Memory is one bit per
/// frame number between the lowest and highest member (and a little over for the levels above):
/// 16 KB for a 100,000-frame span. A value; not thread-safe (the cache's lock guards it).
struct FrameBitmap {
    /// Frame number of bit 0 of level 0.
    private var base = 0
    /// Frame numbers covered: `base ..< base + span`.
    private var span = 0
    /// Level 0: one bit per frame number; level k+1: one bit per non-zero word of level k.
    /// The last level has one word.
    private var levels: [[UInt64]] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    func contains(_ frame: Int) -> Bool {
        let index = frame - base
        guard index >= 0, index < span else { return false }
        return levels[0][index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds `frame`; false when it was there.
    @discardableResult
    mutating func insert(_ frame: Int) -> Bool {
        if levels.isEmpty || frame < base || frame >= base + span { cover(frame) }
        guard !contains(frame) else { return false }
        var index = frame - base
        for level in levels.indices {
            let word = index >> 6
            let wasEmpty = levels[level][word] == 0
            levels[level][word] |= 1 << UInt64(index & 63)
            guard wasEmpty else { break }
            index = word
        }
        count += 1
        return true
    }

    /// Takes `frame` out; false when it was not there.
    @discardableResult
    mutating func remove(_ frame: Int) -> Bool {
        guard contains(frame) else { return false }
        var index = frame - base
        for level in levels.indices {
            let word = index >> 6
            levels[level][word] &= ~(1 << UInt64(index & 63))
            guard levels[level][word] == 0 else { break }
            index = word
        }
        count -= 1
        if count == 0 { self = FrameBitmap() }
        return true
    }

    /// The smallest member greater than `frame`.
    func successor(after frame: Int) -> Int? {
        guard count > 0, frame < base + span - 1 else { return nil }
        var index = max(0, frame - base + 1)
        var level = 0
        // Up until a word holds a member at or after the index, then down its lowest bits.
        while true {
            let word = index >> 6
            guard word < levels[level].count else { return nil }
            let bits = levels[level][word] & (UInt64.max << UInt64(index & 63))
            if bits != 0 {
                var position = word << 6 | bits.trailingZeroBitCount
                while level > 0 {
                    level -= 1
                    position = position << 6 | levels[level][position].trailingZeroBitCount
                }
                return base + position
            }
            guard level + 1 < levels.count else { return nil }
            level += 1
            index = word + 1
        }
    }

    /// The largest member smaller than `frame`.
    func predecessor(before frame: Int) -> Int? {
        guard count > 0, frame > base else { return nil }
        var index = min(span - 1, frame - base - 1)
        var level = 0
        while true {
            let word = index >> 6
            let shift = UInt64(63 - index & 63)
            let bits = levels[level][word] & (UInt64.max >> shift)
            if bits != 0 {
                var position = word << 6 | (63 - bits.leadingZeroBitCount)
                while level > 0 {
                    level -= 1
                    position = position << 6 | (63 - levels[level][position].leadingZeroBitCount)
                }
                return base + position
            }
            guard word > 0, level + 1 < levels.count else { return nil }
            level += 1
            index = word - 1
        }
    }

    /// Members in `range`: a popcount of the words under it, O(range / 64).
    func count(in range: ClosedRange<Int>) -> Int {
        guard count > 0 else { return 0 }
        let low = max(range.lowerBound - base, 0), high = min(range.upperBound - base, span - 1)
        guard low <= high else { return 0 }
        var total = 0
        for word in (low >> 6)...(high >> 6) {
            var bits = levels[0][word]
            if word == low >> 6 { bits &= UInt64.max << UInt64(low & 63) }
            if word == high >> 6 { bits &= UInt64.max >> UInt64(63 - high & 63) }
            total += bits.nonzeroBitCount
        }
        return total
    }

    /// Every member, in order.
    var members: [Int] {
        var all: [Int] = []
        all.reserveCapacity(count)
        var next = successor(after: base - 1)
        while let frame = next {
            all.append(frame)
            next = successor(after: frame)
        }
        return all
    }

    /// Words held, for the cache's own figures.
    var byteCount: Int { levels.reduce(0) { $0 + $1.count * 8 } }

    /// Grows the covered span to hold `frame` (at least doubling it, so a run of new frames
    /// costs amortised O(1) each) and puts the members back.
    private mutating func cover(_ frame: Int) {
        let old = members
        let low = min(old.first ?? frame, frame)
        let high = max(old.last ?? frame, frame)
        let needed = high - low + 1
        let grown = count == 0 ? 64 : max(needed, 2 * span)
        // The new room goes on the side the frame came from.
        let newBase = frame < base || count == 0 ? high + 1 - grown : low
        base = newBase - modulo(newBase, 64)
        span = grown + (newBase - base)
        span += (64 - span % 64) % 64
        levels = []
        var words = span >> 6
        repeat {
            levels.append([UInt64](repeating: 0, count: max(1, words)))
            words = (words + 63) >> 6
        } while levels.last!.count > 1
        count = 0
        for member in old { insert(member) }
    }
}
