/// A file named on the command line, before it is opened: an image sequence (with an optional
/// sound track), a movie file, or an audio file on its own.
public struct MediaItem: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case sequence(path: String, audio: String?)
        case movie(path: String)
        case audio(path: String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// A sequence for sequence paths (a folder, a PNG, a pattern), a movie by its extension,
    /// else an audio file.
    public init(path: String, audio: String? = nil) {
        if MediaProbe.isSequencePath(path) {
            kind = .sequence(path: path, audio: audio)
        } else if MediaProbe.isMoviePath(path) {
            kind = .movie(path: path)
        } else {
            kind = .audio(path: path)
        }
    }

    public var path: String {
        switch kind {
        case .sequence(let path, _), .movie(let path), .audio(let path): return path
        }
    }

    /// The file's name without its folders.
    public var displayName: String { path.split(separator: "/").last.map(String.init) ?? path }
}
