/// Why what the user named could not be opened: one line for them, the cause kept.
public enum OpenError: Error, Equatable, CustomStringConvertible {
    /// No sequence at the path (nothing matches, no frames, a folder of no media).
    case noPicture(path: String, reason: MediaError)
    /// The sound could not be read for its analysis.
    case unreadableSound(path: String, reason: MediaError)
    /// The sound could not be played.
    case unplayableSound(path: String, reason: SoundError)

    public var description: String {
        switch self {
        case .noPicture(_, let reason): return reason.description
        case .unreadableSound(_, let reason): return reason.description
        case .unplayableSound(_, let reason): return reason.description
        }
    }
}
