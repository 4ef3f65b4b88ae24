/// How much the cache wants to keep a frame; the lowest goes first when room is needed.
///
/// Frames playback will reach rank above all others, and among them the one needed soonest
/// ranks highest (Belady's rule, which is exact for a player that knows where it is going).
/// Frames it will not reach — outside the work area, behind the playhead when playing once,
/// of another source, at another size — rank by when they were last used (LRU).
enum CacheRetention: Comparable {
    case unneeded(lastUse: UInt64)
    case needed(distance: Int)

    static func < (lhs: CacheRetention, rhs: CacheRetention) -> Bool {
        switch (lhs, rhs) {
        case let (.unneeded(a), .unneeded(b)): return a < b
        case let (.needed(a), .needed(b)): return a > b
        case (.unneeded, .needed): return true
        case (.needed, .unneeded): return false
        }
    }

    /// The retention of `key` last used at `lastUse`, given what is on screen.
    init(_ key: FrameKey, lastUse: UInt64, focus: [SourceID: DecodeFocus]) {
        if let focus = focus[key.source], focus.size == key.size, let distance = focus.play.distance(to: key.frame) {
            self = .needed(distance: distance)
        } else {
            self = .unneeded(lastUse: lastUse)
        }
    }

    /// The frame on screen now: the cache always takes it.
    var isPlayhead: Bool { self == .needed(distance: 0) }
}
