/// The screen as a value: `width` × `height` cells, row by row, with no terminal involved.
///
/// Panes draw into it; the presenter hands it to the terminal; tests read it. Drawing outside the
/// grid is clipped, so a pane never has to check the screen's edges itself.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Fills `rect` (clipped) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let x0 = max(0, rect.x), x1 = min(width, rect.x + rect.width)
        let y0 = max(0, rect.y), y1 = min(height, rect.y + rect.height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x] = cell }
        }
    }

    /// Writes `text` from (`x`, `y`), one cell per Unicode scalar, cut at `maxWidth` columns
    /// (and at the grid's edge). Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: TextStyle = .plain, maxWidth: Int = .max) -> Int {
        var column = x
        let end = maxWidth == .max ? width : min(width, x + maxWidth)
        for scalar in text.unicodeScalars {
            guard column < end else { break }
            self[column, y] = Cell(scalar, foreground: style.foreground, background: style.background,
                                   attributes: style.attributes)
            column += 1
        }
        return column
    }

    /// The characters of row `y`, as a person reads them (trailing spaces kept).
    public func text(row y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = String.UnicodeScalarView()
        for x in 0..<width { line.append(cells[y * width + x].character) }
        return String(line)
    }

    /// Every row joined by newlines.
    public var text: String {
        (0..<height).map { text(row: $0) }.joined(separator: "\n")
    }
}

extension String {
    /// The number of cells the text takes in a grid (one per Unicode scalar).
    var cellCount: Int { unicodeScalars.count }
}
