import Synchronization

/// The one count of bytes held by audio buffers (samples, peaks, spectrogram, FFT work areas,
/// filter banks, windows, colour lookups, the sound ring): every such buffer is an `AudioBuffer`,
/// which adds its bytes here when allocated and takes them off when freed.
///
/// Thread-safe (an atomic). The gauge, `reel soak --switch` and the stats file read `bytes`.
public enum AudioMemory {
    private static let counter = Atomic<Int>(0)

    /// Bytes held by audio buffers now.
    public static var bytes: Int { counter.load(ordering: .relaxed) }

    static func add(_ count: Int) {
        counter.add(count, ordering: .relaxed)
    }
}
