/// What one path on the command line is: an image sequence or an audio file.
public enum ProbeReport: Equatable, Sendable {
    /// A sequence and its frame size (from the first frame that has a readable header).
    case sequence(ImageSequence, width: Int, height: Int)
    /// An audio file as libsndfile reads it.
    case audio(path: String, AudioInfo)
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

    /// Whether `path` names an image sequence rather than audio: a folder, a `.png` file, or a
    /// pattern with `#`, `@` or `%d`.
    public static func isSequencePath(_ path: String) -> Bool {
        if FileBytes.isDirectory(path) || SequenceScanner.isPNGName(splitPath(path).name) { return true }
        return !FileBytes.exists(path) && SequencePattern.parse(placeholder: path) != nil
    }

    /// The size of the sequence's frames, from the first frame whose header reads.
    public static func frameSize(of sequence: ImageSequence) throws(MediaError) -> (width: Int, height: Int) {
        var firstError: MediaError?
        var attempts = 0
        var frame = sequence.first
        while frame <= sequence.last && attempts < headerAttempts {
            if let path = sequence.path(frame: frame) {
                attempts += 1
                do {
                    return try PNGDecoder.size(path: path)
                } catch {
                    firstError = firstError ?? error
                }
            }
            frame += 1
        }
        throw firstError ?? .noFramesMatch(pattern: sequence.displayName)
    }
}
