import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs for the end-to-end tests and finds the `reel` binary that `swift build` made.
enum Shell {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The child's peak resident set in bytes (`wait4`'s ru_maxrss).
        var peakRSS: Int = 0
    }

    /// The package's folder.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The process moves to the package folder once, so every child starts there.
    private static let enterPackageFolder: Void = { _ = chdir(packageRoot) }()

    /// `reel` beside the test bundle (same build folder), or REEL_BIN.
    static let reel: String = {
        if let path = ProcessInfo.processInfo.environment["REEL_BIN"] { return path }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        // The test runner may live inside a .xctest bundle folder or beside it.
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("reel").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot + "/.build/debug/reel"
    }()

    /// Runs `arguments[0]` as `runBlocking` does, waiting on a thread of its own: the tests'
    /// threads are Swift concurrency's few (one per core), and a test that held one while a child
    /// ran or a terminal drew would keep every other test waiting.
    @discardableResult
    static func run(_ arguments: [String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Swift.Result { try runBlocking(arguments) }) }
        }
    }

    /// Runs `arguments[0]` (looked up in PATH) with the rest, in the package folder, and waits
    /// for it with `wait4`. Not Foundation's Process: it notices an exit through a socket the
    /// child inherits, so a daemon the command starts (the tmux server) would make it wait forever.
    @discardableResult
    static func runBlocking(_ arguments: [String]) throws -> Result {
        let outPath = NSTemporaryDirectory() + "reel-e2e-out-" + UUID().uuidString
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
        // Children start in the package folder with no shell between (the tests poll tmux many
        // times a second); `swift test` from the package folder already stands there.
        _ = enterPackageFolder
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
        guard spawned == 0 else { throw ShellError.cannotRun(arguments[0], spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, written out: they are macros.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                      peakRSS: Int(usage.ru_maxrss) * 1024)
    }
}

enum ShellError: Error {
    case cannotRun(String, Int32)
}
