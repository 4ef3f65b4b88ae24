import Synchronization

/// The one count of bytes held by the movie decoders' frame pools: every decoder's frame
/// buffers go through `DecoderBuffers`, which adds here the most its decoder has held at once
/// (what FFmpeg's pool keeps allocated) and takes it off when the decoder is freed.
///
/// Thread-safe (an atomic). The gauge, `reel soak --switch` and the stats file read `bytes`.
public enum DecoderMemory {
    private static let counter = Atomic<Int>(0)

    /// Bytes held by open decoders' frame pools now.
    public static var bytes: Int { counter.load(ordering: .relaxed) }

    static func add(_ count: Int) {
        counter.add(count, ordering: .relaxed)
    }
}
