#if canImport(Glibc)
import Glibc
#endif

/// How pictures reach the terminal: one of the image protocols, or text cells.
public enum GraphicsMode: String, Sendable, CaseIterable {
    /// The kitty graphics protocol (kitty, WezTerm, Ghostty, Konsole in part).
    case kitty
    /// DEC sixel (xterm -ti vt340, foot, mlterm, WezTerm, Konsole).
    case sixel
    /// iTerm2's inline images, OSC 1337 (iTerm2, WezTerm).
    case iterm
    /// Block symbols in coloured cells: every terminal.
    case cells

    /// Whether the picture is sent as an image in the terminal's own pixels.
    public var isImage: Bool { self != .cells }

    /// The back end for a terminal that gave `replies`, with the environment's hints for what
    /// replies cannot say (iTerm2 answers no graphics query; a terminal behind tmux answers
    /// only through its passthrough). Protocols a terminal says it has come first: kitty's
    /// query, then sixel in DA1; then the names it goes by.
    /// A terminal that answered nothing at all (not even DA1) is judged by its names alone.
    ///
    /// Inside tmux pictures are cells for now, even when the terminal behind it answered kitty's
    /// query through the passthrough: a picture sent through it lands wherever the outer
    /// terminal's cursor is and is lost on tmux's next redraw; kitty's Unicode placeholders are
    /// what would keep it in its cells. `--graphics kitty` still sends them.
    public static func choose(replies: TerminalReplies, environment: [String: String]) -> GraphicsMode {
        if environment["TMUX"] != nil { return .cells }
        if replies.kittyGraphics { return .kitty }
        let program = environment["TERM_PROGRAM"] ?? ""
        let term = environment["TERM"] ?? ""
        let version = replies.version ?? ""
        if program == "iTerm.app" || version.hasPrefix("iTerm2") { return .iterm }
        if replies.sixel { return .sixel }
        if program == "WezTerm" || version.hasPrefix("WezTerm") { return .iterm }
        guard replies.deviceAttributeReplies == 0 else { return .cells }
        if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" { return .kitty }
        if term.hasPrefix("foot") || term.hasPrefix("mlterm") { return .sixel }
        return .cells
    }

    /// The environment variables detection reads, from this process's environment.
    public static func environment() -> [String: String] {
        var values: [String: String] = [:]
        for name in ["TERM", "TERM_PROGRAM", "TMUX", "KITTY_WINDOW_ID", "COLORTERM", "SSH_CONNECTION"] {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }

    /// Asks the terminal on stdin and stdout (`TerminalProbe`) and chooses; cells when it is not
    /// one, or cannot move the cursor (TERM unset or dumb: it is not asked, and `CursesTerminal`
    /// refuses it in one line).
    public static func detect() -> (mode: GraphicsMode, replies: TerminalReplies?) {
        let environment = environment()
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb",
              let replies = TerminalProbe.ask(input: STDIN_FILENO, output: STDOUT_FILENO, insideTmux: environment["TMUX"] != nil)
        else { return (.cells, nil) }
        return (choose(replies: replies, environment: environment), replies)
    }
}
