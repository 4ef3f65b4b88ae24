#if canImport(Glibc)
import Glibc  // strerror
#endif

/// Why a piece of media could not be found, read or used. Every case renders as one line a user can act on.
public enum MediaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// A folder holds no image sequence, and no audio was named.
    case noMediaInFolder(path: String)
    /// A pattern (`####`, `@@@@`, `%04d`) matched no file.
    case noFramesMatch(pattern: String)
    /// The frame numbers found span more than `ImageSequence.maxSpan` frames.
    case sequenceTooLong(pattern: String, first: Int, last: Int, files: Int)
    /// The file is none of the pictures, movies or sounds Reel reads.
    case notMedia(path: String, reason: String)
    /// Something that is not a regular file (a FIFO, a device, a socket, a folder, a link loop):
    /// refused before it is read, since a read could block forever.
    case notAFile(path: String, kind: String)
    /// The OS refused a read (permissions, I/O error).
    case unreadable(path: String, errno: Int32)
    /// libpng refused the file; `reason` is libpng's own message.
    case badPNG(path: String, reason: String)
    /// A JPEG, EXR, TIFF or DPX decoder refused the file (`format` names it); `reason` is the
    /// library's own message, or what Reel's own reader found.
    case badImage(path: String, format: String, reason: String)
    /// The header claims a size Reel will not allocate for (`limit`: the per-frame limit in bytes).
    case imageTooLarge(path: String, width: Int, height: Int, limit: Int)
    /// The header claims a size the data that follows cannot hold (a decompression bomb).
    case implausibleSize(path: String, width: Int, height: Int, reason: String)
    /// libsndfile refused the file; `reason` is libsndfile's own message.
    case badAudio(path: String, reason: String)
    /// FFmpeg refused the movie, or a frame of it; `reason` is FFmpeg's own message.
    case badMovie(path: String, reason: String)
    /// A write failed (demo generator, exports).
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder"
        case .noMediaInFolder(let path):
            return "\(path): no PNG image sequence in this folder"
        case .noFramesMatch(let pattern):
            return "\(pattern): no frame matches this pattern"
        case .sequenceTooLong(let pattern, let first, let last, let files):
            return "\(pattern): \(files) files numbered \(first) to \(last) span more than \(ImageSequence.maxSpan) frames; move the stray ones aside"
        case .notMedia(let path, let reason):
            return "\(path): not a picture, movie or sound file Reel can read (\(reason))"
        case .notAFile(let path, let kind):
            return "\(path): is \(kind), not a regular file"
        case .unreadable(let path, let code):
            return "\(path): cannot read: \(String(cString: strerror(code)))"
        case .badPNG(let path, let reason):
            return "\(path): not a readable PNG: \(reason)"
        case .badImage(let path, let format, let reason):
            return "\(path): not a readable \(format): \(reason)"
        case .imageTooLarge(let path, let width, let height, let limit):
            return "\(path): \(width)x\(height) is larger than Reel decodes (at most \(FrameLimit.maxSide) per side, \(limit >> 20) MiB per frame)"
        case .implausibleSize(let path, let width, let height, let reason):
            return "\(path): claims \(width)x\(height), which its data cannot hold: \(reason)"
        case .badAudio(let path, let reason):
            return "\(path): not a readable audio file: \(reason)"
        case .badMovie(let path, let reason):
            return "\(path): not a movie Reel can read: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}

