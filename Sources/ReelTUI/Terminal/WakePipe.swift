#if canImport(Glibc)
import Glibc
#endif

/// A pipe that lets any thread wake the UI's run loop out of its wait for keys (the self-pipe
/// trick): decode workers write a byte when a frame lands, the loop polls the pipe beside stdin.
///
/// Thread-safe: `signal()` from any thread; `drain()` and `fileDescriptor` on the run loop only.
/// Both ends are non-blocking, so a full pipe drops wake-ups that are already pending anyway.
public final class WakePipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    /// A new pipe (`pipe`, then `fcntl` for non-blocking and close-on-exec ends).
    public init() throws(TerminalError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .cannotWake(errno: errno) }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    public func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while buffer.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
