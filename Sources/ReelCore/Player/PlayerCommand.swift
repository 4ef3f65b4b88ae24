/// What a user can do to playback; the UI maps keys to these, `reel soak` issues them itself.
public enum PlayerCommand: Equatable, Sendable {
    case togglePlay, play, pause
    /// ← / → and Shift: frames forward (negative: back); pauses.
    case step(Int)
    /// Home / End: the first / last frame of the work area.
    case first, last
    case seek(Int)
    /// L / J: shuttle forward / reverse, faster each press; K: stop.
    case shuttleForward, shuttleReverse, stop
    /// B / N: the work area begins / ends at the playhead; Backspace clears it.
    case setWorkAreaBegin, setWorkAreaEnd, clearWorkArea
    case setWorkArea(ClosedRange<Int>?)
    /// P: loop → ping-pong → once.
    case cycleMode
    case setMode(LoopMode)
    /// `--loops N`: stop after N loops (nil: loop on).
    case setLoopLimit(Int?)
    /// [ / ]: the next standard frame rate down / up.
    case slower, faster
    case setFPS(Double)
    /// X: give back every cached frame.
    case clearCache
    /// m: sound off / on; 9 / 0: volume down / up by this much (of 1).
    case toggleMute
    case changeVolume(Float)

    /// Whether the frames wanted next change all at once, so queued decode jobs are stale.
    var startsNewEpoch: Bool {
        switch self {
        case .first, .last, .seek, .setWorkAreaBegin, .setWorkAreaEnd, .clearWorkArea, .setWorkArea, .clearCache:
            return true
        default:
            return false
        }
    }
}
