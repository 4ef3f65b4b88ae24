import CAVCodec
import CAVFormat
import CAVUtil
import CSwscale

/// Decodes frames of a movie's video stream by number, frame-accurately, as RGB at a size
/// (through `StreamDecoder`; libswscale: `sws_getCachedContext`, `sws_scale`).
///
/// Frame N is the frame that starts (N - 1) / fps after the stream's first timestamp. A frame
/// after the last one decoded, and not more than `forwardLimit` frames after it, is reached by
/// decoding on; any other is reached by seeking to the keyframe before it, flushing the decoder
/// and decoding forward. Owns the stream's decoder, the scaler and the file, and frees them on
/// deinit. Not thread-safe: `MovieSource` serializes the pool's calls.
final class MovieDecoder {
    let file: MovieFile
    private let stream: StreamDecoder
    private var frame: UnsafeMutablePointer<AVFrame> { stream.frame }
    private var scaler: OpaquePointer?
    /// The number of the frame last handed out by the decoder, nil after a seek or at the start.
    private var last: Int?
    private var drained: Bool { stream.drained }

    /// Frames ahead of the last one decoded that are reached by decoding on rather than seeking
    /// (longer than any common GOP).
    static let forwardLimit = 120

    init(path: String) throws(MediaError) {
        file = try MovieFile(path: path)
        guard let index = file.info.videoStream else { throw .badMovie(path: path, reason: "no video stream") }
        stream = try StreamDecoder(file: file, stream: index, sliceThreads: true)
    }

    deinit {
        sws_freeContext(scaler)
    }

    var info: MovieInfo { file.info }

    /// Frame `number` (1-based) scaled to fit `box`; after a seek, the frames decoded on the way
    /// to it go to `alongside`, at the same size.
    func image(_ number: Int, fitting box: FrameSize,
               alongside: (Int, RGBImage) -> Void = { _, _ in }) throws(MediaError) -> RGBImage {
        guard number >= 1 else { throw .badMovie(path: file.path, reason: "no frame \(number)") }
        let decodingOn = last.map { number > $0 && number <= $0 + Self.forwardLimit } ?? false
        if !decodingOn || drained { try seek(before: number, fromStart: false) }
        var justSought = !decodingOn || drained
        while true {
            guard let found = try nextFrame() else {
                throw .badMovie(path: file.path, reason: "frame \(number) is past the end (the last is \(last ?? 0))")
            }
            if justSought && found > number {
                // The keyframe found is after the frame (timestamps that lie): from the start.
                try seek(before: number, fromStart: true)
                justSought = false
                continue
            }
            if found >= number {
                last = found
                return try convert(fitting: box)
            }
            if !decodingOn, found >= 1, found != last { alongside(found, try convert(fitting: box)) }
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

    /// The frame in `frame` as RGB fitting `box`.
    private func convert(fitting box: FrameSize) throws(MediaError) -> RGBImage {
        let width = Int(frame.pointee.width), height = Int(frame.pointee.height)
        let fitted = AreaScaler.fit(width: width, height: height, maxWidth: box.width, maxHeight: box.height)
        guard fitted.width > 0, fitted.height > 0 else { throw .badMovie(path: file.path, reason: "a frame of no size") }
        let flags = fitted.width < width ? SWS_AREA : SWS_BICUBIC
        scaler = sws_getCachedContext(scaler, Int32(width), Int32(height), AVPixelFormat(rawValue: frame.pointee.format),
                                      Int32(fitted.width), Int32(fitted.height), AV_PIX_FMT_RGB24, flags, nil, nil, nil)
        guard let scaler else { throw .badMovie(path: file.path, reason: "cannot convert its pixel format") }
        let stride = fitted.width * 3
        var pixels = [UInt8](repeating: 0, count: stride * fitted.height)
        let rows = pixels.withUnsafeMutableBufferPointer { out in
            withUnsafePointer(to: &frame.pointee.data) { data in
                withUnsafePointer(to: &frame.pointee.linesize) { linesize in
                    data.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { source in
                        linesize.withMemoryRebound(to: Int32.self, capacity: 8) { sourceStride in
                            var target: UnsafeMutablePointer<UInt8>? = out.baseAddress
                            var targetStride = Int32(stride)
                            return sws_scale(scaler, source, sourceStride, 0, Int32(height), &target, &targetStride)
                        }
                    }
                }
            }
        }
        guard rows > 0 else { throw .badMovie(path: file.path, reason: "cannot convert a frame") }
        return RGBImage(width: fitted.width, height: fitted.height, pixels: pixels)
    }
}
