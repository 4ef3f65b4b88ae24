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

extension FrameState {
    /// What one cell of the strip shows for the frames under it: a failure or a gap wins, then
    /// work in progress; cached only when every frame is; absent otherwise.
    public static func summary(failed: Bool, missing: Bool, queued: Bool, allCached: Bool) -> FrameState {
        if failed { return .failed }
        if missing { return .missing }
        if queued { return .queued }
        return allCached ? .cached : .absent
    }

    /// The summary of `states`, frame by frame.
    public static func summary<States: Collection<FrameState>>(_ states: States) -> FrameState {
        summary(failed: states.contains(.failed), missing: states.contains(.missing), queued: states.contains(.queued),
                allCached: !states.isEmpty && states.allSatisfy { $0 == .cached })
    }
}
