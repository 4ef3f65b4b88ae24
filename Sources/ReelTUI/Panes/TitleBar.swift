/// Draws the title bar: what is playing and where, in reverse video across the top row.
public enum TitleBar {
    public static func draw(_ fields: [String], in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let style = TextStyle(attributes: [.reverse])
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
                  with: Cell(" ", attributes: [.reverse]))
        let text = " " + fields.joined(separator: "  \u{2502}  ")
        grid.put(text, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        // The program's name on the right, only where it does not cover a field.
        if text.cellCount + 7 <= rect.width {
            grid.put("reel ", x: rect.x + rect.width - 5, y: rect.y, style: TextStyle(attributes: [.reverse, .bold]))
        }
    }
}
