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
    /// Inside tmux a picture is kitty's only where the terminal behind it answered kitty's query
    /// through the passthrough and has kitty's Unicode placeholders (its XTVERSION, asked through
    /// the passthrough too, says which): the picture then lives in placeholder text that tmux
    /// redraws itself. A picture placed at the cursor through the passthrough would land wherever
    /// the outer terminal's cursor is and be lost on tmux's next redraw (and tmux 3.3, Debian's,
    /// keeps no sixel). Otherwise cells.
    public static func choose(replies: TerminalReplies, environment: [String: String]) -> GraphicsMode {
        if environment["TMUX"] != nil {
            return replies.kittyGraphics && hasUnicodePlaceholders(version: replies.version) ? .kitty : .cells
        }
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

    /// Whether the terminal that gave XTVERSION `version` draws kitty's Unicode placeholders:
    /// kitty from 0.28.0, Ghostty.
    public static func hasUnicodePlaceholders(version: String?) -> Bool {
        guard let version else { return false }
        if version.lowercased().hasPrefix("ghostty") { return true }
        guard version.hasPrefix("kitty("), let close = version.firstIndex(of: ")") else { return false }
        let numbers = version[version.index(version.startIndex, offsetBy: 6)..<close].split(separator: ".").map { Int($0) ?? 0 }
        guard numbers.count >= 2 else { return false }
        return numbers[0] > 0 || numbers[1] >= 28
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
