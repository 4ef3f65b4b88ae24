#if canImport(Glibc)
import Glibc
#endif

/// Saves the frame a session shows as a PNG at its own size, through the look it is shown with
/// (exposure, channel, checkerboard; EXR's display transform): the same pixels as
/// `reel render --png` gives for the plain look. Names the file after the media and the frame,
/// beside what is already there rather than over it.
///
/// Stateless; decodes on the calling thread with its own scratch.
public enum FrameExport {
    /// Why a frame could not be saved; one line.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noPicture
        case notDecoded(frame: Int, reason: String)
        case notWritten(path: String, reason: String)

        public var description: String {
            switch self {
            case .noPicture: return "nothing to export: sound has no picture"
            case .notDecoded(let frame, let reason): return "frame \(frame) was not exported: \(reason)"
            case .notWritten(let path, let reason): return "could not write \(path): \(reason)"
            }
        }
    }

    /// Writes `frame` of `media` into `folder` and returns the file's path and the picture's size.
    public static func export(_ media: MediaSession, frame: Int, into folder: String = ".") throws(Failure)
        -> (path: String, width: Int, height: Int) {
        guard media.hasPicture else { throw .noPicture }
        let source = media.session.source
        let fileSize = media.imageSize.map { FrameSize(width: $0.width, height: $0.height) }
        guard let size = Picture.ownSize(of: frame, in: media.picture?.sequence, else: fileSize) else { throw .notDecoded(frame: frame, reason: "its size cannot be read") }
        let image: RGBImage
        switch source.decode(frame, fitting: size, scratch: DecodeScratch()) {
        case .image(let decoded): image = decoded
        case .missing: throw .notDecoded(frame: frame, reason: "it is missing")
        case .failed(let reason): throw .notDecoded(frame: frame, reason: reason)
        }
        let path = freePath(in: folder, stem: stem(of: media.name), frame: frame)
        do {
            try PNGEncoder.write(image, to: path)
        } catch {
            throw .notWritten(path: path, reason: error.description)
        }
        return (path, image.width, image.height)
    }

    /// The media's name without its folder, frame placeholder or extension: `shot` for
    /// `renders/shot.####.exr`, `dailies` for `dailies.mov`.
    static func stem(of name: String) -> String {
        var base = Substring(name.split(separator: "/").last ?? Substring(name))
        if let placeholder = base.firstIndex(where: { "#%@".contains($0) }) { base = base[..<placeholder] }
        else if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        while let last = base.last, "._- ".contains(last) { base = base.dropLast() }
        let safe = String(base.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return safe.isEmpty ? "frame" : safe
    }

    /// `folder/stem-frameN.png` (never a name of the sequence it came from), or with `-2`, `-3`…
    /// before `.png` when that is taken.
    static func freePath(in folder: String, stem: String, frame: Int) -> String {
        let base = (folder.hasSuffix("/") ? folder : folder + "/") + "\(stem)-frame\(frame)"
        var candidate = base + ".png"
        var copy = 2
        while access(candidate, F_OK) == 0 {
            candidate = base + "-\(copy).png"
            copy += 1
        }
        return candidate
    }
}
