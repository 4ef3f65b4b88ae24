/// Draws the key hints along the bottom row: the keys that matter most, as many as fit.
public enum HintLine {
    public static func draw(_ hints: [(key: String, action: String)], in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: .blank)
        var x = rect.x + 1
        let end = rect.x + rect.width
        for hint in hints {
            let width = hint.key.cellCount + 1 + hint.action.cellCount
            guard x + width <= end else { break }
            x = grid.put(hint.key, x: x, y: rect.y, style: TextStyle(attributes: .bold))
            x = grid.put(" " + hint.action, x: x, y: rect.y, style: TextStyle(foreground: .rgb(160, 160, 160)))
            x += 3
        }
    }
}
