import CSndfile
#if canImport(Glibc)
import Glibc  // SEEK_SET
#endif

/// An audio file open through libsndfile (`sf_open_fd`, `sf_command`, `sf_close`); `writeWAV` writes one.
///
/// Opened through `RegularFile`, so a FIFO or a device is refused before libsndfile reads a
/// byte. Owns its `SNDFILE` handle and the descriptor under it and closes both on deinit. Not
/// thread-safe: one thread uses it at a time, though it may be handed to another (hence
/// `@unchecked Sendable`).
public final class SoundFile: @unchecked Sendable {
    private let handle: OpaquePointer
    private let fd: Int32
    public let path: String
    public let info: AudioInfo

    /// Opens `path` for reading.
    public init(path: String) throws(MediaError) {
        // libsndfile is told not to close the descriptor: whether it does on a failed open
        // is its own business, and this way it is closed exactly once, here.
        let fd = try RegularFile(path: path).take()
        var raw = SF_INFO()
        let (opened, chatter) = LibraryChatter.quietly { sf_open_fd(fd, Int32(SFM_READ), &raw, 0) }
        guard let handle = opened else {
            let reason = Self.reason(String(cString: sf_strerror(nil)), chatter: chatter)
            close(fd)
            throw .badAudio(path: path, reason: reason)
        }
        guard raw.channels > 0, raw.samplerate > 0, raw.frames >= 0 else {
            sf_close(handle)
            close(fd)
            throw .badAudio(path: path, reason: "header claims \(raw.channels) channels at \(raw.samplerate) Hz")
        }
        self.handle = handle
        self.fd = fd
        self.path = path
        self.info = AudioInfo(
            sampleRate: Int(raw.samplerate), channels: Int(raw.channels), frames: Int(raw.frames),
            format: Self.formatName(raw.format & Int32(SF_FORMAT_TYPEMASK)),
            encoding: Self.formatName(raw.format & Int32(SF_FORMAT_SUBMASK)))
    }

    deinit {
        sf_close(handle)
        close(fd)
    }

    /// Reads up to `frames` interleaved sample frames into `buffer` (`sf_readf_float`), as floats in
    /// -1...1; returns how many it read, 0 at the end. A decoding error after some frames ends the
    /// stream there, as a player would (libsndfile reports it as a short read).
    public func read(into buffer: UnsafeMutablePointer<Float>, frames: Int) -> Int {
        max(0, Int(LibraryChatter.quietly { sf_readf_float(handle, buffer, sf_count_t(frames)) }.0))
    }

    /// Moves the read position to sample frame `frame` (`sf_seek`); false when the file cannot seek there.
    @discardableResult
    public func seek(toFrame frame: Int) -> Bool {
        LibraryChatter.quietly { sf_seek(handle, sf_count_t(max(0, frame)), SEEK_SET) }.0 >= 0
    }

    /// Writes interleaved float samples to a new 16-bit PCM WAV file at `path`.
    public static func writeWAV(path: String, sampleRate: Int, channels: Int, samples: [Float], float: Bool = false) throws(MediaError) {
        try writeWAV(path: path, sampleRate: sampleRate, channels: channels, frames: samples.count / channels, float: float) { offset, block in
            for index in 0..<block.count { block[index] = samples[offset * channels + index] }
        }
    }

    /// Writes a 16-bit PCM WAV file (`float`: 32-bit float, values kept as they are, NaN and
    /// infinities too) of `frames` frames at `path`, asking `fill` for one block of interleaved
    /// samples at a time (its frame offset, and the block to fill), so a long file is never held whole.
    public static func writeWAV(path: String, sampleRate: Int, channels: Int, frames: Int, float: Bool = false,
                                fill: (_ offset: Int, _ block: UnsafeMutableBufferPointer<Float>) -> Void) throws(MediaError) {
        var raw = SF_INFO()
        raw.samplerate = Int32(sampleRate)
        raw.channels = Int32(channels)
        raw.format = Int32(SF_FORMAT_WAV) | Int32(float ? SF_FORMAT_FLOAT : SF_FORMAT_PCM_16)
        guard let handle = sf_open(path, Int32(SFM_WRITE), &raw) else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        let blockFrames = 65_536
        let block = UnsafeMutableBufferPointer<Float>.allocate(capacity: blockFrames * channels)
        defer { block.deallocate() }
        var offset = 0
        var failed = false
        while offset < frames && !failed {
            let count = min(blockFrames, frames - offset)
            let slice = UnsafeMutableBufferPointer(rebasing: block[0..<(count * channels)])
            fill(offset, slice)
            failed = sf_writef_float(handle, slice.baseAddress, sf_count_t(count)) != count
            offset += count
        }
        let reason = String(cString: sf_strerror(handle))
        guard sf_close(handle) == 0, !failed else { throw .writeFailed(path: path, reason: reason) }
    }

    /// What is true of a file libsndfile would not open. The file is a regular one (checked
    /// before), so its "does not exist or is not a regular file" means its decoder gave up
    /// (libmpg123 on MPEG data it cannot find a frame in): say that, with the decoder's words.
    static func reason(_ libsndfile: String, chatter: String?) -> String {
        let wrong = libsndfile.contains("does not exist") || libsndfile.contains("not a regular file")
        let words = chatter.map { " (\($0))" } ?? ""
        return wrong ? "its audio data cannot be decoded" + words : libsndfile
    }

    /// libsndfile's name for a major format or a subtype.
    private static func formatName(_ format: Int32) -> String {
        var entry = SF_FORMAT_INFO()
        entry.format = format
        guard sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &entry, Int32(MemoryLayout<SF_FORMAT_INFO>.size)) == 0,
              let name = entry.name else {
            return "format 0x" + String(format, radix: 16)
        }
        return String(cString: name)
    }
}
