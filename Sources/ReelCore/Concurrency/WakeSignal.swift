import Dispatch

/// Lets a decode worker wake a thread that waits for frames (`DispatchSemaphore`).
///
/// Thread-safe. Signals add up, so a wake that comes before the wait is not lost; a waiter may
/// wake more often than needed and look again.
public final class WakeSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    public init() {}

    public func signal() { semaphore.signal() }

    /// Waits up to `seconds`; false when nothing came.
    public func wait(seconds: Double) -> Bool {
        semaphore.wait(timeout: .now() + max(0, seconds)) == .success
    }
}
