/// Encodes rows of a `CellGrid` as ANSI terminal bytes (cursor position, cursor forward, SGR
/// colours, UTF-8), sending only the cells that look different from what the terminal shows.
///
/// This is how the picture rows reach the terminal: ncurses spends most of a frame formatting a
/// colour string per cell (`tiparm`), while a picture changes thousands of cells a frame. Here
/// one SGR sets both colours, a colour the terminal already has is reused when it is within
/// `tolerance`, and a half block may be sent as `▄` with its colours swapped, as a space or as
/// `█`, whichever needs fewer colour changes. What the terminal shows stays within `tolerance`
/// of the grid, because cells are compared with what was sent.
///
/// Each `encode` assumes the terminal starts in its normal attributes and leaves it so (the
/// state ncurses keeps between updates); the cursor position is not assumed. A value the
/// presenter owns: a struct, so the per-cell work on its buffers needs no run-time exclusivity
/// checks (a class's stored properties cost one each access, most of a frame's time).
struct ANSIRowEncoder {
    /// What one cell of the terminal shows: a half block's two colours are kept as `▀` over
    /// its foreground (top) and background (bottom), however it was sent.
    struct Shown: Equatable {
        var scalar: UInt32
        var attributes: UInt8
        var foreground: Int32
        var background: Int32

        static let unknown = Shown(scalar: 0, attributes: 0, foreground: -2, background: -2)
    }

    /// How far (per channel, 0…255) a true colour may be from the grid's before it is sent
    /// again, the same as for the rows ncurses draws; palette colours are matched exactly.
    static var tolerance: Int32 { CursesPresenter.tolerance }

    let mode: ColorMode
    private var shown: [Shown] = []
    private var width = 0
    private var height = 0
    private var rows: Range<Int> = 0..<0
    // The terminal while a frame is encoded.
    private var out: [UInt8] = []
    private var foreground: Int32 = -1
    private var background: Int32 = -1
    private var attributes: UInt8 = 0
    private var cursorX = -1
    private var cursorY = -1
    // The last colour looked up in a palette, since neighbouring cells mostly share colours.
    private var lastColour: UInt32 = .max
    private var lastNumber: Int32 = -1

    /// `mode` must not be `.monochrome` (that needs characters by brightness, which ncurses draws).
    init(mode: ColorMode) {
        precondition(mode != .monochrome, "the ANSI rows need colours")
        self.mode = mode
    }

    /// Forgets what the terminal shows, so the next `encode` sends every cell of its rows.
    mutating func invalidate() {
        shown = []
        width = 0
        height = 0
    }

    /// The bytes that bring rows `rows` of the terminal to `grid`, and the terminal back to its
    /// normal attributes; empty when nothing there changed. The cursor is left after the last
    /// cell written: the caller puts it where its other writer expects it.
    mutating func encode(_ grid: CellGrid, rows requested: Range<Int>) -> [UInt8] {
        let rows = requested.clamped(to: 0..<grid.height)
        if grid.width != width || grid.height != height || rows != self.rows {
            shown = [Shown](repeating: .unknown, count: grid.width * grid.height)
            width = grid.width
            height = grid.height
            self.rows = rows
        }
        out.removeAll(keepingCapacity: true)
        foreground = -1
        background = -1
        attributes = 0
        cursorX = -1
        cursorY = -1
        let cells = grid.cells
        for y in rows {
            for x in 0..<width {
                let i = y * width + x
                let cell = cells[i]
                let wanted = Shown(scalar: cell.character.value, attributes: cell.attributes.rawValue,
                                   foreground: number(cell.foreground), background: number(cell.background))
                if looksSame(wanted, shown[i]) { continue }
                moveTo(x: x, y: y)
                shown[i] = write(wanted)
                // After the last column the terminal waits to wrap, and a character that may
                // be wide or combining moves the cursor by its own width: the next cell
                // needs a move.
                cursorX = x + 1 < width && Self.isOneColumn(wanted.scalar) ? x + 1 : -1
            }
        }
        if attributes != 0 || foreground != -1 || background != -1 {
            append("\u{1B}[m")
        }
        return out
    }

    // MARK: Colours

    /// The terminal colour number of `colour` (-1: default), as `ColorMode.colorNumber`.
    private mutating func number(_ colour: CellColor) -> Int32 {
        if colour.isDefault { return -1 }
        if mode == .direct { return max(8, Int32(bitPattern: colour.raw & 0xFF_FFFF)) }
        if colour.raw != lastColour {
            lastColour = colour.raw
            lastNumber = mode.colorNumber(colour)
        }
        return lastNumber
    }

    /// Whether colour numbers `a` and `b` look the same: equal, or true colours within `tolerance`.
    private func close(_ a: Int32, _ b: Int32) -> Bool {
        if a == b { return true }
        guard mode == .direct, a >= 0, b >= 0 else { return false }
        return abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) <= Self.tolerance
            && abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) <= Self.tolerance
            && abs((a & 0xFF) - (b & 0xFF)) <= Self.tolerance
    }

    private func looksSame(_ wanted: Shown, _ shown: Shown) -> Bool {
        wanted.scalar == shown.scalar && wanted.attributes == shown.attributes
            && close(wanted.foreground, shown.foreground) && close(wanted.background, shown.background)
    }

    /// A picture cell: an upper half block with two colours and no attributes.
    private static func isHalfBlock(_ cell: Shown) -> Bool {
        cell.scalar == Cell.upperHalfBlock.value && cell.attributes == 0 && cell.foreground >= 0 && cell.background >= 0
    }

    // MARK: Cells

    /// Sends `wanted` at the cursor and returns what the terminal now shows there.
    private mutating func write(_ wanted: Shown) -> Shown {
        guard Self.isHalfBlock(wanted) else { return writeSymbol(wanted) }
        let top = wanted.foreground, bottom = wanted.background
        // The colours to send for each way of drawing the cell: a colour the terminal has is
        // kept when it is close enough to the half it paints.
        // Attributes to clear reset the colours to the default too.
        let keepF = attributes == 0 ? foreground : -1, keepB = attributes == 0 ? background : -1
        var best = (cost: Int.max, scalar: UInt32(0), foreground: Int32(0), background: Int32(0), top: Int32(0), bottom: Int32(0))
        func consider(_ scalar: UInt32, _ f: Int32, _ b: Int32, top t: Int32, bottom u: Int32) {
            let cost = (f == keepF ? 0 : 16) + (b == keepB ? 0 : 16) + (scalar < 0x80 ? 1 : 3)
            if cost < best.cost { best = (cost, scalar, f, b, t, u) }
        }
        // ▀: foreground on top.
        let f1 = close(keepF, top) ? keepF : top, b1 = close(keepB, bottom) ? keepB : bottom
        consider(Cell.upperHalfBlock.value, f1, b1, top: f1, bottom: b1)
        // ▄: foreground below.
        let f2 = close(keepF, bottom) ? keepF : bottom, b2 = close(keepB, top) ? keepB : top
        consider(0x2584, f2, b2, top: b2, bottom: f2)
        // A space or a full block when one colour is close to both halves.
        if close(keepB, top) && close(keepB, bottom) {
            consider(0x20, keepF, keepB, top: keepB, bottom: keepB)
        } else if close(top, bottom) {
            consider(0x20, keepF, top, top: top, bottom: top)
        }
        if close(keepF, top) && close(keepF, bottom) {
            consider(0x2588, keepF, keepB, top: keepF, bottom: keepF)
        } else if close(top, bottom) {
            consider(0x2588, top, keepB, top: top, bottom: top)
        }
        setStyle(attributes: 0, foreground: best.foreground, background: best.background)
        appendScalar(best.scalar)
        return Shown(scalar: Cell.upperHalfBlock.value, attributes: 0, foreground: best.top, background: best.bottom)
    }

    /// Sends a cell that is not a half block: a quadrant, sextant or octant may go as its
    /// complement with the colours swapped when that keeps more of the terminal's colours, and
    /// a plain space keeps the terminal's foreground (it shows none).
    private mutating func writeSymbol(_ wanted: Shown) -> Shown {
        let same = attributes == wanted.attributes
        func kept(_ f: Int32, _ b: Int32) -> (Int32, Int32) {
            (same && close(foreground, f) ? foreground : f, same && close(background, b) ? background : b)
        }
        var scalar = wanted.scalar
        var (f, b) = kept(wanted.foreground, wanted.background)
        var swapped = false
        if wanted.attributes == 0, wanted.foreground >= 0, wanted.background >= 0, let other = CellSymbols.complements[scalar] {
            let (sf, sb) = kept(wanted.background, wanted.foreground)
            let cost = (f == foreground ? 0 : 1) + (b == background ? 0 : 1)
            if (sf == foreground ? 0 : 1) + (sb == background ? 0 : 1) < cost {
                (scalar, f, b, swapped) = (other, sf, sb, true)
            }
        }
        let blank = scalar == 0x20 && Cell.Attributes(rawValue: wanted.attributes).isDisjoint(with: [.underline, .reverse])
        if blank && same { f = foreground }
        setStyle(attributes: wanted.attributes, foreground: f, background: b)
        appendScalar(scalar)
        // What the terminal shows, as the grid's cell would say it.
        if swapped { return Shown(scalar: wanted.scalar, attributes: 0, foreground: background, background: foreground) }
        return Shown(scalar: scalar, attributes: wanted.attributes, foreground: blank ? wanted.foreground : foreground,
                     background: background)
    }

    // MARK: Bytes

    private mutating func moveTo(x: Int, y: Int) {
        if y == cursorY && x == cursorX { return }
        if y == cursorY && cursorX >= 0 && x > cursorX {
            // Cursor forward (CUF) over cells that stay.
            append("\u{1B}[")
            if x - cursorX > 1 { appendDecimal(x - cursorX) }
            out.append(UInt8(ascii: "C"))
        } else {
            // Cursor position (CUP), 1-based; the column may be left out for the first.
            append("\u{1B}[")
            appendDecimal(y + 1)
            if x > 0 {
                out.append(UInt8(ascii: ";"))
                appendDecimal(x + 1)
            }
            out.append(UInt8(ascii: "H"))
        }
        cursorX = x
        cursorY = y
    }

    /// One SGR for whatever differs from the terminal's current attributes and colours.
    private mutating func setStyle(attributes wanted: UInt8, foreground f: Int32, background b: Int32) {
        let reset = wanted != attributes
        let fgChanges = reset ? f != -1 : f != foreground
        let bgChanges = reset ? b != -1 : b != background
        guard reset || fgChanges || bgChanges else { return }
        append("\u{1B}[")
        var first = true
        func separate() {
            if !first { out.append(UInt8(ascii: ";")) }
            first = false
        }
        if reset {
            separate()
            out.append(UInt8(ascii: "0"))
            let codes: [(Cell.Attributes, UInt8)] = [(.bold, 1), (.dim, 2), (.underline, 4), (.reverse, 7)]
            for (attribute, code) in codes where Cell.Attributes(rawValue: wanted).contains(attribute) {
                separate()
                appendDecimal(Int(code))
            }
        }
        if fgChanges {
            separate()
            appendColour(f, background: false)
        }
        if bgChanges {
            separate()
            appendColour(b, background: true)
        }
        out.append(UInt8(ascii: "m"))
        attributes = wanted
        foreground = f
        background = b
    }

    /// The SGR parameters that set colour number `n` (-1: default) for this mode.
    private mutating func appendColour(_ n: Int32, background: Bool) {
        guard n >= 0 else {
            append(background ? "49" : "39")
            return
        }
        switch mode {
        case .direct:
            append(background ? "48;2;" : "38;2;")
            appendDecimal(Int(n >> 16 & 0xFF))
            out.append(UInt8(ascii: ";"))
            appendDecimal(Int(n >> 8 & 0xFF))
            out.append(UInt8(ascii: ";"))
            appendDecimal(Int(n & 0xFF))
        case .palette256:
            append(background ? "48;5;" : "38;5;")
            appendDecimal(Int(n))
        case .palette16, .palette8:
            appendDecimal(Int(n < 8 ? (background ? 40 : 30) + n : (background ? 100 : 90) + n - 8))
        case .monochrome:
            break
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func appendDecimal(_ value: Int) {
        guard (0..<1000).contains(value) else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        if value >= 100 { out.append(48 + UInt8(value / 100)) }
        if value >= 10 { out.append(48 + UInt8(value / 10 % 10)) }
        out.append(48 + UInt8(value % 10))
    }

    /// Whether every terminal gives `scalar` exactly one column: ASCII, Latin-1, and the box,
    /// block and geometric shapes the panes draw with.
    static func isOneColumn(_ scalar: UInt32) -> Bool {
        scalar < 0x300 || (0x2500...0x25FF).contains(scalar) || (0x2190...0x21FF).contains(scalar)
            || (0x2000...0x206F).contains(scalar) || scalar == 0x266A
    }

    private mutating func appendScalar(_ scalar: UInt32) {
        // Control characters (a file name can hold any) would move the cursor or start an
        // escape: they are shown as "?".
        let value = scalar < 0x20 || (0x7F...0x9F).contains(scalar) ? UInt32(UInt8(ascii: "?")) : scalar
        UTF8.encode(Unicode.Scalar(value) ?? "?") { out.append($0) }
    }
}
