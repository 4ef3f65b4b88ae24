/// Maps the frames a timeline shows onto its columns, and columns back to frames: the one
/// mapping the ruler, the strip, the playhead, the mouse and the audio pane share, so they line up.
///
/// Column `c` of `width` covers the frames `lower + c·count/width ..< lower + (c+1)·count/width`
/// (integer division): with more frames than columns each column covers several, with fewer each
/// frame spans several columns. A value; safe anywhere.
public struct TimelineScale: Equatable, Sendable {
    /// The frames shown, first to last.
    public let frames: ClosedRange<Int>
    public let width: Int

    public init(frames: ClosedRange<Int>, width: Int) {
        self.frames = frames
        self.width = max(1, width)
    }

    var count: Int { frames.count }

    /// The frames column `column` covers (at least one).
    public func frames(column: Int) -> ClosedRange<Int> {
        let c = min(max(column, 0), width - 1)
        let start = c * count / width
        let end = max(start + 1, (c + 1) * count / width)
        return (frames.lowerBound + start)...(frames.lowerBound + end - 1)
    }

    /// The column that shows `frame` (the first of its columns when a frame spans several);
    /// frames outside the range are pinned to the ends.
    public func column(frame: Int) -> Int {
        let offset = min(max(frame, frames.lowerBound), frames.upperBound) - frames.lowerBound
        if count < width {
            return (offset * width + count - 1) / count  // ceil(offset·width / count)
        }
        return ((offset + 1) * width + count - 1) / count - 1  // the column whose frames hold it
    }

    /// The frame a click on `column` goes to: the first frame the column covers, the last frame
    /// at the right end (so a drag to the end reaches it).
    public func frame(column: Int) -> Int {
        if column >= width - 1 { return frames.upperBound }
        return frames(column: column).lowerBound
    }

    /// The span of `frames` as a half-open range of sample frames, at `fps` frames per second of
    /// a sequence starting at `first`, for audio at `sampleRate`: what the audio pane shows.
    public func sampleRange(first: Int, fps: Double, sampleRate: Int) -> Range<Int> {
        func sample(_ frame: Int) -> Int { Int((Double(frame - first) / fps * Double(sampleRate)).rounded()) }
        let lower = max(0, sample(frames.lowerBound))
        return lower..<max(lower + 1, sample(frames.upperBound + 1))
    }
}
