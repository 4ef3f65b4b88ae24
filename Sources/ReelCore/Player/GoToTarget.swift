/// What a reviewer types to go to a frame, as RV's and DJV's frame fields take it: a frame
/// number (`1050`), a timecode (`01:00:00:12`, or `00:12` for seconds and frames), a step from
/// the playhead (`+10`, `-24`) or a share of the file (`50%`). Turned into a frame of `range`.
///
/// Stateless; safe from any thread.
public enum GoToTarget {
    /// Why a typed line goes nowhere; one line for the user.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notUnderstood(String)
        case outside(frame: Int, range: ClosedRange<Int>)
        case timecodeOutside(String, first: String, last: String)

        public var description: String {
            switch self {
            case .notUnderstood(let text):
                return "'\(SafeText.escaped(text))' is not a frame, a timecode, +N, -N or N%"
            case .outside(let frame, let range):
                return "no frame \(frame): the frames are \(range.lowerBound)\u{2013}\(range.upperBound)"
            case .timecodeOutside(let code, let first, let last):
                return "no frame at \(code): the timecode runs \(first)\u{2013}\(last)"
            }
        }
    }

    /// The frame `text` names, from the playhead `current` in `range`, whose first frame has
    /// timecode `start`. A step past either end stops there; a frame or timecode outside is a problem.
    public static func frame(for text: String, current: Int, range: ClosedRange<Int>,
                             start: Timecode) throws(Problem) -> Int {
        let typed = String(text.unicodeScalars.filter { $0 != " " && $0 != "\t" })
        guard let sign = typed.first else { throw .notUnderstood(text) }
        if sign == "+" || sign == "-" {
            guard let steps = digits(typed.dropFirst()) else { throw .notUnderstood(text) }
            let target = sign == "+" ? current.addingReportingOverflow(steps) : current.subtractingReportingOverflow(steps)
            guard !target.overflow else { throw .notUnderstood(text) }
            return min(max(target.partialValue, range.lowerBound), range.upperBound)
        }
        if typed.hasSuffix("%") {
            guard let share = Double(typed.dropLast()), share.isFinite, (0...100).contains(share) else { throw .notUnderstood(text) }
            return range.lowerBound + Int((Double(range.upperBound - range.lowerBound) * share / 100).rounded())
        }
        if typed.contains(":") || typed.contains(";") {
            guard let code = Timecode(parsing: typed, rate: start.rate) else { throw .notUnderstood(text) }
            let frame = range.lowerBound + code.frameCount - start.frameCount
            guard range.contains(frame) else {
                throw .timecodeOutside(code.description, first: start.description,
                                       last: Timecode(frame: start.frameCount + range.count - 1, rate: start.rate).description)
            }
            return frame
        }
        guard let frame = digits(Substring(typed)) else { throw .notUnderstood(text) }
        guard range.contains(frame) else { throw .outside(frame: frame, range: range) }
        return frame
    }

    /// A run of ASCII digits as a number that fits (at most 18 digits).
    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
