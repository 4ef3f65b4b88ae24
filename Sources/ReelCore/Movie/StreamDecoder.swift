import CAVCodec
import CAVFormat
import CAVUtil

/// One stream of an open movie decoded frame by frame (libavcodec: `avcodec_find_decoder`,
/// `avcodec_open2`, `avcodec_send_packet`/`receive_frame`, `avcodec_flush_buffers`): the packets
/// of other streams are read past, a damaged packet is skipped.
///
/// Owns the codec context, its frame and packet, and frees them on deinit, when its frame pool
/// leaves `DecoderMemory`. Not thread-safe: one owner decodes at a time.
final class StreamDecoder {
    let file: MovieFile
    let index: Int
    let codec: UnsafeMutablePointer<AVCodecContext>
    /// The frame `next()` decoded last.
    let frame: UnsafeMutablePointer<AVFrame>
    private let packet: UnsafeMutablePointer<AVPacket>
    /// Counts the decoder's frame pool in `DecoderMemory`.
    private let buffers = DecoderBuffers()
    /// The end of the stream was reached and the decoder drained.
    private(set) var drained = false

    /// Opens the decoder of stream `index` of `file`; `threaded` lets it decode several frames at
    /// once on the cores (FFmpeg's frame threads: a frame or two of latency after a seek, which
    /// playback does not notice), else it decodes on the caller's thread alone.
    init(file: MovieFile, stream index: Int, threaded: Bool) throws(MediaError) {
        self.file = file
        self.index = index
        guard let stream = file.stream(index), let parameters = stream.pointee.codecpar else {
            throw .badMovie(path: file.path, reason: "no stream \(index)")
        }
        let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
        guard let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw .badMovie(path: file.path, reason: "no decoder for \(name) in this FFmpeg")
        }
        guard let codec = avcodec_alloc_context3(decoder) else { throw .badMovie(path: file.path, reason: "out of memory") }
        var context: UnsafeMutablePointer<AVCodecContext>? = codec
        guard let frame = av_frame_alloc(), let packet = av_packet_alloc() else {
            avcodec_free_context(&context)
            throw .badMovie(path: file.path, reason: "out of memory")
        }
        self.codec = codec
        self.frame = frame
        self.packet = packet
        try AVCall.check(avcodec_parameters_to_context(codec, parameters), path: file.path, "cannot set up the decoder")
        codec.pointee.pkt_timebase = stream.pointee.time_base
        if threaded {
            codec.pointee.thread_count = 0
            codec.pointee.thread_type = FF_THREAD_FRAME
        } else {
            codec.pointee.thread_count = 1
        }
        buffers.install(on: codec)
        try AVCall.check(avcodec_open2(codec, decoder, nil), path: file.path, "cannot open the \(name) decoder")
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = codec
        avcodec_free_context(&context)
        var frame: UnsafeMutablePointer<AVFrame>? = self.frame
        av_frame_free(&frame)
        var packet: UnsafeMutablePointer<AVPacket>? = self.packet
        av_packet_free(&packet)
        buffers.release()
    }

    /// The stream's time base, seconds per tick.
    var timeBase: AVRational { file.stream(index)?.pointee.time_base ?? AVRational(num: 1, den: 1) }

    /// Decodes the next frame into `frame`; false at the end of the stream. A frame that does
    /// not decode is passed over (with frame threads its error comes out at a later frame's turn);
    /// only `errorLimit` of them in a row are an error.
    func next() throws(MediaError) -> Bool {
        var errors = 0
        while true {
            let received = avcodec_receive_frame(codec, frame)
            if received >= 0 { return true }
            if received == AVCall.eof {
                drained = true
                return false
            }
            if received != AVCall.eagain {
                errors += 1
                if errors >= Self.errorLimit { try AVCall.check(received, path: file.path, "cannot decode") }
                continue
            }
            feed()
        }
    }

    /// Frames in a row that may fail to decode before the stream is taken as broken.
    static let errorLimit = 8

    /// Forgets what the decoder holds (after a seek).
    func flush() {
        avcodec_flush_buffers(codec)
        drained = false
    }

    /// The timestamp of `frame`, nil when it has none. Sound takes the frame's own (libavcodec
    /// moves it past the samples it skips, the best-effort guess is not moved); a picture takes
    /// the best-effort guess, which covers containers that give no presentation times.
    var frameTicks: Int64? {
        let guess = frame.pointee.best_effort_timestamp, own = frame.pointee.pts
        let ticks = codec.pointee.codec_type == AVMEDIA_TYPE_AUDIO ? (own != AVCall.noTimestamp ? own : guess)
                                                                  : (guess != AVCall.noTimestamp ? guess : own)
        return ticks == AVCall.noTimestamp ? nil : ticks
    }

    /// Sends the decoder the stream's next packet, or the end of the stream.
    private func feed() {
        while file.read(into: packet) {
            defer { av_packet_unref(packet) }
            guard Int(packet.pointee.stream_index) == index else { continue }
            // A packet cut off by the end of the file holds half a frame: the frames before it are the last.
            guard packet.pointee.flags & AV_PKT_FLAG_CORRUPT == 0 else { continue }
            let sent = avcodec_send_packet(codec, packet)
            // A damaged packet is skipped: the frames around it may still decode.
            if sent < 0 && sent != AVCall.eagain && sent != AVCall.eof { continue }
            return
        }
        _ = avcodec_send_packet(codec, nil)
    }
}
