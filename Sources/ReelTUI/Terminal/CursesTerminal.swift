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
    /// The colours ncurses draws text with.
    public let colorMode: ColorMode
    /// The colours of the picture rows: true colour whenever the terminal takes it (terminfo's
    /// RGB flag or COLORTERM) and speaks ANSI, even where terminfo's colour numbers stop at 256.
    public let pictureColorMode: ColorMode
    /// Colour pairs the terminal offers (pair 0 excluded).
    let pairCapacity: Int
    /// Whether the terminal takes ANSI cursor addressing (terminfo's cup is `ESC [ row ; col H`),
    /// so the picture rows can be written as ANSI text beside ncurses (`write(_:)`).
    let speaksANSI: Bool
    private var screen: OpaquePointer?
    /// Where ncurses writes; nil for stdout.
    private let output: UnsafeMutablePointer<FILE>?
    private var interactive = false
    /// Focus reports are on (`reportFocus`), to be turned off on `stop`.
    private var reportsFocus = false
    /// What a crash writes to the terminal before the process dies.
    private var crashRestore = ""
    /// Keys ncurses numbers as it reads terminfo (Alt-arrows), by their codes.
    private var extendedKeys: [Int32: Key] = [:]

    /// Takes over the terminal: a UTF-8 locale, the alternate screen, no echo, keys unbuffered,
    /// the cursor hidden, colours if any, mouse reports (SGR), and a handler that puts the
    /// terminal back if the process crashes. `trueColor`: the terminal said it takes 24-bit
    /// colour (XTGETTCAP RGB), whatever terminfo and COLORTERM say.
    public convenience init(trueColor: Bool = false) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        reel_save_terminal_modes()
        try self.init(term: nil, output: nil, input: nil, trueColor: trueColor)
        // Button-event tracking (1002: presses, drags, releases) reported as SGR (1006), which
        // has no 223-column limit. ncurses' own reading of kmous is off: Reel parses the reports.
        reel_disable_curses_mouse_key()
        reel_write_control(Self.mouseOn)
        crashRestore = Self.mouseOff + String(cString: reel_terminfo_string("sgr0"))
            + String(cString: reel_terminfo_string("cnorm")) + String(cString: reel_terminfo_string("rmcup"))
        reel_set_crash_restore(crashRestore)
        SignalTrap.install()
        interactive = true
    }

    /// A session on `output` for terminal type `term` (nil: TERM), with no signal handling or
    /// mouse: what `reel bench render` measures the presenter's bytes with.
    public init(term: String?, output: UnsafeMutablePointer<FILE>?, input: UnsafeMutablePointer<FILE>?,
                trueColor: Bool = false) throws(TerminalError) {
        setlocale(LC_ALL, "")
        // Half blocks need UTF-8. A locale that is not (LANG unset on a fresh machine) gets C.UTF-8,
        // as tmux does; nearly every terminal today speaks UTF-8.
        if reel_locale_is_utf8() == 0 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        let made: OpaquePointer?
        if let output, let input {
            made = newterm(term, output, input)
        } else {
            made = reel_newterm()
        }
        guard let screen = made else {
            throw .cannotStart(term: term ?? getenv("TERM").map { String(cString: $0) } ?? "(unset)")
        }
        set_term(screen)
        // A terminal that cannot move the cursor (TERM=dumb, an emacs shell buffer) would get
        // the whole screen as a stream of text: refuse it before anything is sent.
        guard !String(cString: reel_terminfo_string("cup")).isEmpty else {
            // newterm has already changed the line discipline: give the shell's modes back.
            reset_shell_mode()
            delscreen(screen)
            throw .noCursorAddressing(term: term ?? getenv("TERM").map { String(cString: $0) } ?? "(unset)")
        }
        self.screen = screen
        self.output = output
        cbreak()
        noecho()
        nonl()
        intrflush(reel_stdscr(), false)
        keypad(reel_stdscr(), true)
        set_escdelay(25)
        // An update is never cut short for typeahead: the picture rows written after it rely on
        // ncurses having finished, with the cursor where it says.
        typeahead(-1)
        curs_set(0)
        var mode = ColorMode.monochrome
        var pairs = 0
        let trueColour = trueColor || reel_has_direct_color() != 0 || ColorMode.environmentSaysTrueColor
        if has_colors() {
            start_color()
            use_default_colors()
            mode = ColorMode.detect(hasDirectColor: trueColour, colors: Int(reel_colors()))
            pairs = max(0, Int(reel_color_pairs()) - 1)
        }
        colorMode = mode
        pairCapacity = pairs
        speaksANSI = String(cString: reel_terminfo_string("cup")).hasPrefix("\u{1B}[%i%p1%d;%p2%dH")
        pictureColorMode = speaksANSI && trueColour && mode != .monochrome ? .direct : mode
        for (name, key) in [("kLFT3", Key.altLeft), ("kRIT3", .altRight), ("kUP3", .altUp), ("kDN3", .altDown)] {
            let code = reel_key_code(name)
            if code > 0 { extendedKeys[code] = key }
        }
    }

    /// Asks the terminal to report focus coming and going (DEC mode 1004), until `stop`: inside
    /// tmux, a pane shown again after another window was, whose pictures tmux did not pass on.
    public func reportFocus() {
        guard interactive, !reportsFocus else { return }
        reportsFocus = true
        reel_write_control(Self.focusOn)
        crashRestore = Self.focusOff + crashRestore
        reel_set_crash_restore(crashRestore)
    }

    static let focusOn = "\u{1B}[?1004h"
    static let focusOff = "\u{1B}[?1004l"

    static let mouseOn = "\u{1B}[?1002h\u{1B}[?1006h"
    static let mouseOff = "\u{1B}[?1006l\u{1B}[?1002l"

    deinit { stop() }

    /// Columns and rows now.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(reel_stdscr())), Int(getmaxy(reel_stdscr())))
    }

    /// Tells ncurses the screen is `width` × `height` (`resizeterm`), for output that is not a
    /// terminal which could say so itself.
    public func resize(width: Int, height: Int) {
        resizeterm(Int32(height), Int32(width))
    }

    /// Sends `bytes` to the terminal after ncurses' own output (`reel_write_bytes`: fflush, write).
    func write(_ bytes: [UInt8]) throws(TerminalError) {
        let result = bytes.withUnsafeBufferPointer { reel_write_bytes(output, $0.baseAddress, $0.count) }
        if result != 0 { throw .writeFailed(errno: errno) }
    }

    /// `bytes` are written too if the process crashes, before the rest of the restore (kitty's
    /// pictures deleted before the screen they are on is left).
    func addCrashRestore(_ bytes: String) {
        guard interactive else { return }
        crashRestore = bytes + crashRestore
        reel_set_crash_restore(crashRestore)
    }

    /// Where ncurses has left the cursor after an update (row, column).
    var cursor: (y: Int, x: Int) {
        (Int(getcury(reel_stdscr())), Int(getcurx(reel_stdscr())))
    }

    /// The next key, waiting at most `milliseconds` for one, or less when `wake` is signalled or
    /// a signal arrives (nil then, and when no key came).
    public func readKey(timeoutMilliseconds milliseconds: Int, wake: WakePipe) -> Key? {
        // Keys ncurses has already read (the rest of an escape sequence) come first.
        wtimeout(reel_stdscr(), 0)
        let pending = wgetch(reel_stdscr())
        if pending != ERR { return pending == 27 ? escapeSequence() : key(pending) }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(max(0, min(milliseconds, 60_000))))
        if ready > 0 && fds[1].revents != 0 { wake.drain() }
        // Interrupted by SIGWINCH: ncurses now has KEY_RESIZE for us.
        guard ready < 0 || fds[0].revents != 0 else { return nil }
        let code = wgetch(reel_stdscr())
        guard code != ERR else { return nil }
        return code == 27 ? escapeSequence() : key(code)
    }

    private func key(_ code: Int32) -> Key {
        extendedKeys[code] ?? Key(curses: code)
    }

    /// After ESC: a mouse report, else Escape (`Key.afterEscape` on ncurses' queue). ncurses has
    /// matched every key sequence it knows, so what is left here is ours; the rest of a report
    /// may still be on its way (ESC can come alone when the loop polls between writes), so it
    /// waits briefly.
    private func escapeSequence() -> Key {
        wtimeout(reel_stdscr(), 50)
        return Key.afterEscape(next: { wgetch(reel_stdscr()) }, unget: { _ = ungetch($0) })
    }

    /// Leaves curses mode: the terminal's modes, screen and cursor as they were before `init`.
    public func stop() {
        guard let screen else { return }
        if interactive {
            reel_write_control(Self.mouseOff)
            if reportsFocus { reel_write_control(Self.focusOff) }
            reel_set_crash_restore(nil)
        }
        endwin()
        delscreen(screen)
        self.screen = nil
        if interactive { SignalTrap.uninstall() }
    }
}
