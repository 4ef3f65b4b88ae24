#if canImport(Glibc)
import Glibc
#endif

/// Runs code with file descriptor 2 pointed at /dev/null (`dup`, `dup2`): PortAudio's JACK and
/// ALSA back ends print to stderr while they probe for devices, which would land on the player's
/// screen. Not thread-safe with other writers of stderr (they are silenced too, briefly).
enum QuietStderr {
    static func run<Result>(_ body: () throws -> Result) rethrows -> Result {
        let saved = dup(2)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        if saved >= 0 && null >= 0 { dup2(null, 2) }
        if null >= 0 { close(null) }
        defer {
            if saved >= 0 {
                dup2(saved, 2)
                close(saved)
            }
        }
        return try body()
    }
}
