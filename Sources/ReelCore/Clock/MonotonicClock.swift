#if canImport(Glibc)
import Glibc
#endif

/// Seconds from `clock_gettime(CLOCK_MONOTONIC)`: never jumps with the wall clock.
///
/// Stateless; safe from any thread.
public enum MonotonicClock {
    /// Seconds since an arbitrary fixed point (boot).
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
