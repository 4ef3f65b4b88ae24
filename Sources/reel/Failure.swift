import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Prints one line to standard error, prefixed with the program's name, as Unix tools do.
func printError(_ message: String) {
    var line = "reel: " + message + "\n"
    line.withUTF8 { bytes in
        _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
    }
}

/// Reports `message` on standard error and ends the command with exit status 1 (no usage text,
/// no backtrace).
func fail(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode.failure
}
