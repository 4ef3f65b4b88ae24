/// Draws the one-line timeline: the first frame, a ruler across the width, the playhead on it,
/// and the last frame.
public enum TimelinePane {
    public static let playhead: Unicode.Scalar = "\u{25CF}"  // ●

    /// The column of the playhead for `frame` in a ruler of `barWidth` cells starting at 0.
    public static func playheadColumn(frame: Int, first: Int, last: Int, barWidth: Int) -> Int {
        guard last > first, barWidth > 1 else { return 0 }
        let fraction = Double(min(max(frame, first), last) - first) / Double(last - first)
        return Int((fraction * Double(barWidth - 1)).rounded())
    }

    public static func draw(frame: Int, first: Int, last: Int, workArea: ClosedRange<Int>? = nil,
                            in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: .blank)
        let labelStyle = TextStyle(foreground: .rgb(170, 170, 170))
        let firstLabel = " \(first) "
        let lastLabel = " \(last) "
        var x = grid.put(firstLabel, x: rect.x, y: rect.y, style: labelStyle, maxWidth: rect.width)
        let barEnd = rect.x + rect.width - lastLabel.cellCount
        let barWidth = barEnd - x
        guard barWidth >= 3 else { return }
        let rule = TextStyle(foreground: .rgb(110, 110, 120))
        grid.put("\u{251C}", x: x, y: rect.y, style: rule)  // ├
        grid.put(String(repeating: "\u{2500}", count: barWidth - 2), x: x + 1, y: rect.y, style: rule)
        grid.put("\u{2524}", x: barEnd - 1, y: rect.y, style: rule)  // ┤
        if let area = workArea {
            // The work area: a bold bar from B to N, with [ and ] at its ends.
            let begin = playheadColumn(frame: area.lowerBound, first: first, last: last, barWidth: barWidth)
            let end = playheadColumn(frame: area.upperBound, first: first, last: last, barWidth: barWidth)
            let marked = TextStyle(foreground: .rgb(120, 200, 255), attributes: .bold)
            for column in begin...end { grid.put("\u{2501}", x: x + column, y: rect.y, style: marked) }  // ━
            grid.put("[", x: x + begin, y: rect.y, style: marked)
            grid.put("]", x: x + end, y: rect.y, style: marked)
        }
        let column = playheadColumn(frame: frame, first: first, last: last, barWidth: barWidth)
        grid[x + column, rect.y] = Cell(playhead, foreground: .rgb(255, 210, 80), attributes: .bold)
        x = barEnd
        grid.put(lastLabel, x: x, y: rect.y, style: labelStyle)
    }
}
