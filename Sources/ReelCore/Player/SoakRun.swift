/// Plays a work area over and over with no UI and reports the memory figures after each loop:
/// the engine of `reel soak` and `reel bench decode`.
///
/// Not thread-safe: runs on the caller's thread. Without `realtime` a virtual clock moves on one
/// frame as soon as the frame due is on screen, so the loop runs as fast as decoding allows and
/// drops nothing; with it, the monotonic clock drives playback and late frames are dropped.
public struct SoakRun {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Frame `frame` did not arrive within `seconds`: the pool stalled.
        case stalled(frame: Int, seconds: Double)

        public var description: String {
            switch self {
            case let .stalled(frame, seconds): return "frame \(frame) was not decoded within \(Int(seconds)) s"
            }
        }
    }

    public let session: PlayerSession
    /// Signalled by the pool (its `wake`).
    public let signal: WakeSignal
    /// Longest wait for one frame before giving up.
    public var patience: Double = 60

    public init(session: PlayerSession, signal: WakeSignal) {
        self.session = session
        self.signal = signal
    }

    /// Plays `loops` loops of `area` (nil: the whole range) in `mode`, calling `report` after each.
    public func run(
        area: ClosedRange<Int>?, loops: Int, mode: LoopMode = .loop, realtime: Bool = false,
        report: (_ loop: Int, _ stats: MemoryStats) -> Void
    ) throws(Failure) {
        let start = realtime ? MonotonicClock.now() : 0
        session.perform(.setWorkArea(area), at: 0)
        session.perform(.setMode(mode), at: 0)
        session.perform(.first, at: 0)
        session.perform(.play, at: 0)
        let length = session.playback.range.count
        if realtime {
            try runOnTheClock(start: start, length: length, loops: loops, report: report)
            return
        }
        let fps = session.playback.fps
        var step = 0
        for loop in 1...max(1, loops) {
            for _ in 0..<length {
                let now = Double(step) / fps
                var view = session.update(at: now)
                while !view.isCurrent {
                    guard signal.wait(seconds: patience) else { throw .stalled(frame: view.due, seconds: patience) }
                    view = session.update(at: now)
                }
                step += 1
            }
            settle()
            report(loop, session.stats())
        }
    }

    /// Waits until the pool has nothing queued or running, so that every loop's figures are
    /// read in the same state rather than with a varying number of frames half-decoded.
    private func settle() {
        while true {
            let stats = session.pool.stats
            if stats.queued == 0 && stats.running == 0 { return }
            _ = signal.wait(seconds: 0.05)
        }
    }

    private func runOnTheClock(
        start: Double, length: Int, loops: Int, report: (_ loop: Int, _ stats: MemoryStats) -> Void
    ) throws(Failure) {
        var reported = 0
        while reported < loops {
            let now = MonotonicClock.now() - start
            _ = session.update(at: now)
            let position = session.playback.position(at: now)
            while reported < min(loops, position.steps / length) {
                reported += 1
                report(reported, session.stats())
            }
            if position.atEnd || !session.playback.isPlaying { break }
            let next = session.playback.nextFrameTime(after: now) ?? now + 0.01
            _ = signal.wait(seconds: next - (MonotonicClock.now() - start))
        }
    }
}
