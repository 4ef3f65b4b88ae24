#if canImport(Glibc)
import Glibc
#endif

/// Seconds from `clock_gettime(CLOCK_MONOTONIC)`: never jumps with the wall clock; and the
/// calling thread's CPU seconds (`CLOCK_THREAD_CPUTIME_ID`), which benchmarks report.
///
/// Stateless; safe from any thread.
public enum MonotonicClock {
    /// Seconds since an arbitrary fixed point (boot).
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// CPU seconds the calling thread has used.
    public static func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
