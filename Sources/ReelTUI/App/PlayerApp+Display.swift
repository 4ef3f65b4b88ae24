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
    /// output and true colour come from its replies too) and chooses the back end.
    static func findDisplay(_ options: Options) -> FoundDisplay {
        let (detected, replies) = GraphicsMode.detect()
        let mode = options.graphics ?? detected
        var display = Display(mode: mode, symbols: options.symbols)
        if let cell = cellPixels(replies: replies) { display.cellPixels = cell }
        var placer: ImagePlacer?
        if mode.isImage {
            // The burst asked for 256 registers; a terminal that did not say keeps its own.
            let registers = min(256, replies?.sixelRegisters ?? 256)
            // Inside tmux kitty's commands pass through it, and its pictures are placeholders. A
            // kitty that read the probe's shared memory reads every picture from there.
            let insideTmux = GraphicsMode.environment()["TMUX"] != nil
            let medium: KittyEncoder.Medium = !insideTmux && replies?.kittySharedMemory == true
                ? .sharedMemory(prefix: "/reel-kitty-\(getpid())") : .direct
            placer = ImagePlacer(encoder: PictureEncoder(mode: mode, sixelColours: registers, kittyPassthrough: insideTmux,
                                                         kittyMedium: medium))
        }
        return FoundDisplay(display: display, replies: replies, placer: placer)
    }

    /// A cell's size in pixels: what the terminal answered (CSI 16 t, else CSI 14 t over the
    /// cells), else what the pty says (TIOCGWINSZ, which xterm fills in); nil when nothing says.
    static func cellPixels(replies: TerminalReplies?) -> (width: Int, height: Int)? {
        if let cell = replies?.cellPixels { return cell }
        guard let size = TerminalProbe.windowSize(of: STDOUT_FILENO) else { return nil }
        guard let pixels = replies?.windowPixels ?? size.pixels else { return nil }
        return (max(1, pixels.width / size.columns), max(1, pixels.height / size.rows))
    }
}
