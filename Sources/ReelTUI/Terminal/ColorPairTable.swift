/// Owns the terminal's colour pairs: maps a (foreground, background) pair of colour numbers to a
/// pair number, defining pairs as needed and reusing the ones no longer on screen.
///
/// ncurses' own `alloc_pair` recycles the least recently *allocated* pair even while cells on
/// screen still use it; this table only reuses a pair that no cell of the current frame uses, so
/// memory stays bounded by the terminal's pair count and nothing on screen changes colour.
/// Not thread-safe: the presenter owns it. `define` is the one call that reaches the terminal
/// (`init_extended_pair`), injected so the table is testable without one.
final class ColorPairTable {
    /// Pairs usable, 1…capacity (pair 0 is the terminal's default colours).
    let capacity: Int
    private let define: (_ pair: Int32, _ foreground: Int32, _ background: Int32) -> Void
    private var pairOfKey: [UInt64: Int32] = [:]
    private var keyOfPair: [UInt64]
    private var lastUsed: [UInt64]
    private var free: [Int32] = []
    private var nextUnused: Int32 = 1
    private var generation: UInt64 = 1

    init(capacity: Int, define: @escaping (_ pair: Int32, _ foreground: Int32, _ background: Int32) -> Void) {
        self.capacity = max(0, capacity)
        self.define = define
        keyOfPair = [UInt64](repeating: 0, count: self.capacity + 1)
        lastUsed = [UInt64](repeating: 0, count: self.capacity + 1)
    }

    /// Pairs defined now.
    var count: Int { pairOfKey.count }

    /// Starts a frame: pairs not touched or handed out from here on may be reused.
    func beginFrame() {
        generation += 1
    }

    /// Marks `pair` as on screen in this frame.
    func touch(_ pair: Int32) {
        if pair > 0 { lastUsed[Int(pair)] = generation }
    }

    /// The pair for these colour numbers (-1: default), defining it if needed; 0 (default colours)
    /// when every pair is on screen in this frame.
    func pair(foreground: Int32, background: Int32) -> Int32 {
        if foreground < 0 && background < 0 { return 0 }
        let key = UInt64(UInt32(bitPattern: foreground + 1)) << 32 | UInt64(UInt32(bitPattern: background + 1))
        if let pair = pairOfKey[key] {
            lastUsed[Int(pair)] = generation
            return pair
        }
        guard let pair = takePair() else { return 0 }
        if keyOfPair[Int(pair)] != 0 { pairOfKey[keyOfPair[Int(pair)]] = nil }
        keyOfPair[Int(pair)] = key
        pairOfKey[key] = pair
        lastUsed[Int(pair)] = generation
        define(pair, foreground, background)
        return pair
    }

    private func takePair() -> Int32? {
        guard capacity > 0 else { return nil }
        if Int(nextUnused) <= capacity {
            defer { nextUnused += 1 }
            return nextUnused
        }
        for sweep in 0..<2 {
            while let pair = free.popLast() {
                // Freed by an earlier sweep but looked up again since: still in use.
                if lastUsed[Int(pair)] < generation { return pair }
            }
            guard sweep == 0 else { break }
            // One sweep collects every pair the current frame has not used: O(capacity) once per
            // many reuses, not per pair. Least recently used last, so it is reused first.
            free = (1...capacity).compactMap { p in lastUsed[p] < generation ? Int32(p) : nil }
                .sorted { lastUsed[Int($0)] > lastUsed[Int($1)] }
        }
        return nil
    }
}
