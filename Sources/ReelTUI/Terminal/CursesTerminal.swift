import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The process's ncurses session on the controlling terminal: set-up, size, keys and tear-down.
///
/// Every ncurses call of Reel goes through this type or `CursesPresenter`. Not thread-safe: the
/// main thread only, one instance at a time. `stop()` (also run on deinit) gives the terminal back
/// exactly as it was.
public final class CursesTerminal {
    public let colorMode: ColorMode
    /// Colour pairs the terminal offers (pair 0 excluded).
    let pairCapacity: Int
    private var screen: OpaquePointer?

    /// Takes over the terminal: a UTF-8 locale, the alternate screen, no echo, keys unbuffered,
    /// the cursor hidden, colours if any.
    public init() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        // Half blocks need UTF-8. A locale that is not (LANG unset on a fresh machine) gets C.UTF-8,
        // as tmux does; nearly every terminal today speaks UTF-8.
        if reel_locale_is_utf8() == 0 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let screen = reel_newterm() else {
            throw .cannotStart(term: getenv("TERM").map { String(cString: $0) } ?? "(unset)")
        }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        intrflush(reel_stdscr(), false)
        keypad(reel_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var mode = ColorMode.monochrome
        var pairs = 0
        if has_colors() {
            start_color()
            use_default_colors()
            mode = ColorMode.detect(hasDirectColor: reel_has_direct_color() != 0, colors: Int(reel_colors()))
            pairs = max(0, Int(reel_color_pairs()) - 1)
        }
        colorMode = mode
        pairCapacity = pairs
        SignalTrap.install()
    }

    deinit { stop() }

    /// Columns and rows now.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(reel_stdscr())), Int(getmaxy(reel_stdscr())))
    }

    /// The next key, waiting at most `milliseconds` for one, or less when `wake` is signalled or
    /// a signal arrives (nil then, and when no key came).
    public func readKey(timeoutMilliseconds milliseconds: Int, wake: WakePipe) -> Key? {
        // Keys ncurses has already read (the rest of an escape sequence) come first.
        wtimeout(reel_stdscr(), 0)
        let pending = wgetch(reel_stdscr())
        if pending != ERR { return Key(curses: pending) }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(max(0, min(milliseconds, 60_000))))
        if ready > 0 && fds[1].revents != 0 { wake.drain() }
        // Interrupted by SIGWINCH: ncurses now has KEY_RESIZE for us.
        guard ready < 0 || fds[0].revents != 0 else { return nil }
        let code = wgetch(reel_stdscr())
        return code == ERR ? nil : Key(curses: code)
    }

    /// Leaves curses mode: the terminal's modes, screen and cursor as they were before `init`.
    public func stop() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
        SignalTrap.uninstall()
    }
}
