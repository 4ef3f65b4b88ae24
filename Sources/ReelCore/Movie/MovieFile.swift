import CAVCodec
import CAVFormat
import CAVUtil

/// An open movie container (libavformat: `avformat_open_input`, `avformat_find_stream_info`,
/// `av_read_frame`, `av_seek_frame`, `avformat_close_input`): its streams described, its packets
/// read in order, seeks to a time.
///
/// Owns the format context and closes it on deinit. Not thread-safe: one decoder uses it.
final class MovieFile {
    let path: String
    private(set) var info: MovieInfo
    private(set) var context: UnsafeMutablePointer<AVFormatContext>
    /// The video stream's time base (seconds per tick) and first timestamp, in ticks.
    let timeBase: (num: Int64, den: Int64)
    let startTicks: Int64

    /// Opens `path`; with `findingEnd`, the frames are counted to the last one whose packets
    /// can be read (`MovieEnd`), and a file cut short says so in `info.expectedFrames`.
    init(path: String, findingEnd: Bool = true) throws(MediaError) {
        _ = AVCall.quiet
        // Checked first so that a FIFO or a device is refused before FFmpeg blocks on it.
        let file = try RegularFile(path: path)
        file.close()
        self.path = path
        var opened: UnsafeMutablePointer<AVFormatContext>?
        try AVCall.check(avformat_open_input(&opened, path, nil, nil), path: path, "cannot open")
        guard let opened else { throw .badMovie(path: path, reason: "cannot open") }
        var context: UnsafeMutablePointer<AVFormatContext>? = opened
        do {
            try AVCall.check(avformat_find_stream_info(opened, nil), path: path, "cannot read its streams")
        } catch {
            avformat_close_input(&context)
            throw error
        }
        self.context = opened
        let described = Self.describe(opened)
        info = described
        if let index = described.videoStream, let stream = opened.pointee.streams[index] {
            timeBase = (Int64(stream.pointee.time_base.num), Int64(max(1, stream.pointee.time_base.den)))
            let start = stream.pointee.start_time
            startTicks = start == AVCall.noTimestamp ? 0 : start
        } else {
            timeBase = (1, 1)
            startTicks = 0
        }
        if findingEnd, info.videoStream != nil, let last = MovieEnd.lastFrame(of: self, claimed: info.frameCount) {
            // A header's own count is exact, a count from the duration only near.
            let counted = (videoStream?.pointee.nb_frames ?? 0) > 0
            if last < info.frameCount - (counted ? 0 : 1) { info.expectedFrames = info.frameCount }
            info.frameCount = last
        }
    }

    deinit {
        var context: UnsafeMutablePointer<AVFormatContext>? = self.context
        avformat_close_input(&context)
    }

    /// The video stream, when there is one.
    var videoStream: UnsafeMutablePointer<AVStream>? {
        info.videoStream.flatMap { context.pointee.streams[$0] }
    }

    /// Reads the next packet into `packet`; false at the end of the file (or where it breaks).
    func read(into packet: UnsafeMutablePointer<AVPacket>) -> Bool {
        av_read_frame(context, packet) >= 0
    }

    /// Stream `index` of the file, when it has one.
    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream>? {
        guard index >= 0, index < Int(context.pointee.nb_streams) else { return nil }
        return context.pointee.streams[index]
    }

    /// The first timestamp of stream `index`, in its ticks (0 when it has none).
    func startTicks(ofStream index: Int) -> Int64 {
        guard let start = stream(index)?.pointee.start_time, start != AVCall.noTimestamp else { return 0 }
        return start
    }

    /// `ticks` of stream `index`'s time base in seconds.
    func seconds(ticks: Int64, ofStream index: Int) -> Double {
        let base = stream(index)?.pointee.time_base ?? AVRational(num: 1, den: 1)
        return Double(ticks) * Double(base.num) / Double(max(1, base.den))
    }

    /// Seconds stream `index` lasts: its own duration, else the container's.
    func duration(ofStream index: Int) -> Double {
        Self.duration(of: stream(index), in: context)
    }

    private static func duration(of stream: UnsafeMutablePointer<AVStream>?, in context: UnsafeMutablePointer<AVFormatContext>) -> Double {
        if let stream, stream.pointee.duration != AVCall.noTimestamp, stream.pointee.duration > 0 {
            let base = stream.pointee.time_base
            return Double(stream.pointee.duration) * Double(base.num) / Double(max(1, base.den))
        }
        return context.pointee.duration > 0 ? Double(context.pointee.duration) / Double(AV_TIME_BASE) : 0
    }

    /// Seeks the video stream to the keyframe at or before `ticks`.
    func seek(toTicks ticks: Int64) throws(MediaError) {
        guard let index = info.videoStream else { return }
        try seek(stream: index, toTicks: ticks)
    }

    /// Seeks stream `index` to the keyframe (or, for sound, the packet) at or before `ticks` of its time base.
    func seek(stream index: Int, toTicks ticks: Int64) throws(MediaError) {
        try AVCall.check(av_seek_frame(context, Int32(index), ticks, AVSEEK_FLAG_BACKWARD), path: path, "cannot seek")
    }

    /// The 1-based frame number of the frame at `ticks`: frame N starts (N - 1) / fps after the
    /// stream's first timestamp, as `ffmpeg -vf select=eq(n\,N-1)` numbers them.
    func frameNumber(ticks: Int64) -> Int {
        let seconds = Double(ticks - startTicks) * Double(timeBase.num) / Double(timeBase.den)
        return Int((seconds * info.fps).rounded()) + 1
    }

    /// The timestamp, in ticks, where frame `number` starts.
    func ticks(frame number: Int) -> Int64 {
        let seconds = Double(number - 1) / max(1e-9, info.fps)
        return startTicks + Int64((seconds * Double(timeBase.den) / Double(max(1, timeBase.num))).rounded(.down))
    }

    /// The "timecode" entry of a metadata dictionary (`av_dict_get`).
    private static func timecode(in metadata: OpaquePointer?) -> String? {
        guard let entry = av_dict_get(metadata, "timecode", nil, 0), let value = entry.pointee.value else { return nil }
        return SafeText.escaped(String(cString: value))
    }

    private static func describe(_ context: UnsafeMutablePointer<AVFormatContext>) -> MovieInfo {
        let container = context.pointee.iformat.map { String(cString: $0.pointee.name) } ?? "unknown"
        var info = MovieInfo(container: container, videoStream: nil, codec: "", width: 0, height: 0, fps: 0,
                             fpsNumerator: 0, fpsDenominator: 1, frameCount: 0, duration: 0, bitDepth: 0,
                             hasAlpha: false, pixelFormat: "", audioStreams: [])
        let best = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        for index in 0..<Int(context.pointee.nb_streams) {
            guard let stream = context.pointee.streams[index], let parameters = stream.pointee.codecpar else { continue }
            let codec = String(cString: avcodec_get_name(parameters.pointee.codec_id))
            switch parameters.pointee.codec_type {
            case AVMEDIA_TYPE_VIDEO where index == Int(best):
                // A cover picture in an audio file is no video stream.
                guard stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC == 0 else { continue }
                info.videoStream = index
                info.codec = codec
                info.width = Int(parameters.pointee.width)
                info.height = Int(parameters.pointee.height)
                var rate = stream.pointee.avg_frame_rate
                if rate.num <= 0 || rate.den <= 0 { rate = stream.pointee.r_frame_rate }
                if rate.num <= 0 || rate.den <= 0 { rate = AVRational(num: 24, den: 1) }
                info.fpsNumerator = Int(rate.num)
                info.fpsDenominator = Int(rate.den)
                info.fps = Double(rate.num) / Double(rate.den)
                let duration = Self.duration(of: stream, in: context)
                info.duration = duration
                let counted = Int(stream.pointee.nb_frames)
                info.frameCount = counted > 0 ? counted : max(1, Int((duration * info.fps).rounded()))
                let format = AVPixelFormat(rawValue: parameters.pointee.format)
                if let descriptor = av_pix_fmt_desc_get(format) {
                    info.pixelFormat = String(cString: descriptor.pointee.name)
                    info.bitDepth = Int(descriptor.pointee.comp.0.depth)
                    info.hasAlpha = descriptor.pointee.flags & UInt64(AV_PIX_FMT_FLAG_ALPHA) != 0
                }
            case AVMEDIA_TYPE_AUDIO:
                info.audioStreams.append(MovieInfo.AudioStream(index: index, codec: codec,
                                                               sampleRate: Int(parameters.pointee.sample_rate),
                                                               channels: Int(parameters.pointee.ch_layout.nb_channels)))
            default:
                break
            }
            if info.timecode == nil { info.timecode = timecode(in: stream.pointee.metadata) }
        }
        if let found = timecode(in: context.pointee.metadata) { info.timecode = found }
        return info
    }
}
