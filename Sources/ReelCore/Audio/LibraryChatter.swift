import CLibraryQuiet

/// What C libraries print on stderr while Reel calls them (libmpg123, inside libsndfile, writes
/// "Note: Illegal Audio-MPEG-Header ..." for a broken MP3-in-WAV) is kept off the terminal and
/// kept as a reason. Wraps `reel_route_stderr` and the quiet sections of `CLibraryQuiet`: only the
/// calling thread's writes inside `quietly` are taken; everything else reaches fd 2 as before.
///
/// Thread-safe: sections are per thread.
enum LibraryChatter {
    /// Routes the C stderr stream, once per process.
    private static let routed: Void = reel_route_stderr()

    /// Runs `body` with this thread's library output kept off stderr; returns its result and the
    /// last line a library printed meanwhile, if any.
    static func quietly<T>(_ body: () -> T) -> (T, lastLine: String?) {
        _ = routed
        reel_quiet_begin()
        defer { reel_quiet_end() }
        let result = body()
        let line = String(cString: reel_quiet_last_line())
        return (result, line.isEmpty ? nil : line)
    }
}
