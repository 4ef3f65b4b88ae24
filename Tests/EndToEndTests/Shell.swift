import Foundation
import ReelTestSupport
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
    /// for it (`ChildProcess`: its output in files, so a daemon it starts, the tmux server,
    /// cannot make it wait for ever).
    @discardableResult
    static func runBlocking(_ arguments: [String]) throws -> Result {
        // Children start in the package folder with no shell between (the tests poll tmux many
        // times a second); `swift test` from the package folder already stands there.
        _ = enterPackageFolder
        let result = try ChildProcess.run(arguments)
        return Result(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                      stderr: String(decoding: result.stderr, as: UTF8.self), peakRSS: result.peakRSS)
    }
}

