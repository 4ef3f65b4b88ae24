/// What one path on the command line is: an image sequence or an audio file.
public enum ProbeReport: Equatable, Sendable {
    /// A sequence and its frame size (from the first frame that has a readable header).
    case sequence(ImageSequence, width: Int, height: Int)
    /// An audio file as libsndfile reads it.
    case audio(path: String, AudioInfo)
    /// A movie file as FFmpeg reads it.
    case movie(path: String, MovieInfo)
}

/// Tells what a path is without decoding more than headers.
///
/// Stateless; safe from any thread.
public enum MediaProbe {
    /// How many frames are tried for a readable header before the sequence is refused.
    static let headerAttempts = 8

    public static func probe(_ path: String) throws(MediaError) -> ProbeReport {
        if isSequencePath(path) {
            let sequence = try SequenceScanner.find(path)
            let size = try frameSize(of: sequence)
            return .sequence(sequence, width: size.width, height: size.height)
        }
        guard FileBytes.exists(path) else { throw .notFound(path: path) }
        if SampleReaders.usesFFmpeg(path) { return .movie(path: path, try MovieFile(path: path).info) }
        do {
            let file = try SoundFile(path: path)
            return .audio(path: path, file.info)
        } catch {
            if case .badAudio(_, let reason) = error {
                throw .notMedia(path: path, reason: reason)
            }
            throw error
        }
    }

    /// The names movie files go by (what FFmpeg reads; plain audio stays libsndfile's).
    static let movieExtensions: Set<String> = ["mp4", "m4v", "mov", "mkv", "webm", "mxf", "avi", "mpg", "mpeg", "ts", "m2ts", "mts"]

    /// Whether `path` names a movie file, by its extension.
    public static func isMoviePath(_ path: String) -> Bool {
        movieExtensions.contains(extensionOf(path))
    }

    /// The file name's extension in lower case, "" when it has none.
    static func extensionOf(_ path: String) -> String {
        let name = splitPath(path).name
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether `path` names an image sequence rather than audio: a folder, a `.png` file, or a
    /// pattern with `#`, `@` or `%d`.
    public static func isSequencePath(_ path: String) -> Bool {
        if FileBytes.isDirectory(path) || ImageFormat.isImageName(splitPath(path).name) { return true }
        return !FileBytes.exists(path) && SequencePattern.parse(placeholder: path) != nil
    }

    /// The size of the sequence's frames: the size most of a few frames' headers agree on (the
    /// first, the last and three between, then the frames after the first where those do not
    /// read), so one frame's claim, a bomb's 16384x16384 say, cannot decide it alone. Throws
    /// the first frame's reason when no header reads.
    public static func frameSize(of sequence: ImageSequence) throws(MediaError) -> (width: Int, height: Int) {
        var firstError: MediaError?
        var sizes: [(width: Int, height: Int)] = []
        var tried = Set<Int>()
        let span = sequence.last - sequence.first
        let spread = (0...4).map { sequence.first + span * $0 / 4 }
        let following = sequence.first...min(sequence.last, sequence.first + headerAttempts)
        for frame in spread + Array(following) where tried.count < headerAttempts + 5 && sizes.count < 5 {
            guard !tried.contains(frame), let path = sequence.path(frame: frame) else { continue }
            tried.insert(frame)
            do {
                sizes.append(try ImageDecoders.size(path: path))
            } catch {
                firstError = firstError ?? error
            }
            // Three that agree are a majority of the five asked for.
            if sizes.count >= 3, let size = majority(sizes), sizes.count(where: { $0 == size }) >= 3 { return size }
        }
        if let size = majority(sizes) { return size }
        throw firstError ?? .noFramesMatch(pattern: sequence.displayName)
    }

    /// The most common size; among equals, the one seen first.
    static func majority(_ sizes: [(width: Int, height: Int)]) -> (width: Int, height: Int)? {
        var best: (size: (width: Int, height: Int), count: Int)?
        for size in sizes {
            let count = sizes.count(where: { $0 == size })
            if count > (best?.count ?? 0) { best = (size, count) }
        }
        return best?.size
    }
}
