import ReelCore
#if canImport(Glibc)
import Glibc
#endif

/// Asks the terminal what it can do, once, before ncurses starts: writes the query burst of
/// `TerminalReplies` and reads the replies until DA1 has answered or `timeout` has passed.
///
/// The line is put in raw mode (no echo, no line buffering) only while it waits, and given back
/// as it was. Main thread only, before `CursesTerminal` takes the terminal.
public enum TerminalProbe {
    /// Longest wait for the replies; a terminal that answers nothing costs this once.
    public static let timeout = 0.3

    /// The replies of the terminal on `input`/`output` (nil when either is not a terminal).
    public static func ask(input: Int32, output: Int32, insideTmux: Bool, timeout: Double = timeout) -> TerminalReplies? {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        raw.c_cc.6 = 0  // VMIN
        raw.c_cc.5 = 0  // VTIME
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(input, TCSANOW, &saved) }

        // One pixel in shared memory: a kitty that can read it is on this machine. (Not through
        // tmux: its pictures go through the passthrough as text.)
        var probe: String?
        if !insideTmux {
            let name = "/reel-probe-\(getpid())"
            let pixel = [UInt8](repeating: 0, count: 3)
            if pixel.withUnsafeBytes({ (try? SharedMemory.write($0, name: name)) != nil }) { probe = name }
        }
        // kitty unlinks what it read; any other terminal leaves it.
        defer { probe.map(SharedMemory.unlink) }
        let queries = TerminalReplies.queries(passthrough: insideTmux, sharedMemory: probe)
        guard writeAll(queries, to: output) else { return nil }
        var replies = TerminalReplies()
        var received: [UInt8] = []
        let wanted = insideTmux ? 2 : 1
        let deadline = MonotonicClock.now() + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline - MonotonicClock.now()
            guard left > 0 else { break }
            var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32((left * 1000).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = read(input, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
            var parsed = TerminalReplies()
            parsed.read(received)
            replies = parsed
            if replies.deviceAttributeReplies >= wanted { break }
        }
        return replies
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// The size of the terminal on `fd` in cells, and in pixels where the pty says
    /// (TIOCGWINSZ); nil when `fd` is not a terminal.
    public static func windowSize(of fd: Int32) -> (columns: Int, rows: Int, pixels: (width: Int, height: Int)?)? {
        var size = winsize()
        guard isatty(fd) == 1, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        let pixels = size.ws_xpixel > 0 && size.ws_ypixel > 0 ? (Int(size.ws_xpixel), Int(size.ws_ypixel)) : nil
        return (Int(size.ws_col), Int(size.ws_row), pixels)
    }
}
