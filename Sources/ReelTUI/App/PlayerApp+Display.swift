#if canImport(Glibc)
import Glibc
#endif

extension PlayerApp {
    /// What start-up found out about the terminal, and the placer for its image protocol.
    struct FoundDisplay {
        var display: Display
        var replies: TerminalReplies?
        var placer: ImagePlacer?
    }

    /// Asks the terminal once (even when the back end is named: the cell size, synchronized
    /// output and true colour come from its replies too) and chooses the back end. A terminal
    /// that cannot move the cursor is not asked: `CursesTerminal` refuses it in one line.
    static func findDisplay(_ options: Options) -> FoundDisplay {
        let environment = GraphicsMode.environment()
        let term = environment["TERM"] ?? ""
        let replies = term.isEmpty || term == "dumb" ? nil : TerminalProbe.ask(input: STDIN_FILENO, output: STDOUT_FILENO, insideTmux: environment["TMUX"] != nil)
        let mode = options.graphics ?? replies.map { GraphicsMode.choose(replies: $0, environment: environment) } ?? .cells
        var display = Display(mode: mode, symbols: options.symbols)
        if let cell = cellPixels(replies: replies) { display.cellPixels = cell }
        var placer: ImagePlacer?
        if mode.isImage {
            // The burst asked for 256 registers; a terminal that did not say keeps its own.
            let registers = min(256, replies?.sixelRegisters ?? 256)
            placer = ImagePlacer(encoder: PictureEncoder(mode: mode, sixelColours: registers))
        }
        return FoundDisplay(display: display, replies: replies, placer: placer)
    }

    /// A cell's size in pixels: what the terminal answered (CSI 16 t, else CSI 14 t over the
    /// cells), else what the pty says (TIOCGWINSZ, which xterm fills in); nil when nothing says.
    static func cellPixels(replies: TerminalReplies?) -> (width: Int, height: Int)? {
        if let cell = replies?.cellPixels { return cell }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        if let window = replies?.windowPixels {
            return (max(1, window.width / Int(size.ws_col)), max(1, window.height / Int(size.ws_row)))
        }
        guard size.ws_xpixel > 0, size.ws_ypixel > 0 else { return nil }
        return (max(1, Int(size.ws_xpixel) / Int(size.ws_col)), max(1, Int(size.ws_ypixel) / Int(size.ws_row)))
    }
}
