/// A stream of interleaved float samples read block by block from one open file: libsndfile's
/// `SoundFile` for audio files, FFmpeg's `MovieSound` for the sound of a movie. The analysis and
/// the sound output read through this and do not know which it is.
///
/// Not thread-safe: one thread reads at a time, though a reader may be handed to another.
public protocol SampleReader: AnyObject, Sendable {
    var path: String { get }
    /// Rate, channels and the length the file claims (it can be wrong: read until 0).
    var info: AudioInfo { get }
    /// Reads up to `frames` interleaved sample frames of `info.channels` floats into `buffer`;
    /// how many it read, 0 at the end or where the file breaks.
    func read(into buffer: UnsafeMutablePointer<Float>, frames: Int) -> Int
    /// Moves the read position to sample frame `frame`; false when the file cannot seek there.
    @discardableResult
    func seek(toFrame frame: Int) -> Bool
}

extension SoundFile: SampleReader {}

/// Opens the right reader for a path: FFmpeg for movie containers and the audio formats only
/// FFmpeg reads (AAC, AC-3 and other codecs in MP4 or Matroska), libsndfile for the rest.
///
/// Stateless; safe from any thread.
public enum SampleReaders {
    /// Audio-only names FFmpeg reads and libsndfile does not.
    static let containerAudioExtensions: Set<String> = ["m4a", "aac", "ac3", "eac3", "mka", "wma", "dts"]

    /// Whether `path`'s sound is read through FFmpeg rather than libsndfile, by its extension.
    public static func usesFFmpeg(_ path: String) -> Bool {
        MediaProbe.isMoviePath(path) || containerAudioExtensions.contains(MediaProbe.extensionOf(path))
    }

    /// A reader of `path`'s sound (its first or best audio stream, for a container).
    public static func open(_ path: String) throws(MediaError) -> any SampleReader {
        usesFFmpeg(path) ? try MovieSound(path: path) : try SoundFile(path: path)
    }
}
