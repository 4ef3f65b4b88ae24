/// A SMPTE timecode, hours:minutes:seconds:frames, counted at a `Timecode.Rate`; with drop-frame
/// (29.97 and 59.94 fps) the first two (or four) frame labels of every minute but each tenth are
/// skipped, so the timecode keeps to the clock, and it is written with `;` before the frames.
///
/// A value. Frame counts are from 00:00:00:00; hours run on past 24 (a day's wrap is the
/// writer's business, not arithmetic's).
public struct Timecode: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// How frames are counted: labels per second and whether some are dropped.
    public struct Rate: Equatable, Hashable, Sendable {
        /// Frame labels per second: 24, 25, 30, 50, 60…
        public let nominal: Int
        public let dropFrame: Bool

        public init(nominal: Int, dropFrame: Bool) {
            self.nominal = max(1, nominal)
            // Only multiples of 30 have a drop-frame count (SMPTE 12M: 29.97 and 59.94).
            self.dropFrame = dropFrame && self.nominal % 30 == 0
        }

        /// The rate a file played at `fps` counts its timecode at: 30000/1001 is 30 drop-frame,
        /// 24000/1001 is 24 (no drop-frame exists for it), 25 is 25.
        public init(fps: Double) {
            let nominal = Int((fps * 1.001).rounded())
            let isNTSC = fps > 0 && abs(fps * 1.001 - Double(nominal)) < 0.005 && abs(fps - Double(nominal)) > 0.005
            self.init(nominal: isNTSC ? nominal : Int(fps.rounded()), dropFrame: isNTSC)
        }

        /// Labels skipped at each minute that is not a tenth.
        var dropped: Int { dropFrame ? nominal / 15 : 0 }
    }

    public var hours: Int
    public var minutes: Int
    public var seconds: Int
    public var frames: Int
    public var rate: Rate

    /// The timecode `count` frames after 00:00:00:00.
    public init(frame count: Int, rate: Rate) {
        self.rate = rate
        var labels = max(0, count)
        if rate.dropFrame {
            let perMinute = rate.nominal * 60 - rate.dropped
            let perTenMinutes = perMinute * 10 + rate.dropped
            let tens = labels / perTenMinutes, within = labels % perTenMinutes
            // Within ten minutes: the first minute keeps all its labels, each later one skips `dropped`.
            let skippedMinutes = within < rate.dropped ? 0 : (within - rate.dropped) / perMinute
            labels += rate.dropped * (9 * tens + skippedMinutes)
        }
        frames = labels % rate.nominal
        seconds = labels / rate.nominal % 60
        minutes = labels / (rate.nominal * 60) % 60
        hours = labels / (rate.nominal * 3600)
    }

    /// Frames since 00:00:00:00.
    public var frameCount: Int {
        let minutesInAll = hours * 60 + minutes
        let labels = ((minutesInAll * 60) + seconds) * rate.nominal + frames
        return labels - rate.dropped * (minutesInAll - minutesInAll / 10)
    }

    /// Reads `hh:mm:ss:ff` (or `;`, `.` or `,` before the frames for drop-frame; fewer fields
    /// count from the right, so `12:05` is twelve seconds and five frames) at `rate`; drop-frame
    /// follows the separator when the rate allows it. Nil for anything else, or a label the
    /// count skips (00:01:00;00 at 29.97).
    public init?(parsing text: String, rate: Rate) {
        let trimmed = text.split(separator: " ", omittingEmptySubsequences: true).joined()
        let marksDrop = trimmed.contains(";") || trimmed.contains(".") || trimmed.contains(",")
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).flatMap {
            $0.split(omittingEmptySubsequences: false, whereSeparator: { ";.,".contains($0) })
        }
        guard (2...4).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let values = [0, 0, 0, 0].dropLast(parts.count) + parts.map { Int($0)! }
        let counted = Rate(nominal: rate.nominal, dropFrame: rate.dropFrame || marksDrop)
        guard values[1] < 60, values[2] < 60, values[3] < counted.nominal else { return nil }
        if counted.dropFrame, values[2] == 0, values[1] % 10 != 0, values[3] < counted.dropped { return nil }
        (hours, minutes, seconds, frames, self.rate) = (values[0], values[1], values[2], values[3], counted)
    }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(hours)):\(two(minutes)):\(two(seconds))\(rate.dropFrame ? ";" : ":")\(two(frames))"
    }
}
