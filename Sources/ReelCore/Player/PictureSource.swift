/// The picture of what the user named, found and measured: the sequence, and its frame size
/// when a frame's header can be read. A value.
public struct PictureSource: Sendable {
    public let sequence: ImageSequence
    /// The frame size; nil when no frame's header can be read (the sequence still plays: the
    /// viewer says why each frame cannot be shown).
    public let imageSize: FrameSize?
    /// Why no frame's header could be read (the first frame's reason), when none could.
    public let sizeError: MediaError?

    /// Finds the sequence at `path` (a folder, a frame, a pattern) and reads its frame size.
    public init(path: String) throws(OpenError) {
        do {
            sequence = try SequenceScanner.find(path)
        } catch {
            throw .noPicture(path: path, reason: error)
        }
        do {
            let size = try MediaProbe.frameSize(of: sequence)
            imageSize = FrameSize(width: size.width, height: size.height)
            sizeError = nil
        } catch {
            imageSize = nil
            sizeError = error
        }
    }

    /// "no frame could be read", with the first frame's reason.
    public var unreadableMessage: String {
        "\(sequence.displayName): no frame could be read (\(sizeError?.description ?? "no frame"))"
    }
}
