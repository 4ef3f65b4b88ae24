import ReelCore

/// How the title and the ruler write a position: as a frame number, as SMPTE timecode (the
/// file's own from its first frame), or as time from the first frame (h:mm:ss.mmm), as RV's and
/// DJV's time displays switch. A value.
public struct FrameClock: Equatable, Sendable {
    public enum Unit: String, CaseIterable, Sendable {
        case frames, timecode, seconds

        /// The next unit, frames after seconds.
        public var next: Unit {
            let all = Unit.allCases
            return all[(all.firstIndex(of: self)! + 1) % all.count]
        }
    }

    public var unit: Unit
    /// Frames a second, for seconds.
    public var fps: Double
    /// The file's first frame: where seconds count from and the start timecode belongs.
    public var first: Int
    /// The first frame's timecode.
    public var start: Timecode
    /// Whether the timecode is the file's own (worth showing beside a frame number), not counted from frame 0.
    public var ownTimecode: Bool

    public init(unit: Unit = .frames, fps: Double, first: Int, start: Timecode? = nil, ownTimecode: Bool = false) {
        self.unit = unit
        self.ownTimecode = ownTimecode
        self.fps = fps
        self.first = first
        self.start = start ?? Timecode(frame: 0, rate: Timecode.Rate(fps: fps))
    }

    /// `frame`'s timecode.
    public func timecode(_ frame: Int) -> Timecode {
        Timecode(frame: start.frameCount + frame - first, rate: start.rate)
    }

    /// `frame` in the unit: `1050`, `01:00:00:12`, `0:00:02.042`.
    public func label(_ frame: Int) -> String {
        switch unit {
        case .frames: return String(frame)
        case .timecode: return timecode(frame).description
        case .seconds: return Self.time(Double(frame - first) / max(1e-9, fps))
        }
    }

    /// `seconds` as h:mm:ss.mmm (negative times are 0).
    public static func time(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded(.down))
        let (h, m, s, ms) = (millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(h):\(pad(m, 2)):\(pad(s, 2)).\(pad(ms, 3))"
    }
}
