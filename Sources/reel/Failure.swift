import ArgumentParser

/// Reports `message` on standard error and ends the command with exit status 1 (no usage text,
/// no backtrace).
func fail(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode.failure
}
