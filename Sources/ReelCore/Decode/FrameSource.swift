/// Something the decode pool can turn into frames: one open sequence.
///
/// Implementations are immutable and safe from any thread: several workers decode different
/// frames of one source at once, each with its own scratch buffers.
public protocol FrameSource: Sendable {
    var id: SourceID { get }
    /// Whether `frame` has a file; gaps are shown as missing and never decoded.
    func hasFile(_ frame: Int) -> Bool
    /// Frame `frame` scaled to fit `size`, or why it cannot be shown.
    func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch) -> FrameContent
    /// How many frames of `range` have no file (the default asks `hasFile` of each).
    func missingCount(in range: ClosedRange<Int>) -> Int
    /// Frame `frame` as `decode` gives it, with the frames decoded on the way to it handed to
    /// `alongside` (a movie decodes from a keyframe: stepping back costs one GOP, not one GOP a
    /// frame); nil when `isCached` says the frame arrived meanwhile (while the source was busy
    /// with another). The default decodes the one frame.
    func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch, isCached: (Int) -> Bool,
                alongside: (Int, FrameContent) -> Void) -> FrameContent?
    /// Gives back what the source keeps open (a movie's decoder); decodes after it fail. The
    /// default keeps nothing open.
    func close()
    /// How its frames are seen (exposure, channel view).
    var look: Look { get }
    /// The same pictures seen through `look`: another source for the cache (a new id), sharing
    /// what this one keeps open. The default, for a source with no pictures, is itself.
    func with(look: Look) -> any FrameSource
}

extension FrameSource {
    public func close() {}

    public var look: Look { .identity }

    public func with(look: Look) -> any FrameSource { self }

    public func missingCount(in range: ClosedRange<Int>) -> Int { range.count(where: { !hasFile($0) }) }

    public func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch, isCached: (Int) -> Bool,
                       alongside: (Int, FrameContent) -> Void) -> FrameContent? {
        decode(frame, fitting: size, scratch: scratch)
    }
}

/// An image sequence on disk as a `FrameSource`, each frame decoded by its format (`ImageDecoders`).
public struct ImageSequenceSource: FrameSource {
    public let id: SourceID
    public let sequence: ImageSequence
    public let look: Look

    public init(id: SourceID, sequence: ImageSequence, look: Look = .identity) {
        self.id = id
        self.sequence = sequence
        self.look = look
    }

    public func with(look: Look) -> any FrameSource {
        ImageSequenceSource(id: .next(), sequence: sequence, look: look)
    }

    public func hasFile(_ frame: Int) -> Bool { sequence.path(frame: frame) != nil }

    public func missingCount(in range: ClosedRange<Int>) -> Int { sequence.missingCount(in: range) }

    public func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch) -> FrameContent {
        guard let path = sequence.path(frame: frame) else { return .missing }
        do {
            return .image(try ImageDecoders.decodeFrame(path: path, fitting: size, scratch: scratch, look: look))
        } catch {
            return .failed(error.description)
        }
    }
}
