/// Why the terminal could not be used.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// ncurses could not set up the terminal named by TERM (`newterm` failed).
    case cannotStart(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal to play (use `reel probe` to describe media without one)"
        case .cannotStart(let term):
            return "cannot drive the terminal TERM=\(term) (no terminfo entry for it?)"
        }
    }
}
