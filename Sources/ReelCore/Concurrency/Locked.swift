#if canImport(Glibc)
import Glibc
#endif

/// A value guarded by a `pthread_mutex_t`: every access goes through `withLock`.
///
/// Thread-safe. Reel uses this rather than the standard library's `Mutex` because on Linux
/// that one is built on futexes and atomics that ThreadSanitizer cannot see, so every access it
/// guards would be reported as a race; pthread mutexes are what the sanitizer understands.
/// The mutex is the one C object this wraps (`pthread_mutex_init`/`lock`/`unlock`/`destroy`).
final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the mutex.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
