/// A movie's video stream as a `FrameSource`: frames 1…`frameCount`, decoded by one
/// `MovieDecoder` kept for the file and reused.
///
/// Thread-safe: the pool's workers take turns with the decoder (one decoder decodes in order;
/// frames arrive through the same cache and epochs as a sequence's).
public struct MovieSource: FrameSource {
    public private(set) var id: SourceID
    public private(set) var look = Look.identity
    public let info: MovieInfo
    public let path: String
    /// nil once closed.
    private let decoder: Locked<MovieDecoder?>

    /// Opens `path` for decoding (the file stays open until the last copy of this goes).
    public init(id: SourceID, path: String) throws(MediaError) {
        let opened = try MovieDecoder(path: path)
        self.id = id
        self.path = path
        info = opened.info
        decoder = Locked<MovieDecoder?>(opened)
    }

    /// The frames the player plays.
    public var frames: ClosedRange<Int> { 1...max(1, info.frameCount) }

    public func hasFile(_ frame: Int) -> Bool { frames.contains(frame) }

    public func with(look: Look) -> any FrameSource {
        var copy = self
        copy.id = .next()
        copy.look = look
        return copy
    }

    /// Frees the decoder (its codec context, frame pool and file) once the frame it decodes is done.
    public func close() {
        decoder.withLock { $0 = nil }
    }

    public func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch) -> FrameContent {
        decode(frame, fitting: size, scratch: scratch, isCached: { _ in false }, alongside: { _, _ in }) ?? .missing
    }

    public func decode(_ frame: Int, fitting size: FrameSize, scratch: DecodeScratch, isCached: (Int) -> Bool,
                       alongside: (Int, FrameContent) -> Void) -> FrameContent? {
        let decoded = decoder.withLock { decoder -> Result<DecodedFrame, MediaError>? in
            // Another worker's GOP may have brought it while this one waited.
            guard !isCached(frame) else { return nil }
            guard let decoder else { return .failure(.badMovie(path: path, reason: "the movie is closed")) }
            do throws(MediaError) {
                return .success(try decoder.frame(frame) { number, image throws(MediaError) in
                    if !isCached(number) {
                        var converted = try decoder.scaler.convert(image, fitting: size, path: decoder.file.path, recycled: scratch.recycled)
                        look.apply(rgb: &converted)
                        alongside(number, .image(converted))
                    }
                })
            } catch {
                return .failure(error)
            }
        }
        // Converted outside the lock: the next worker decodes the next frame meanwhile.
        guard let decoded else { return nil }
        switch decoded {
        case .failure(let error): return .failed("\(error)")
        case .success(let found):
            let scaler = scratch.movieScaler ?? MovieScaler()
            scratch.movieScaler = scaler
            do {
                var converted = try scaler.convert(found.frame, fitting: size, path: path, recycled: scratch.recycled)
                look.apply(rgb: &converted)
                return .image(converted)
            } catch {
                return .failed("\(error)")
            }
        }
    }
}
