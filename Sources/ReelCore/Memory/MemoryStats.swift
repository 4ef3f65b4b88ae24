/// The memory figures of one moment, as the gauge, `reel soak` and the stats file show them.
///
/// A value, built by `PlayerSession.stats()`; the keys of `fields` are the JSON keys everywhere.
public struct MemoryStats: Equatable, Sendable {
    public var cacheBytes = 0
    public var cacheBudget = 0
    public var cachedFrames = 0
    public var rssBytes = 0
    public var heapBytes = 0
    public var queued = 0
    public var running = 0
    public var epoch = 0
    public var hits = 0
    public var misses = 0
    public var evictions = 0
    public var decodes = 0
    public var dropped = 0
    /// Bytes of audio buffers (`AudioMemory`).
    public var audioBytes = 0
    /// Bytes of the movie decoders' frame pools (`DecoderMemory`).
    public var decoderBytes = 0

    public init() {}

    /// Hits over lookups, 0 before any.
    public var hitRate: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }

    /// Every figure under its JSON key, in the order they are written.
    public var fields: [(key: String, value: Int)] {
        [("rss_bytes", rssBytes), ("heap_bytes", heapBytes), ("cache_bytes", cacheBytes),
         ("cache_budget", cacheBudget), ("cached_frames", cachedFrames), ("decodes", decodes),
         ("queued", queued), ("running", running), ("epoch", epoch), ("hits", hits),
         ("misses", misses), ("evictions", evictions), ("dropped", dropped), ("audio_bytes", audioBytes),
         ("decoder_bytes", decoderBytes)]
    }
}
