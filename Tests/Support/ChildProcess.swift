import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program for the tests and waits for it with `wait4`, its output in files: one way
/// for every test target to start children.
///
/// Not Foundation's `Process`, whose pipes and exit socket are inherited by any child started
/// meanwhile: a tmux server another test starts at that moment outlives the command and holds
/// them open, so a read to the end of its output (or its exit) never comes. Here the child's
/// standard output and error are files it opens itself, and nothing of the parent's stays open
/// in it. Safe from any thread.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// The child's peak resident set in bytes (`wait4`'s ru_maxrss).
        public var peakRSS: Int
    }

    public enum Failure: Error {
        case cannotRun(String, Int32)
    }

    /// Runs `arguments[0]` (looked up in PATH) with the rest, in the current folder, with no
    /// standard input, and waits for it.
    public static func run(_ arguments: [String]) throws(Failure) -> Result {
        let outPath = NSTemporaryDirectory() + "reel-child-out-" + UUID().uuidString
        let errPath = outPath.replacingOccurrences(of: "-out-", with: "-err-")
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        // The test runner's threads block signals; a child would inherit that mask (and pass it
        // on to the tmux server and to reel), so it starts with none blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else { throw .cannotRun(arguments[0], spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, written out: they are macros.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus,
                      stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
                      stderr: FileManager.default.contents(atPath: errPath) ?? Data(),
                      peakRSS: Int(usage.ru_maxrss) * 1024)
    }
}
