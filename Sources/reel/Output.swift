#if canImport(Glibc)
import Glibc
#endif
import ReelCore

/// Writes `line` and a newline to standard output at once (`write(2)`): soak and bench lines
/// reach a pipe as they happen, not when a buffer fills. Controls in it (from a file name) are
/// escaped, so the line stays one line and cannot drive the terminal.
func printLine(_ line: String) {
    writeAll(STDOUT_FILENO, SafeText.escaped(line) + "\n")
}

/// Writes `text` to standard output as it is (it brings its own newlines and escapes: callers
/// make it safe, as `ANSIText` does).
func printText(_ text: String) {
    writeAll(STDOUT_FILENO, text)
}

/// Writes `bytes` to standard output as they are: an image protocol's commands.
func printBytes(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll(STDOUT_FILENO, $0) }
}

/// Prints one line to standard error, prefixed with the program's name, as Unix tools do; controls
/// in it (a file name's, a library's message) are escaped, so it is always one line.
func printError(_ message: String) {
    writeAll(STDERR_FILENO, "reel: " + SafeText.escaped(message) + "\n")
}

private func writeAll(_ fd: Int32, _ text: String) {
    var text = text
    text.withUTF8 { writeAll(fd, $0) }
}

private func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
        let wrote = write(fd, base + done, bytes.count - done)
        if wrote < 0 && errno == EINTR { continue }
        guard wrote > 0 else { return }
        done += wrote
    }
}

/// `value` rounded to 2, 3 or 4 decimals, as the bench commands print figures.
func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
