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

    /// The go-to line: `go to: ` then what is typed and a bar for the cursor, the help's wording after.
    public static func drawPrompt(_ text: String, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: .blank)
        var x = grid.put("go to: ", x: rect.x + 1, y: rect.y, style: TextStyle(attributes: .bold))
        x = grid.put(text, x: x, y: rect.y, style: TextStyle(), maxWidth: rect.x + rect.width - x)
        x = grid.put("\u{2588}", x: x, y: rect.y, style: TextStyle(foreground: .rgb(200, 200, 200)))
        let help = "   frame, timecode hh:mm:ss:ff, +N, -N or N%   Enter go   Esc cancel"
        if x + help.cellCount <= rect.x + rect.width {
            grid.put(help, x: x, y: rect.y, style: TextStyle(foreground: .rgb(160, 160, 160)))
        }
    }

    /// One line in place of the hints, until the next key.
    public static func drawMessage(_ text: String, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: .blank)
        grid.put(text, x: rect.x + 1, y: rect.y, style: TextStyle(foreground: .rgb(255, 170, 90)), maxWidth: rect.width - 1)
    }
}
