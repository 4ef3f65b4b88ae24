import CAVCodec
import CAVFormat
import CAVUtil

/// Decodes frames of a movie's video stream by number, frame-accurately, as RGB at a size
/// (through `StreamDecoder`, converted by `MovieScaler`).
///
/// Frame N is the frame that starts (N - 1) / fps after the stream's first timestamp. A frame
/// after the last one decoded, and not more than `forwardLimit` frames after it, is reached by
/// decoding on; any other is reached by seeking to the keyframe before it, flushing the decoder
/// and decoding forward. Owns the stream's decoder, a scaler and the file, and frees them on
/// deinit. Not thread-safe: `MovieSource` serializes the pool's calls.
final class MovieDecoder {
    let file: MovieFile
    private let stream: StreamDecoder
    private var frame: UnsafeMutablePointer<AVFrame> { stream.frame }
    /// Converts the frames handed to `alongside` (and those of `image`).
    let scaler = MovieScaler()
    /// The number of the frame last handed out by the decoder, nil after a seek or at the start.
    private var last: Int?
    private var drained: Bool { stream.drained }

    /// Frames ahead of the last one decoded that are reached by decoding on rather than seeking
    /// (longer than any common GOP).
    static let forwardLimit = 120

    init(path: String) throws(MediaError) {
        file = try MovieFile(path: path)
        guard let index = file.info.videoStream else { throw .badMovie(path: path, reason: "no video stream") }
        stream = try StreamDecoder(file: file, stream: index, threaded: true)
    }

    var info: MovieInfo { file.info }

    /// Frame `number` (1-based) scaled to fit `box`; the frames decoded on the way to it go to
    /// `alongside` at the same size (see `frame(_:alongside:)`).
    func image(_ number: Int, fitting box: FrameSize,
               alongside: (Int, RGBImage) -> Void = { _, _ in }) throws(MediaError) -> RGBImage {
        let found = try frame(number) { number, frame throws(MediaError) in
            alongside(number, try scaler.convert(frame, fitting: box, path: file.path))
        }
        return try scaler.convert(found.frame, fitting: box, path: file.path)
    }

    /// Frame `number` (1-based) as the decoder gave it. The frames decoded on the way to it go to
    /// `alongside` while they are the decoder's (after a seek, or decoding on past frames not
    /// asked for yet: the pool's workers may ask for N + 2 before N + 1, which would otherwise
    /// cost a seek back).
    func frame(_ number: Int,
               alongside: (Int, UnsafeMutablePointer<AVFrame>) throws(MediaError) -> Void) throws(MediaError) -> DecodedFrame {
        guard number >= 1 else { throw .badMovie(path: file.path, reason: "no frame \(number)") }
        let decodingOn = last.map { number > $0 && number <= $0 + Self.forwardLimit } ?? false
        if !decodingOn || drained { try seek(before: number, fromStart: false) }
        var justSought = !decodingOn || drained
        while true {
            guard let found = try nextFrame() else {
                throw .badMovie(path: file.path, reason: last.map { "frame \(number) is past the end (the last is \($0))" }
                                ?? "frame \(number) cannot be read: the file ends before it")
            }
            if justSought && found > number {
                // The keyframe found is after the frame (timestamps that lie): from the start.
                try seek(before: number, fromStart: true)
                justSought = false
                continue
            }
            if found >= number {
                last = found
                guard let held = DecodedFrame(cloning: frame) else { throw .badMovie(path: file.path, reason: "out of memory") }
                return held
            }
            if found >= 1, found != last { try alongside(found, frame) }
            justSought = false
            last = found
        }
    }

    /// Seeks to the keyframe at or before frame `number` (or the file's first) and flushes the
    /// decoder.
    private func seek(before number: Int, fromStart: Bool) throws(MediaError) {
        // Half a frame early: timestamps are rounded to the stream's ticks.
        let halfFrame = Int64(Double(file.timeBase.den) / Double(max(1, file.timeBase.num)) / max(1, info.fps) / 2)
        let ticks = fromStart ? file.startTicks : max(file.startTicks, file.ticks(frame: number) - halfFrame)
        try file.seek(toTicks: ticks)
        stream.flush()
        last = nil
    }

    /// The number of the next frame the decoder gives, left in `frame`; nil at the end.
    private func nextFrame() throws(MediaError) -> Int? {
        guard try stream.next() else { return nil }
        return stream.frameTicks.map(file.frameNumber(ticks:)) ?? (last ?? 0) + 1
    }
}
