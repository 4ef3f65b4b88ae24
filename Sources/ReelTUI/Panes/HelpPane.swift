/// Draws the help: every key and what it does, in a framed box over the middle of the screen,
/// in as many columns as the width allows.
public enum HelpPane {
    public static func draw(_ entries: [(key: String, meaning: String)], in rect: Rect, into grid: inout CellGrid) {
        guard rect.width >= 10, rect.height >= 3 else { return }
        let keyWidth = entries.map(\.key.cellCount).max() ?? 0
        let entryWidth = keyWidth + 2 + (entries.map(\.meaning.cellCount).max() ?? 0)
        let usable = rect.width - 4
        let columns = max(1, min(3, (usable + 3) / (entryWidth + 3)))
        let rowsNeeded = (entries.count + columns - 1) / columns
        let boxWidth = min(rect.width, columns * entryWidth + (columns - 1) * 3 + 4)
        let boxHeight = min(rect.height, rowsNeeded + 3)
        let box = Rect(x: rect.x + (rect.width - boxWidth) / 2, y: rect.y + (rect.height - boxHeight) / 2,
                       width: boxWidth, height: boxHeight)
        let frame = TextStyle(foreground: .rgb(120, 200, 255))
        grid.fill(box, with: .blank)
        grid.put("\u{250C}" + String(repeating: "\u{2500}", count: box.width - 2) + "\u{2510}", x: box.x, y: box.y, style: frame)
        grid.put("\u{2514}" + String(repeating: "\u{2500}", count: box.width - 2) + "\u{2518}", x: box.x, y: box.y + box.height - 1, style: frame)
        for y in (box.y + 1)..<(box.y + box.height - 1) {
            grid.put("\u{2502}", x: box.x, y: y, style: frame)
            grid.put("\u{2502}", x: box.x + box.width - 1, y: y, style: frame)
        }
        grid.put(" Keys \u{2014} any key closes ", x: box.x + 2, y: box.y, style: TextStyle(attributes: .bold))
        let rows = box.height - 3
        guard rows > 0 else { return }
        // What does not fit is said, in the last place, rather than cut off without a word.
        var shown = entries
        if entries.count > rows * columns {
            shown = Array(entries.prefix(max(0, rows * columns - 1)))
            shown.append(("\u{2026}", "\(entries.count - shown.count) more: enlarge the terminal"))
        }
        for (index, entry) in shown.enumerated() {
            let column = index / rows, row = index % rows
            guard column < columns else { break }
            let x = box.x + 2 + column * (entryWidth + 3)
            let y = box.y + 2 + row
            let limit = box.x + box.width - 1 - x
            guard limit > 0 else { continue }
            grid.put(entry.key, x: x, y: y, style: TextStyle(foreground: .rgb(255, 210, 80), attributes: .bold), maxWidth: limit)
            grid.put(entry.meaning, x: x + keyWidth + 2, y: y, style: .plain, maxWidth: max(0, limit - keyWidth - 2))
        }
    }
}
