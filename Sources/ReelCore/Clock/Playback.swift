/// The transport: which frame is due at a given time, looping over a range of frames.
///
/// A value with no clock of its own: every call takes `now` in seconds, so tests drive it with a
/// simulated clock and the player with `MonotonicClock`. Frames are the sequence's own numbers.
/// While playing, the frame shown follows the clock, never a count of ticks, so a slow decode
/// or a slow terminal skips frames instead of slowing the film down.
public struct Playback: Equatable, Sendable {
    public let first: Int
    public let last: Int
    public private(set) var fps: Double
    public private(set) var isPlaying: Bool
    /// The frame shown at `anchorTime`; play advances from there.
    private var anchorFrame: Int
    private var anchorTime: Double

    public init(first: Int, last: Int, fps: Double) {
        precondition(first <= last && fps > 0)
        self.first = first
        self.last = last
        self.fps = fps
        self.isPlaying = false
        self.anchorFrame = first
        self.anchorTime = 0
    }

    public var frameCount: Int { last - first + 1 }

    /// The frame due at `now`.
    public func frame(at now: Double) -> Int {
        guard isPlaying else { return anchorFrame }
        return wrap(anchorFrame + framesAdvanced(at: now))
    }

    /// When the next frame after the one due at `now` becomes due (`nil` while paused).
    public func nextFrameTime(after now: Double) -> Double? {
        guard isPlaying else { return nil }
        return anchorTime + Double(framesAdvanced(at: now) + 1) / fps
    }

    /// Whole frames played since the anchor (the epsilon keeps exact frame boundaries on the new frame).
    private func framesAdvanced(at now: Double) -> Int {
        max(0, Int(((now - anchorTime) * fps + 1e-9).rounded(.down)))
    }

    public mutating func play(at now: Double) {
        guard !isPlaying else { return }
        anchorTime = now
        isPlaying = true
    }

    public mutating func pause(at now: Double) {
        guard isPlaying else { return }
        anchorFrame = frame(at: now)
        isPlaying = false
    }

    public mutating func togglePlay(at now: Double) {
        if isPlaying { pause(at: now) } else { play(at: now) }
    }

    /// Moves `count` frames (negative: back), wrapping around the range; pauses, as stepping
    /// does in every player.
    public mutating func step(by count: Int, at now: Double) {
        pause(at: now)
        anchorFrame = wrap(anchorFrame + count)
    }

    /// Shows `frame` (clamped to the range); playing goes on from there.
    public mutating func seek(to frame: Int, at now: Double) {
        anchorFrame = min(max(frame, first), last)
        anchorTime = now
    }

    public mutating func setFPS(_ newValue: Double, at now: Double) {
        guard newValue > 0 else { return }
        let current = frame(at: now)
        fps = newValue
        anchorFrame = current
        anchorTime = now
    }

    private func wrap(_ frame: Int) -> Int {
        let offset = (frame - first) % frameCount
        return first + (offset < 0 ? offset + frameCount : offset)
    }
}
