/// Where one frame of a sequence is, as the timeline's strip shows it.
public enum FrameState: UInt8, Equatable, Sendable {
    /// Not cached, not asked for.
    case absent
    /// Waiting in the decode queue or being decoded.
    case queued
    /// Decoded and held in the cache.
    case cached
    /// Its file is there but could not be decoded (the failure is cached with its reason).
    case failed
    /// No file for it in the sequence.
    case missing
}
