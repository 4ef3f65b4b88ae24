import CMalloc
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What OpenEXR's C core holds while it reads (its chunk tables, compressed and unpacked chunk
/// buffers): every allocation of every EXR context goes through `allocate` and `free`, counted
/// by `malloc_usable_size`, and one that would take the total past `cap` fails, so a damaged file
/// that claims huge chunks is refused rather than served.
///
/// Thread-safe (atomics). The core's allocator callbacks carry no context, so the count and the
/// cap are the process's: several decodes at once share one cap, the per-frame limit.
enum EXRMemory {
    private static let live = Atomic<Int>(0)
    private static let peakBytes = Atomic<Int>(0)
    private static let capBytes = Atomic<Int>(FrameLimit.floor)

    /// Bytes the library holds now, and the most it has held since `resetPeak`.
    static var bytes: Int { live.load(ordering: .relaxed) }
    static var peak: Int { peakBytes.load(ordering: .relaxed) }

    static func resetPeak() { peakBytes.store(live.load(ordering: .relaxed), ordering: .relaxed) }

    /// The most the library may hold at once.
    static var cap: Int {
        get { capBytes.load(ordering: .relaxed) }
        set { capBytes.store(newValue, ordering: .relaxed) }
    }

    static let allocate: @convention(c) (Int) -> UnsafeMutableRawPointer? = { size in
        guard live.load(ordering: .relaxed) + size <= capBytes.load(ordering: .relaxed), let pointer = malloc(size) else { return nil }
        let total = live.add(malloc_usable_size(pointer), ordering: .relaxed).newValue
        var seen = peakBytes.load(ordering: .relaxed)
        while total > seen {
            let (exchanged, original) = peakBytes.compareExchange(expected: seen, desired: total, ordering: .relaxed)
            if exchanged { break }
            seen = original
        }
        return pointer
    }

    static let free: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
        guard let pointer else { return }
        live.subtract(malloc_usable_size(pointer), ordering: .relaxed)
        Glibc.free(pointer)
    }
}
