/// Where a timeline's ruler puts its labels: a step of 1, 2 or 5 × 10ⁿ frames (or seconds) chosen
/// so that labels never touch, at the widest label the range can have.
enum RulerTicks {
    /// The candidate steps, smallest first, up to a day of frames at 120 fps.
    static let steps: [Int] = {
        var steps: [Int] = []
        var decade = 1
        while decade <= 100_000_000 {
            steps += [decade, 2 * decade, 5 * decade]
            decade *= 10
        }
        return steps
    }()

    /// Steps in seconds: the clock's own (15 s, 30 s, 1 min, 5 min…) rather than powers of ten.
    static let secondSteps: [Int] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 18_000, 36_000, 86_400]

    /// The smallest step whose labels, `labelWidth` cells each plus a gap, fit `scale`'s columns.
    /// `units` is how many frames one step unit is (the fps for steps in seconds).
    static func step(for scale: TimelineScale, labelWidth: Int, units: Int = 1, in steps: [Int] = steps) -> Int {
        let gap = 2
        for step in steps {
            let frames = step * units
            // Columns between two labels: frames × width / count.
            if frames * scale.width >= (labelWidth + gap) * scale.count { return step }
        }
        return steps.last!
    }

    /// The labelled frames: multiples of `step × units` from the range's start.
    static func ticks(for scale: TimelineScale, step: Int, units: Int = 1, origin: Int) -> [Int] {
        let every = step * units
        let lower = scale.frames.lowerBound, upper = scale.frames.upperBound
        // The first multiple of `every` (counted from `origin`) at or after `lower`.
        let offset = ((lower - origin) % every + every) % every
        let start = offset == 0 ? lower : lower + every - offset
        guard start <= upper else { return [] }
        return Array(stride(from: start, through: upper, by: every))
    }
}
