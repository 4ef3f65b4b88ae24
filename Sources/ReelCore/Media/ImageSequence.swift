/// An image sequence on disk: which frame numbers it spans and which of them are missing.
///
/// A value: it does not touch the disk after it was found (see `SequenceScanner`). Frames in
/// `first...last` that have no file are gaps; they belong to the sequence and are shown as such.
public struct ImageSequence: Hashable, Sendable {
    /// How frame files are named: a pattern, or one file that stands alone.
    public enum Naming: Hashable, Sendable {
        case pattern(SequencePattern)
        case single(path: String)
    }

    /// The most frame numbers a sequence may span (11.5 hours at 24 fps): every one of them,
    /// missing or not, is a frame of the timeline.
    public static let maxSpan = 1_000_000

    public let naming: Naming
    public let first: Int
    public let last: Int
    /// Frame numbers in `first...last` with no file, in order.
    public let missing: [Int]

    public init(naming: Naming, first: Int, last: Int, missing: [Int] = []) {
        precondition(first <= last, "a sequence has at least one frame")
        self.naming = naming
        self.first = first
        self.last = last
        self.missing = missing
    }

    /// Frames the range spans, gaps included.
    public var frameCount: Int { last - first + 1 }

    /// Frame numbers of `range` with no file: outside `first...last`, or gaps (binary search).
    public func missingCount(in range: ClosedRange<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let inside = range.clamped(to: first...last)
        guard inside.lowerBound <= inside.upperBound, range.overlaps(first...last) else { return range.count }
        func firstIndex(atLeast frame: Int) -> Int {
            var low = 0, high = missing.count
            while low < high {
                let middle = (low + high) / 2
                if missing[middle] < frame { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let gaps = firstIndex(atLeast: inside.upperBound + 1) - firstIndex(atLeast: inside.lowerBound)
        return range.count - inside.count + gaps
    }

    /// Frames that have a file.
    public var presentCount: Int { frameCount - missing.count }

    /// The format of its frames, by the files' extension.
    public var format: ImageFormat? {
        switch naming {
        case .pattern(let pattern): return ImageFormat(fileName: "frame" + pattern.suffix)
        case .single(let path): return ImageFormat(fileName: splitPath(path).name)
        }
    }

    /// The pattern as a user would type it (`shot.####.png`), or the single file's path.
    public var displayName: String {
        switch naming {
        case .pattern(let pattern): return pattern.description
        case .single(let path): return path
        }
    }

    /// Whether the frame is inside the range but has no file.
    public func isMissing(_ frame: Int) -> Bool {
        binarySearch(missing, frame)
    }

    /// The file of a frame, or nil for a gap or a frame outside the range.
    public func path(frame: Int) -> String? {
        guard frame >= first && frame <= last && !isMissing(frame) else { return nil }
        switch naming {
        case .pattern(let pattern): return pattern.path(frame: frame)
        case .single(let path): return path
        }
    }

    /// Runs of missing frames, e.g. `[5...7, 12...12]`.
    public var gaps: [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for frame in missing {
            if let lastRun = runs.last, lastRun.upperBound + 1 == frame {
                runs[runs.count - 1] = lastRun.lowerBound...frame
            } else {
                runs.append(frame...frame)
            }
        }
        return runs
    }
}

private func binarySearch(_ sorted: [Int], _ value: Int) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
        let mid = (low + high) / 2
        if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < sorted.count && sorted[low] == value
}
