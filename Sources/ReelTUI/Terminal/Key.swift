import CNcurses

/// A key press, as the player understands it.
public enum Key: Equatable, Sendable {
    case character(Unicode.Scalar)
    case left, right, shiftLeft, shiftRight, up, down, home, end, backspace
    /// The terminal changed size.
    case resize
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
