import CNcurses

/// A key press or a mouse event, as the player understands it.
public enum Key: Equatable, Sendable {
    case character(Unicode.Scalar)
    case left, right, shiftLeft, shiftRight, up, down, home, end, backspace, tab, backTab, escape
    /// Alt with an arrow (terminfo's kLFT3, kRIT3, kUP3, kDN3).
    case altLeft, altRight, altUp, altDown
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize
    /// The terminal (or tmux's pane) came back into focus (`CSI I`, with focus reports on).
    case focusIn
    /// A key the player has no use for.
    case other(Int32)

    /// The key for a code from `wgetch`.
    init(curses code: Int32) {
        switch code {
        case KEY_LEFT: self = .left
        case KEY_RIGHT: self = .right
        case KEY_SLEFT: self = .shiftLeft
        case KEY_SRIGHT: self = .shiftRight
        case KEY_UP: self = .up
        case KEY_DOWN: self = .down
        case KEY_HOME: self = .home
        case KEY_END: self = .end
        case KEY_RESIZE: self = .resize
        case KEY_BTAB: self = .backTab
        case 9: self = .tab
        case 27: self = .escape
        case KEY_BACKSPACE, 127, 8: self = .backspace
        default:
            if code >= 0 && code < 0x80, let scalar = Unicode.Scalar(UInt32(code)) {
                self = .character(scalar)
            } else {
                self = .other(code)
            }
        }
    }
}

extension Key {
    /// What follows an ESC: an SGR mouse report (`[<b;x;yM`) or focus coming back (`[I`), else Escape (the codes read that
    /// are not part of a report are handed back through `unget`). `next` gives the next code
    /// or `ERR`; at most 24 codes of a report's body are read, whatever comes.
    ///
    /// A terminal's reply that comes after the start-up burst stopped listening (a slow link, a
    /// terminal behind tmux) is no key: an APC, DCS or OSC string is read to its end and any
    /// other CSI sequence (ncurses has already taken those it knows as keys) to its final byte,
    /// and both are dropped, so `ESC [ 6 ; 1 8 ; 9 t` never reaches the player as `6`, `1`, `8`.
    static func afterEscape(next: () -> Int32, unget: (Int32) -> Void) -> Key {
        let first = next()
        if [UInt8(ascii: "_"), UInt8(ascii: "P"), UInt8(ascii: "]")].map(Int32.init).contains(first) {
            skipString(next: next)
            return .other(27)
        }
        guard first == Int32(UInt8(ascii: "[")) else {
            if first != ERR { unget(first) }
            return .escape
        }
        let second = next()
        if second == Int32(UInt8(ascii: "I")) { return .focusIn }
        guard second == Int32(UInt8(ascii: "<")) else {
            guard second != ERR else { return .escape }
            skipControlSequence(from: second, next: next)
            return .other(27)
        }
        var body = ""
        for _ in 0..<24 {
            let code = next()
            guard code != ERR, code >= 0, code < 0x80, let scalar = Unicode.Scalar(UInt32(code)) else { break }
            body.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" { break }
        }
        return MouseEvent(sgr: body).map(Key.mouse) ?? .other(27)
    }

    /// Reads an APC, DCS or OSC string's body up to its terminator (ST, `ESC \`, or BEL), at
    /// most 65,536 codes.
    private static func skipString(next: () -> Int32) {
        var previous: Int32 = 0
        for _ in 0..<65_536 {
            let code = next()
            if code == ERR || code == 7 || (previous == 27 && code == Int32(UInt8(ascii: "\\"))) { return }
            previous = code
        }
    }

    /// Reads a CSI sequence from its first byte after `ESC [` to its final byte (0x40–0x7E), at
    /// most 64 codes.
    private static func skipControlSequence(from first: Int32, next: () -> Int32) {
        var code = first
        for _ in 0..<64 {
            if code == ERR || (0x40...0x7E).contains(code) { return }
            code = next()
        }
    }
}

/// A mouse button event at a cell (0-based column and row).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case press, drag, release
    }

    public var kind: Kind
    /// 0 left, 1 middle, 2 right; 64 and 65 for the wheel.
    public var button: Int
    public var x: Int
    public var y: Int

    public init(kind: Kind, button: Int, x: Int, y: Int) {
        self.kind = kind
        self.button = button
        self.x = x
        self.y = y
    }

    /// Reads the body of an SGR (mode 1006) report, what follows `ESC [ <`: `b;x;yM` for a press
    /// or drag, `b;x;ym` for a release; coordinates are 1-based. nil when it is not one.
    public init?(sgr body: String) {
        guard let final = body.last, final == "M" || final == "m" else { return nil }
        let numbers = body.dropLast().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        let code = numbers[0]
        // Bit 5 (32) marks motion with a button held; the low bits and 64 name the button.
        kind = final == "m" ? .release : (code & 32 != 0 ? .drag : .press)
        button = code & 0b11 | code & 64
        x = numbers[1] - 1
        y = numbers[2] - 1
    }
}
