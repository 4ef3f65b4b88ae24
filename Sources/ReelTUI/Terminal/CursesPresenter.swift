import CNcurses
import ReelCore

/// Hands a `CellGrid` to the terminal, sending only the cells that changed since the last grid.
///
/// Text rows go through ncurses (`mvwadd_wch` through `reel_put_cell`, then `wrefresh`). Picture
/// rows, where thousands of cells change a frame, are written as ANSI text by an
/// `ANSIRowEncoder` right after ncurses' update, when the terminal speaks ANSI and has colours;
/// ncurses holds a placeholder there (a dim space, never blank, so it never clears over the
/// picture) that does not change, so it never sends those rows itself but on a full repaint.
///
/// With an image protocol (`placer`), the viewer's picture is sent as an image after the text,
/// at its cell, only when it changed; the viewer's cells are blank underneath. Inside tmux a
/// kitty picture is shown by placeholder cells written here over those blank cells, again
/// whenever ncurses may have written over them. Each screen is
/// wrapped in synchronized output (DEC mode 2026) where the terminal has it, so it never shows
/// half an update.
///
/// Owns the colour pair table. Not thread-safe: the main thread only, with its `CursesTerminal`.
public final class CursesPresenter {
    private let terminal: CursesTerminal
    private let mode: ColorMode
    private let pairs: ColorPairTable
    private var rowEncoder: ANSIRowEncoder?
    private var shown: [Cell] = []
    private var shownPairs: [Int32] = []
    private var shownWidth = 0
    private var shownHeight = 0
    /// The image protocol's side: what the terminal holds; nil for text cells.
    public let placer: ImagePlacer?
    private let synchronized: Bool
    /// The viewer's cells when the picture was last placed: text drawn over a sixel picture
    /// (the help) takes its pixels with it, so a change there sends the picture again. With
    /// placeholders, the rows they are in: ncurses may have cleared them (to the end of a line),
    /// so a change there writes the placeholders again.
    private var cellsUnderPicture: [Cell] = []
    /// The placeholder cells last written, and for which image.
    private var writtenPlaceholders: ImagePlacer.Placeholders?
    /// Pictures are to be taken away before the next screen (a resize).
    private var removePictures = false
    /// What writing pictures has cost: bytes and seconds.
    public private(set) var link = LinkMeter()

    /// `ansiRows` false sends every row through ncurses (what `reel bench render` compares with);
    /// `synchronized` wraps each screen in DEC mode 2026.
    public init(terminal: CursesTerminal, ansiRows: Bool = true, placer: ImagePlacer? = nil, synchronized: Bool = false) {
        self.terminal = terminal
        self.placer = placer
        self.synchronized = synchronized
        mode = terminal.colorMode
        rowEncoder = ansiRows && terminal.speaksANSI && mode != .monochrome ? ANSIRowEncoder(mode: terminal.pictureColorMode) : nil
        pairs = ColorPairTable(capacity: terminal.pairCapacity) { pair, foreground, background in
            init_extended_pair(pair, foreground, background)
        }
        if placer?.mode == .kitty {
            // A crash leaves no picture behind either.
            terminal.addCrashRestore(String(decoding: placer?.deleteEveryID ?? [], as: UTF8.self))
        }
    }

    /// Forgets what is on screen, so the next grid is sent whole (after a resize), pictures too.
    public func invalidate() {
        shownWidth = 0
        shownHeight = 0
        rowEncoder?.invalidate()
        removePictures = placer?.hasPicture ?? false
        writtenPlaceholders = nil
        // The terminal may have moved or reflowed what it showed (tmux does on a resize): the
        // next refresh clears it and sends every cell, not only what ncurses thinks changed.
        clearok(reel_stdscr(), true)
    }

    /// A cell ncurses keeps where the picture rows are written beside it.
    static let placeholder = Cell(" ", attributes: .dim)

    /// Takes every picture away from the terminal (before it is given back).
    public func finish() {
        guard let placer else { return }
        let bytes = placer.removeAll()
        if !bytes.isEmpty { try? terminal.write(bytes) }
    }

    /// Shows `grid`; rows `pictureRows` are written as ANSI text where the terminal allows, and
    /// `picture` as an image over its cells when there is a placer.
    public func present(_ grid: CellGrid, pictureRows: Range<Int> = 0..<0, picture: PlacedPicture? = nil) throws(TerminalError) {
        if synchronized { try terminal.write(Self.beginSynchronized) }
        var before: [UInt8] = []
        if let placer {
            if removePictures {
                before = placer.removeAll()
                removePictures = false
            }
            // A sixel or iTerm2 picture taken away stays in the cells until they are sent again.
            if picture == nil && placer.hasPicture && placer.mode != .kitty {
                before += placer.removeAll()
                invalidate()
            }
            if !before.isEmpty { try terminal.write(before) }
        }
        try presentText(grid, pictureRows: pictureRows)
        // A kitty picture is drawn over the text: while text is in the viewer (the help), it
        // is taken away, and placed again once the viewer is clear.
        if let placer, let picture, placer.mode == .kitty, !placer.usesPlaceholders,
           Self.cells(of: grid, in: picture.area).contains(where: { $0 != .underPicture }) {
            let bytes = placer.removeAll()
            if !bytes.isEmpty { try terminal.write(bytes) }
            if synchronized { try terminal.write(Self.endSynchronized) }
            return
        }
        if let placer, let picture {
            if placer.mode != .kitty {
                let under = Self.cells(of: grid, in: picture.area)
                if under != cellsUnderPicture { placer.invalidate() }
                cellsUnderPicture = under
            }
            // The link still drains the last picture: this frame is skipped, the next one tried.
            var bytes: [UInt8] = []
            if placer.hasPicture && !placer.isShowing(picture.identity) && link.isBusy(at: MonotonicClock.now()) {
                link.skipped += 1
            } else {
                bytes = placer.place(picture.image, identity: picture.identity, offset: picture.offset, cell: picture.cell)
            }
            if let marks = placer.placeholders {
                let under = Self.cells(of: grid, in: Rect(x: 0, y: marks.box.y, width: grid.width, height: marks.box.height))
                if !bytes.isEmpty || marks != writtenPlaceholders || under != cellsUnderPicture {
                    bytes += Self.placeholderText(marks, over: grid)
                    writtenPlaceholders = marks
                }
                cellsUnderPicture = under
            }
            if !bytes.isEmpty {
                let cursor = terminal.cursor
                bytes.append(contentsOf: ImagePlacer.moveTo(column: cursor.x, row: cursor.y))
                let start = MonotonicClock.now()
                try terminal.write(bytes)
                link.record(bytes: bytes.count, seconds: MonotonicClock.now() - start, at: start)
            }
        }
        if synchronized { try terminal.write(Self.endSynchronized) }
    }

    /// The placeholder cells of `marks` over the cells of `grid` left to the picture (text over
    /// it, the help, stays), in runs, each run starting with its row and column, and the
    /// foreground back to the default.
    public static func placeholderText(_ marks: ImagePlacer.Placeholders, over grid: CellGrid) -> [UInt8] {
        var out = KittyPlaceholders.foreground(id: marks.id)
        let box = marks.box
        for y in max(0, box.y)..<min(grid.height, box.y + box.height) {
            var x = max(0, box.x)
            let end = min(grid.width, box.x + box.width)
            while x < end {
                guard grid[x, y] == .underPicture else {
                    x += 1
                    continue
                }
                var runEnd = x + 1
                while runEnd < end, grid[runEnd, y] == .underPicture { runEnd += 1 }
                out += ImagePlacer.moveTo(column: x, row: y)
                KittyPlaceholders.appendRun(id: marks.id, row: y - box.y, column: x - box.x, count: runEnd - x, to: &out)
                x = runEnd
            }
        }
        out += Array("\u{1B}[39m".utf8)
        return out
    }

    static let beginSynchronized = Array("\u{1B}[?2026h".utf8)
    static let endSynchronized = Array("\u{1B}[?2026l".utf8)

    private static func cells(of grid: CellGrid, in rect: Rect) -> [Cell] {
        var cells: [Cell] = []
        for y in max(0, rect.y)..<min(grid.height, rect.y + rect.height) {
            for x in max(0, rect.x)..<min(grid.width, rect.x + rect.width) { cells.append(grid[x, y]) }
        }
        return cells
    }

    /// The text of `grid`: ncurses for most rows, the ANSI row encoder for `pictureRows`.
    private func presentText(_ grid: CellGrid, pictureRows: Range<Int>) throws(TerminalError) {
        let ansiRows = rowEncoder == nil ? 0..<0 : pictureRows.clamped(to: 0..<grid.height)
        if grid.width != shownWidth || grid.height != shownHeight {
            werase(reel_stdscr())
            shown = [Cell](repeating: Cell("\u{0}"), count: grid.width * grid.height)
            shownPairs = [Int32](repeating: 0, count: grid.width * grid.height)
            shownWidth = grid.width
            shownHeight = grid.height
        }
        pairs.beginFrame()
        // Pairs of cells that stay on screen are claimed first, so none is redefined below.
        for i in 0..<grid.cells.count where Self.looksSame(ansiRows.contains(i / grid.width) ? Self.placeholder : grid.cells[i], shown[i]) {
            pairs.touch(shownPairs[i])
        }
        for y in 0..<grid.height {
            let picture = ansiRows.contains(y)
            for x in 0..<grid.width {
                let i = y * grid.width + x
                let cell = picture ? Self.placeholder : grid.cells[i]
                guard !Self.looksSame(cell, shown[i]) else { continue }
                var character = cell.character
                var foreground = mode.colorNumber(cell.foreground)
                let background = mode.colorNumber(cell.background)
                if mode == .monochrome, cell.foreground.rgb != nil || cell.background.rgb != nil {
                    character = Self.brightnessCharacter(cell)
                    foreground = -1
                }
                let pair = pairs.pair(foreground: foreground, background: background)
                reel_put_cell(Int32(y), Int32(x), wchar_t(character.value), attributes(cell.attributes), pair)
                shown[i] = cell
                shownPairs[i] = pair
            }
        }
        wrefresh(reel_stdscr())
        guard rowEncoder != nil, !ansiRows.isEmpty, var bytes = rowEncoder?.encode(grid, rows: ansiRows), !bytes.isEmpty else { return }
        // The cursor back where ncurses left it: its next update moves relative to that.
        let cursor = terminal.cursor
        bytes.append(contentsOf: ImagePlacer.moveTo(column: cursor.x, row: cursor.y))
        try terminal.write(bytes)
    }

    /// How far (per channel, 0…255) a colour may move before its cell is sent again. Noisy or
    /// slowly changing footage then costs bytes only where the change can be seen; what is on
    /// screen is never more than this far from the frame, because cells are compared with what
    /// was last sent, not with the previous frame.
    static let tolerance: Int32 = 6

    /// Whether `cell` would look like `shown`: the same character and attributes, and colours
    /// within `tolerance` of each other (the default colour only matches itself).
    static func looksSame(_ cell: Cell, _ shown: Cell) -> Bool {
        if cell == shown { return true }
        guard cell.character == shown.character, cell.attributes == shown.attributes else { return false }
        return close(cell.foreground, shown.foreground) && close(cell.background, shown.background)
    }

    private static func close(_ a: CellColor, _ b: CellColor) -> Bool {
        if a == b { return true }
        guard !a.isDefault, !b.isDefault else { return false }
        let x = Int32(bitPattern: a.raw), y = Int32(bitPattern: b.raw)
        return abs((x >> 16 & 0xFF) - (y >> 16 & 0xFF)) <= tolerance && abs((x >> 8 & 0xFF) - (y >> 8 & 0xFF)) <= tolerance
            && abs((x & 0xFF) - (y & 0xFF)) <= tolerance
    }

    private func attributes(_ attributes: Cell.Attributes) -> attr_t {
        var result = reel_a_normal()
        if attributes.contains(.bold) { result |= reel_a_bold() }
        if attributes.contains(.dim) { result |= reel_a_dim() }
        if attributes.contains(.reverse) { result |= reel_a_reverse() }
        if attributes.contains(.underline) { result |= reel_a_underline() }
        return result
    }

    /// A character whose ink matches the cell's mean brightness, for terminals with no colour.
    static func brightnessCharacter(_ cell: Cell) -> Unicode.Scalar {
        let ramp = Array(" .:-=+*#%@".unicodeScalars)
        let colours = [cell.foreground.rgb, cell.background.rgb].compactMap { $0 }
        let luma = colours.reduce(0.0) { $0 + 0.2126 * Double($1.r) + 0.7152 * Double($1.g) + 0.0722 * Double($1.b) }
            / Double(max(1, colours.count))
        return ramp[min(ramp.count - 1, Int(luma / 256 * Double(ramp.count)))]
    }
}
