/// The last minute of a figure (RSS) for the gauge's sparkline: one value per second, the
/// highest seen in that second, in a fixed ring of `seconds` slots.
///
/// A value owned by the run loop; nothing in it grows with time.
public struct MemoryHistory: Equatable, Sendable {
    public let seconds: Int
    private var slots: [Int]
    /// The whole second of the newest slot; nil before the first sample.
    private var newestSecond: Int?
    private var firstSecond = 0

    public init(seconds: Int = 60) {
        self.seconds = max(1, seconds)
        slots = [Int](repeating: 0, count: self.seconds)
    }

    /// Records `value` seen at `time` seconds (monotonic). Seconds with no sample repeat the last value.
    public mutating func record(_ value: Int, at time: Double) {
        let second = Int(time.rounded(.down))
        guard let newest = newestSecond else {
            newestSecond = second
            firstSecond = second
            slots[slot(second)] = value
            return
        }
        if second > newest {
            let last = slots[slot(newest)]
            for skipped in (newest + 1)...min(second, newest + seconds) { slots[slot(skipped)] = last }
            slots[slot(second)] = value
            newestSecond = second
        } else if second == newest {
            slots[slot(second)] = max(slots[slot(second)], value)
        }
    }

    /// The values, oldest first; only the seconds recorded so far (at most `seconds`).
    public var values: [Int] {
        guard let newest = newestSecond else { return [] }
        let count = min(seconds, newest - firstSecond + 1)
        return ((newest - count + 1)...newest).map { slots[slot($0)] }
    }

    private func slot(_ second: Int) -> Int {
        ((second % seconds) + seconds) % seconds
    }
}
