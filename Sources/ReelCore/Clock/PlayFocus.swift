/// Where playback is and where it goes next: the playhead, the range it stays in, its direction
/// and what happens at the range's ends.
///
/// A value. Decoding orders its work by it and the frame cache keeps frames by it: both ask how
/// many frames of playback lie between the playhead and a frame.
public struct PlayFocus: Hashable, Sendable {
    public var frame: Int
    public var range: ClosedRange<Int>
    public var direction: PlayDirection
    public var mode: LoopMode

    public init(frame: Int, range: ClosedRange<Int>, direction: PlayDirection = .forward, mode: LoopMode = .loop) {
        self.frame = min(max(frame, range.lowerBound), range.upperBound)
        self.range = range
        self.direction = direction
        self.mode = mode
    }

    /// Frames of playback until `target` is shown (0 for the playhead itself), or nil when
    /// playback as it goes never reaches it (outside the range, or behind the playhead in `once`).
    public func distance(to target: Int) -> Int? {
        guard range.contains(target) else { return nil }
        let length = range.count
        let ahead = (target - frame) * direction.rawValue
        switch mode {
        case .loop:
            return modulo(ahead, length)
        case .once:
            return ahead >= 0 ? ahead : nil
        case .pingPong:
            guard length > 1 else { return 0 }
            let period = 2 * (length - 1)
            let now = phase(of: frame, direction: direction)
            let onTheWayUp = modulo(target - range.lowerBound - now, period)
            let onTheWayDown = modulo(period - (target - range.lowerBound) - now, period)
            return min(onTheWayUp, onTheWayDown)
        }
    }

    /// Up to `count` distinct frames in the order playback shows them, the playhead first.
    public func upcoming(_ count: Int) -> [Int] {
        let length = range.count
        var frames: [Int] = []
        frames.reserveCapacity(min(count, length))
        switch mode {
        case .loop:
            for step in 0..<min(count, length) {
                frames.append(range.lowerBound + modulo(frame - range.lowerBound + step * direction.rawValue, length))
            }
        case .once:
            var next = frame
            while frames.count < count && range.contains(next) {
                frames.append(next)
                next += direction.rawValue
            }
        case .pingPong:
            guard length > 1 else { return count > 0 ? [frame] : [] }
            // Walking one whole period meets every frame of the range.
            let period = 2 * (length - 1)
            let start = phase(of: frame, direction: direction)
            var seen = Set<Int>()
            for step in 0..<period where frames.count < count {
                let candidate = frameAt(phase: (start + step) % period)
                if seen.insert(candidate).inserted { frames.append(candidate) }
            }
        }
        return frames
    }

    /// Up to `count` frames behind the playhead, nearest first: where a user stepping back goes.
    public func behind(_ count: Int) -> [Int] {
        var reverse = self
        reverse.direction = direction.reversed
        if mode == .pingPong { reverse.mode = .loop }
        return Array(reverse.upcoming(count + 1).dropFirst())
    }

    /// Frame and direction after `steps` frames of ping-pong from this focus.
    func pingPongPosition(after steps: Int) -> (frame: Int, direction: PlayDirection) {
        let length = range.count
        guard length > 1 else { return (frame, direction) }
        let phase = (phase(of: frame, direction: direction) + steps) % (2 * (length - 1))
        return (frameAt(phase: phase), phase < length - 1 ? .forward : .reverse)
    }

    /// Position along one ping-pong period: 0..<length-1 going up, length-1..<period coming down.
    private func phase(of frame: Int, direction: PlayDirection) -> Int {
        let offset = frame - range.lowerBound
        let period = 2 * (range.count - 1)
        if direction == .forward || offset == 0 { return offset }
        return period - offset
    }

    private func frameAt(phase: Int) -> Int {
        let length = range.count
        return range.lowerBound + (phase < length ? phase : 2 * (length - 1) - phase)
    }
}

@inline(__always)
func modulo(_ value: Int, _ divisor: Int) -> Int {
    let remainder = value % divisor
    return remainder < 0 ? remainder + divisor : remainder
}
