/// The picture of what the user named, opened for the commands that need no sound (`render`,
/// `soak`, `bench decode`): a sequence through `PictureSource` or a movie through `MovieSource`,
/// as a frame source with its frames, its size and (a movie's) own rate; one frame of it can be
/// decoded on the caller's thread.
///
/// The source is safe from any thread, as every `FrameSource`; `close()` frees a movie's decoder.
public struct Picture {
    /// Why the frame asked for cannot be given: one line for the user.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case outOfRange(name: String, frames: ClosedRange<Int>, asked: Int)
        case missing(name: String, frame: Int)
        case undecodable(name: String, frame: Int, reason: String)

        public var description: String {
            switch self {
            case .outOfRange(let name, let frames, let asked):
                return "\(name) has frames \(frames.lowerBound)–\(frames.upperBound), not \(asked)"
            case .missing(let name, let frame):
                return "frame \(frame) of \(name) is missing (no file for it)"
            case .undecodable(_, _, let reason):
                return reason
            }
        }
    }

    public let name: String
    public let frames: ClosedRange<Int>
    /// The frame whose file the path names, else the first.
    public let namedFrame: Int
    /// The picture's own size, when a header could be read.
    public let size: FrameSize?
    /// Frames a second the picture has of its own (a movie's), nil for a sequence.
    public let fps: Double?
    /// Why no frame's header could be read, when `size` is nil.
    public let unreadableMessage: String?
    public let source: any FrameSource
    /// The sequence, when the picture is one.
    private let sequence: ImageSequence?

    /// Opens the picture at `path`: a sequence (a frame, its folder, a pattern) or a movie.
    public init(path: String) throws(OpenError) {
        if MediaProbe.isMoviePath(path) {
            let movie: MovieSource
            do {
                movie = try MovieSource(id: .next(), path: path)
            } catch {
                throw .noPicture(path: path, reason: error)
            }
            source = movie
            sequence = nil
            name = MediaItem(path: path).displayName
            frames = movie.frames
            namedFrame = movie.frames.lowerBound
            size = FrameSize(width: movie.info.width, height: movie.info.height)
            fps = movie.info.fps
            unreadableMessage = nil
            return
        }
        let picture = try PictureSource(path: path)
        let sequence = picture.sequence
        self.sequence = sequence
        source = ImageSequenceSource(id: .next(), sequence: sequence)
        name = sequence.displayName
        let range = sequence.first...sequence.last
        frames = range
        var named: Int?
        if case .pattern(let pattern) = sequence.naming {
            named = pattern.frameNumber(fileName: MediaItem(path: path).displayName)
        }
        namedFrame = named.flatMap { range.contains($0) ? $0 : nil } ?? sequence.first
        size = picture.imageSize
        fps = nil
        unreadableMessage = picture.imageSize == nil ? picture.unreadableMessage : nil
    }

    /// Frame `number`'s own size: its header's, which may differ from the sequence's size, else `fallback` (a movie's).
    static func ownSize(of number: Int, in sequence: ImageSequence?, else fallback: FrameSize?) -> FrameSize? {
        guard let path = sequence?.path(frame: number), let own = try? ImageDecoders.size(path: path) else { return fallback }
        return FrameSize(width: own.width, height: own.height)
    }

    /// Frees what the source keeps open (a movie's decoder).
    public func close() { source.close() }

    /// Frame `number` scaled to fit `box`, or at its own size when `box` is nil.
    public func frame(_ number: Int, fitting box: FrameSize?) throws(Failure) -> RGBImage {
        guard frames.contains(number) else { throw .outOfRange(name: name, frames: frames, asked: number) }
        guard source.hasFile(number) else { throw .missing(name: name, frame: number) }
        let target = box ?? Self.ownSize(of: number, in: sequence, else: size)
            ?? FrameSize(width: FrameLimit.maxSide, height: FrameLimit.maxSide)
        switch source.decode(number, fitting: target, scratch: DecodeScratch()) {
        case .image(let image): return image
        case .missing: throw .missing(name: name, frame: number)
        case .failed(let reason): throw .undecodable(name: name, frame: number, reason: reason)
        }
    }
}
