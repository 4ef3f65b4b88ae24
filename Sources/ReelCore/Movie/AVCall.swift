import CAVUtil

/// FFmpeg's return codes as Reel's errors: every libav* call that can fail goes through
/// `check`, which turns a negative code into `MediaError.badMovie` with FFmpeg's own words
/// (`av_strerror`). Also keeps FFmpeg's log off the terminal. Stateless; safe from any thread.
enum AVCall {
    /// Throws when `code` is negative, naming what was being done.
    static func check(_ code: Int32, path: String, _ doing: String) throws(MediaError) {
        guard code < 0 else { return }
        throw .badMovie(path: path, reason: "\(doing): \(message(code))")
    }

    /// FFmpeg's message for `code`.
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        if av_strerror(code, &buffer, buffer.count) < 0 { return "error \(code)" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static let eagain = reel_averror_eagain()
    static let eof = reel_averror_eof()
    static let noTimestamp = reel_av_nopts_value()

    /// FFmpeg's log says nothing: a terminal program cannot have a library write over its
    /// screen; errors reach the user through `check`.
    static let quiet: Void = { av_log_set_level(reel_av_log_quiet()) }()
}
