/// The frame source of a file with no pictures (audio on its own): every frame is absent, so
/// the pool never decodes anything and the session's clock still runs over the file's length.
public struct NoPictureSource: FrameSource {
    public let id: SourceID

    public init(id: SourceID = .next()) { self.id = id }

    public func hasFile(_ frame: Int) -> Bool { false }

    public func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch) -> FrameContent { .missing }
}
