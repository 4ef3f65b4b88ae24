/// What the viewer has for one frame: a picture, a gap in the sequence, or a failure with its reason.
public enum FrameContent: Equatable, Sendable {
    case image(RGBImage)
    /// The frame is inside the sequence's range but has no file.
    case missing
    /// The file is there but could not be decoded; the reason is one line for the user.
    case failed(String)
}

extension FrameContent {
    /// Bytes this content holds: the pixels of a picture, the text of a failure.
    public var byteCount: Int {
        switch self {
        case .image(let image): return image.byteCount
        case .missing: return 0
        case .failed(let reason): return reason.utf8.count
        }
    }
}
