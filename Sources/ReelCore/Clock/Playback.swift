/// The transport: which frame is due at a given time, in which direction and at which speed,
/// within the work area, looping, ping-ponging or stopping at its end.
///
/// A value with no clock of its own: every call takes `now` in seconds, so tests drive it with a
/// simulated clock and the player with `MonotonicClock` (or the sound device's clock). While
/// playing, the frame shown follows the clock, never a count of ticks, so a slow decode or a slow
/// terminal skips frames instead of slowing the film down. Frames are the sequence's own numbers.
public struct Playback: Equatable, Sendable {
    /// Frame rates `[` and `]` step through, as in DJV and OpenRV.
    public static let standardRates: [Double] = [1, 2, 6, 8, 12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60, 120]
    /// Shuttle speeds J and L step through, in multiples of the frame rate.
    public static let maxSpeed = 8

    public let first: Int
    public let last: Int
    public private(set) var fps: Double
    public private(set) var isPlaying: Bool
    /// Multiple of `fps` (1, 2, 4 or 8), in `direction`.
    public private(set) var speed: Int
    public private(set) var mode: LoopMode
    /// The B..N range, or nil for the whole sequence.
    public private(set) var workArea: ClosedRange<Int>?
    /// Loops (or ping-pong's round trips) to play from where play last started, then stop on the
    /// range's end (`--loops N`); nil for no end.
    public private(set) var loopLimit: Int?
    /// Changes whenever the position moves by anything but the clock (seek, step, pause, a new
    /// rate or range): frames skipped across such a change are not dropped frames.
    public private(set) var generation = 0
    /// The frame and direction at `anchorTime`; playing advances from there.
    private var anchorFrame: Int
    private var anchorDirection: PlayDirection
    private var anchorTime: Double

    public init(first: Int, last: Int, fps: Double, mode: LoopMode = .loop) {
        precondition(first <= last && fps > 0)
        self.first = first
        self.last = last
        self.fps = fps
        self.isPlaying = false
        self.speed = 1
        self.mode = mode
        self.anchorFrame = first
        self.anchorDirection = .forward
        self.anchorTime = 0
    }

    public var frameCount: Int { last - first + 1 }

    /// Where playback stays: the work area, else the whole sequence.
    public var range: ClosedRange<Int> { workArea ?? first...last }

    /// Where playback is at `now`.
    public struct Position: Equatable, Sendable {
        public var frame: Int
        public var direction: PlayDirection
        /// Frames advanced since the last change of `generation`.
        public var steps: Int
        /// `once` reached the end of the range.
        public var atEnd: Bool
    }

    public func position(at now: Double) -> Position {
        guard isPlaying else {
            return Position(frame: anchorFrame, direction: anchorDirection, steps: 0, atEnd: false)
        }
        let focus = PlayFocus(frame: anchorFrame, range: range, direction: anchorDirection, mode: mode)
        let advanced = framesAdvanced(at: now)
        switch mode {
        case .loop:
            if let end = limitReached(advanced: advanced, cycle: range.count) { return end }
            let frame = range.lowerBound + modulo(anchorFrame - range.lowerBound + advanced * anchorDirection.rawValue, range.count)
            return Position(frame: frame, direction: anchorDirection, steps: advanced, atEnd: false)
        case .once:
            let remaining = anchorDirection == .forward ? range.upperBound - anchorFrame : anchorFrame - range.lowerBound
            let steps = min(advanced, remaining)
            return Position(frame: anchorFrame + steps * anchorDirection.rawValue, direction: anchorDirection,
                            steps: steps, atEnd: steps == remaining)
        case .pingPong:
            if let end = limitReached(advanced: advanced, cycle: 2 * max(1, range.count - 1)) { return end }
            let (frame, direction) = focus.pingPongPosition(after: advanced)
            return Position(frame: frame, direction: direction, steps: advanced, atEnd: false)
        }
    }

    /// Where playback stops once `loopLimit` cycles of `cycle` frames have been played since the
    /// anchor: a loop's last frame (its first, going back), a ping-pong's starting end; nil before.
    private func limitReached(advanced: Int, cycle: Int) -> Position? {
        guard let loopLimit else { return nil }
        let forward = anchorDirection == .forward
        let travelled = (forward ? anchorFrame - range.lowerBound : range.upperBound - anchorFrame) + advanced
        let length = loopLimit.multipliedReportingOverflow(by: cycle)
        guard !length.overflow, travelled >= length.partialValue - (mode == .loop ? 1 : 0) else { return nil }
        let end = mode == .loop ? (forward ? range.upperBound : range.lowerBound) : (forward ? range.lowerBound : range.upperBound)
        return Position(frame: end, direction: anchorDirection, steps: advanced, atEnd: true)
    }

    /// The frame due at `now`.
    public func frame(at now: Double) -> Int { position(at: now).frame }

    /// The playhead at `now` as decoding and caching see it.
    public func focus(at now: Double) -> PlayFocus {
        focus(at: position(at: now))
    }

    /// The playhead at `position` (one `position(at:)` already computed) as decoding and caching see it.
    public func focus(at position: Position) -> PlayFocus {
        PlayFocus(frame: position.frame, range: range, direction: position.direction, mode: mode)
    }

    /// When the next frame after the one due at `now` becomes due (`nil` while paused).
    public func nextFrameTime(after now: Double) -> Double? {
        guard isPlaying else { return nil }
        return anchorTime + Double(framesAdvanced(at: now) + 1) / (fps * Double(speed))
    }

    /// Whole frames played since the anchor (the epsilon keeps exact frame boundaries on the new frame).
    private func framesAdvanced(at now: Double) -> Int {
        max(0, Int(((now - anchorTime) * fps * Double(speed) + 1e-9).rounded(.down)))
    }

    /// Makes the position at `now` the new anchor.
    private mutating func reanchor(at now: Double) {
        let position = position(at: now)
        anchorFrame = position.frame
        anchorDirection = position.direction
        anchorTime = now
        generation &+= 1
    }

    public mutating func play(at now: Double) {
        guard !isPlaying else { return }
        // Play at the end of a `once` range (or of the last of a limited number of loops) starts
        // it again, as every player does.
        if (mode == .once || (mode == .loop && loopLimit != nil)) && anchorFrame == (anchorDirection == .forward ? range.upperBound : range.lowerBound) {
            anchorFrame = anchorDirection == .forward ? range.lowerBound : range.upperBound
        }
        reanchor(at: now)
        isPlaying = true
    }

    public mutating func pause(at now: Double) {
        guard isPlaying else { return }
        reanchor(at: now)
        isPlaying = false
    }

    public mutating func togglePlay(at now: Double) {
        if isPlaying { pause(at: now) } else { play(at: now) }
    }

    /// Moves `count` frames (negative: back), wrapping around the range (clamping in `once`);
    /// pauses, as stepping does in every player.
    public mutating func step(by count: Int, at now: Double) {
        pause(at: now)
        let target = anchorFrame + count
        anchorFrame = mode == .once ? clamp(target) : range.lowerBound + modulo(target - range.lowerBound, range.count)
        generation &+= 1
    }

    /// Shows `frame`, clamped to the range; playing goes on from there.
    public mutating func seek(to frame: Int, at now: Double) {
        reanchor(at: now)
        anchorFrame = clamp(frame)
    }

    public mutating func setFPS(_ newValue: Double, at now: Double) {
        guard newValue > 0 else { return }
        reanchor(at: now)
        fps = newValue
    }

    /// The next slower or faster standard rate (`[` / `]`).
    public mutating func stepFPS(faster: Bool, at now: Double) {
        let next = faster
            ? Self.standardRates.first { $0 > fps + 0.001 }
            : Self.standardRates.last { $0 < fps - 0.001 }
        if let next { setFPS(next, at: now) }
    }

    /// J / L: play in `direction`; pressed again while already going that way, twice as fast (up to 8×).
    public mutating func shuttle(_ direction: PlayDirection, at now: Double) {
        reanchor(at: now)
        if isPlaying && anchorDirection == direction {
            speed = min(speed * 2, Self.maxSpeed)
        } else {
            anchorDirection = direction
            speed = 1
            play(at: now)
        }
    }

    /// K: stop, and the next play goes at 1×.
    public mutating func stop(at now: Double) {
        pause(at: now)
        speed = 1
    }

    /// B: the work area begins at the frame shown (its end moves out if it was before).
    public mutating func setWorkAreaBegin(at now: Double) {
        let frame = frame(at: now)
        let end = max(workArea?.upperBound ?? last, frame)
        setWorkArea(frame...end, at: now)
    }

    /// N: the work area ends at the frame shown (its begin moves in if it was after).
    public mutating func setWorkAreaEnd(at now: Double) {
        let frame = frame(at: now)
        let begin = min(workArea?.lowerBound ?? first, frame)
        setWorkArea(begin...frame, at: now)
    }

    /// Sets the work area (clamped to the sequence; nil: the whole sequence); the playhead moves into it.
    public mutating func setWorkArea(_ area: ClosedRange<Int>?, at now: Double) {
        reanchor(at: now)
        if let area {
            let lower = min(max(area.lowerBound, first), last)
            let upper = min(max(area.upperBound, lower), last)
            workArea = lower...upper
        } else {
            workArea = nil
        }
        anchorFrame = clamp(anchorFrame)
    }

    /// P: loop → ping-pong → once → loop.
    public mutating func cycleMode(at now: Double) {
        setMode(mode.next, at: now)
    }

    public mutating func setMode(_ newValue: LoopMode, at now: Double) {
        reanchor(at: now)
        mode = newValue
    }

    /// Stops after `count` loops from where play starts next (nil: never).
    public mutating func setLoopLimit(_ count: Int?, at now: Double) {
        reanchor(at: now)
        loopLimit = count.map { max(1, $0) }
    }

    private func clamp(_ frame: Int) -> Int {
        min(max(frame, range.lowerBound), range.upperBound)
    }
}
