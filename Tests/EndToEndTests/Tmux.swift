import Foundation

/// One tmux server of its own (its own socket), with one window of a fixed size running a plain
/// shell: the terminal a person would use, driven by send-keys and read by capture-pane. It is
/// ready when made: the shell's prompt is on screen.
final class Tmux {
    let socket = "reel-e2e-" + UUID().uuidString.prefix(8)
    let width: Int
    let height: Int

    init(width: Int, height: Int, term: String = "tmux-256color") async throws {
        self.width = width
        self.height = height
        // A known prompt and a known terminal type, whatever the host's shell start-up says.
        try await tmux(["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", String(width), "-y", String(height),
                  "-c", Shell.packageRoot,
                  "env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "TERM=" + term,
                  "LANG=C.UTF-8", "PS1=e2e$ ", "bash", "--norc", "--noprofile"])
        try await waitFor { $0.contains("e2e$") }
    }

    deinit {
        _ = try? Shell.runBlocking(["tmux", "-L", socket, "kill-server"])
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        let result = try await Shell.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw TmuxError.failed(arguments.joined(separator: " "), result.stderr)
        }
        return result.stdout
    }

    /// Types `text` and presses Enter.
    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", "e2e", "-l", text])
        try await tmux(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Presses keys by tmux's names (Space, q, C-c, Left).
    func press(_ keys: String...) async throws {
        try await press(keys)
    }

    /// Presses `keys` in order, in one send-keys.
    func press(_ keys: [String]) async throws {
        try await tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// The screen as text (`escapes`: with the colour escape sequences too).
    func screen(escapes: Bool = false) async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", "e2e"] + (escapes ? ["-e"] : []))
    }

    /// Presses q and waits until the shell's screen is back (no half blocks left).
    func quitAndWaitForShell() async throws {
        try await press("q")
        try await waitFor { $0.contains("e2e$ ") && !$0.contains("▀") }
    }

    /// The program in the pane's foreground now.
    func foregroundCommand() async throws -> String {
        try await tmux(["display-message", "-p", "-t", "e2e", "#{pane_current_command}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits up to `seconds` for `command` to be the pane's foreground program: reel gives the
    /// screen back first and lets its decode threads finish after.
    func waitForForeground(_ command: String, seconds: Double = 10) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await foregroundCommand() == command { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await foregroundCommand() == command
    }

    /// Polls the screen until `condition` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func waitFor(seconds: Double = 15, escapes: Bool = false, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try await screen(escapes: escapes)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        // Left where a person can read it: long screens do not always reach the test log whole.
        try? last.write(toFile: NSTemporaryDirectory() + "reel-e2e-timeout.txt", atomically: true, encoding: .utf8)
        throw TmuxError.timedOut(last)
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed(String, String)
    case timedOut(String)

    var description: String {
        switch self {
        case .failed(let command, let stderr): return "tmux \(command) failed: \(stderr)"
        case .timedOut(let screen): return "timed out; the screen was:\n\(screen)"
        }
    }
}

/// The frame number the title bar shows ("frame 17"), if any.
func titleFrame(_ screen: String) -> Int? {
    guard let title = screen.split(separator: "\n").first,
          let range = title.range(of: "frame ") else { return nil }
    return Int(title[range.upperBound...].prefix { $0.isNumber })
}
