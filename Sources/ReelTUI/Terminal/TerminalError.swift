#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be used.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// ncurses could not set up the terminal named by TERM (`newterm` failed).
    case cannotStart(term: String)
    /// The terminal cannot address the cursor (no `cup` in its terminfo: TERM=dumb).
    case noCursorAddressing(term: String)
    /// The pipe that wakes the run loop could not be made (`pipe2` failed).
    case cannotWake(errno: Int32)
    /// The terminal stopped taking output (`write` failed: it hung up, or the disk is full).
    case writeFailed(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal to play (use `reel probe` to describe media without one)"
        case .cannotStart(let term):
            return "cannot drive the terminal TERM=\(term) (no terminfo entry for it?)"
        case .noCursorAddressing(let term):
            return "the terminal TERM=\(term) cannot move the cursor, so it cannot show the player (use `reel render` or `reel probe`, or a terminal such as xterm)"
        case .cannotWake(let code):
            return "cannot make the pipe that wakes the player: \(String(cString: strerror(code)))"
        case .writeFailed(let code):
            return "cannot write to the terminal: \(String(cString: strerror(code)))"
        }
    }
}
