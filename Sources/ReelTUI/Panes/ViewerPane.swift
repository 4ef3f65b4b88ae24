import ReelCore

/// Draws a frame into its rectangle of the grid with block-symbol cells: with half blocks each
/// cell shows two pixels stacked, the upper one as the foreground of `▀` and the lower one as its
/// background; finer symbols are chosen by `SymbolPainter`.
///
/// A terminal cell is about twice as tall as it is wide, so those pixels are square and a picture
/// scaled to `pixelBox(for:)` keeps its aspect.
public enum ViewerPane {
    /// The picture size, in pixels, that fills `rect`: for half blocks a pixel per column and
    /// two per row; for finer symbols 2×4 a cell.
    public static func pixelBox(for rect: Rect, symbols: CellSymbols = .half) -> (width: Int, height: Int) {
        let per = symbols.decodedPixels
        return (rect.width * per.columns, rect.height * per.rows)
    }

    /// Draws `content` (frame number `frame`) centred in `rect`.
    public static func draw(_ content: FrameContent, frame: Int, in rect: Rect, into grid: inout CellGrid,
                            symbols: CellSymbols = .half) {
        grid.fill(rect, with: .blank)
        switch content {
        case .image(let image) where symbols != .half:
            SymbolPainter.draw(image, symbols: symbols, in: rect, into: &grid)
        case .image(let image):
            drawImage(image, in: rect, into: &grid)
        case .missing:
            drawNotice(["frame \(frame) is missing", "(no file for it in the sequence)"],
                       colour: .rgb(255, 200, 60), in: rect, into: &grid)
        case .failed(let reason):
            drawNotice(["frame \(frame) failed to decode", reason], colour: .rgb(255, 90, 90), in: rect, into: &grid)
        }
    }

    static func drawImage(_ image: RGBImage, in rect: Rect, into grid: inout CellGrid) {
        let left = rect.x + (rect.width - image.width) / 2
        let topPixel = (rect.height * 2 - image.height) / 2
        func colour(_ x: Int, _ y: Int) -> CellColor? {
            guard x >= 0, y >= 0, x < image.width, y < image.height else { return nil }
            let p = image.pixel(x: x, y: y)
            return .rgb(p.r, p.g, p.b)
        }
        for row in 0..<rect.height {
            let upperY = row * 2 - topPixel
            for column in 0..<rect.width {
                let x = rect.x + column - left
                let upper = colour(x, upperY)
                let lower = colour(x, upperY + 1)
                let cell: Cell
                switch (upper, lower) {
                case let (upper?, lower?):
                    cell = Cell(Cell.upperHalfBlock, foreground: upper, background: lower)
                case let (upper?, nil):
                    cell = Cell(Cell.upperHalfBlock, foreground: upper)
                case let (nil, lower?):
                    // The terminal's default foreground would paint the upper half: use the lower block.
                    cell = Cell("\u{2584}", foreground: lower)
                case (nil, nil):
                    continue
                }
                grid[rect.x + column, rect.y + row] = cell
            }
        }
    }

    static func drawNotice(_ lines: [String], colour: CellColor, in rect: Rect, into grid: inout CellGrid) {
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where i < rect.height {
            let shown = line.cellCount > rect.width ? String(line.unicodeScalars.prefix(max(0, rect.width - 1))) + "…" : line
            let x = rect.x + max(0, (rect.width - shown.cellCount) / 2)
            grid.put(shown, x: x, y: top + i, style: TextStyle(foreground: colour, attributes: i == 0 ? .bold : []),
                     maxWidth: rect.x + rect.width - x)
        }
    }
}
