/// Which frame of B goes with a frame of A in an A/B compare: the same frame number, the same
/// timecode (each file's own, else counted from frame 0, as `MediaSession.startTimecode`), or the
/// same distance from each one's first frame.
///
/// A value, made once when the compare starts. Files at different rates meet at the same time:
/// A's frame is turned into seconds and B's frame is the one that shows at that second.
public struct CompareAlignment: Equatable, Sendable {
    /// What lines the two up (`--align`).
    public enum Basis: String, CaseIterable, Equatable, Sendable {
        /// Frame 1050 of A beside frame 1050 of B.
        case frame
        /// The frames that carry the same timecode.
        case timecode
        /// Each one's first frame together (a sequence beside a movie made of it).
        case start
    }

    /// Where a file's frames are in time: its first frame, that frame's timecode, its rate.
    public struct Timing: Equatable, Sendable {
        public var first: Int
        public var start: Timecode
        public var fps: Double

        public init(first: Int, start: Timecode, fps: Double) {
            self.first = first
            self.start = start
            self.fps = fps
        }
    }

    public let basis: Basis
    private let a: Timing
    private let b: Timing

    public init(_ basis: Basis, a: Timing, b: Timing) {
        self.basis = basis
        self.a = a
        self.b = b
    }

    /// B's frame for A's frame `frame`.
    public func frame(for frame: Int) -> Int {
        // Frames from a point both count from: frame 0, 00:00:00:00 or each one's first frame.
        let (aOrigin, bOrigin): (Int, Int) = switch basis {
        case .frame: (0, 0)
        case .timecode: (a.first - a.start.frameCount, b.first - b.start.frameCount)
        case .start: (a.first, b.first)
        }
        let count = frame - aOrigin
        guard a.fps > 0, b.fps > 0, abs(a.fps - b.fps) > 1e-6 else { return bOrigin + count }
        // At another rate: the B frame on screen at A's frame's time.
        return bOrigin + Int((Double(count) / a.fps * b.fps + 1e-9).rounded(.down))
    }

    /// A's `range` in B's frames, cut to B's `frames`; nil when none of it falls in B.
    public func range(for range: ClosedRange<Int>, within frames: ClosedRange<Int>) -> ClosedRange<Int>? {
        let low = max(frame(for: range.lowerBound), frames.lowerBound)
        let high = min(frame(for: range.upperBound), frames.upperBound)
        return low <= high ? low...high : nil
    }
}
