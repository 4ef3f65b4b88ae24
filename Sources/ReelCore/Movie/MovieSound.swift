import CAVCodec
import CAVFormat
import CAVUtil
import CSwresample

/// The sound of a movie (or of an audio file only FFmpeg reads) as a `SampleReader`: the file's
/// best audio stream decoded (through `StreamDecoder`) and converted to interleaved float at its
/// own rate and channels (libswresample: `swr_alloc_set_opts2`, `swr_convert`, `swr_free`).
///
/// Sample frame 0 is at the picture's first timestamp when the file has a picture (so sound and
/// frames line up as they do in the file), else at the sound's (or at 0, when the sound's starts
/// before it). A seek goes to the packet a decoder's pre-roll before the frame asked for and
/// drops the samples before it, so reading after `seek(toFrame: n)` starts at sample frame n
/// exactly; sound that starts late is preceded by silence. Owns its own open file, decoder and
/// converter (the picture's decoder has its own), frees them on deinit. Not thread-safe: one
/// thread reads at a time.
public final class MovieSound: SampleReader, @unchecked Sendable {
    public let path: String
    public let info: AudioInfo
    private let file: MovieFile
    private let stream: StreamDecoder
    private var converter: OpaquePointer?
    /// The input the converter was made for: sample format, rate and channel count.
    private var converterInput: (format: Int32, rate: Int32, channels: Int32)?
    /// Converted samples not read yet: `pending[pendingStart..<pendingEnd]` in floats.
    private var pending: AudioBuffer<Float>
    private var pendingStart = 0
    private var pendingEnd = 0
    /// The sample frame the next read starts at.
    private var position = 0
    /// The next decoded frame is placed by its timestamp (at the start and after a seek).
    private var aligning = true
    /// Silent sample frames to give before `pending`.
    private var silence = 0
    private var ended = false
    /// Seconds of the stream's time line that are sample frame 0.
    private let origin: Double
    /// Sample frames decoded and dropped before the one a seek asks for.
    private let prerollFrames: Int

    /// Opens the best audio stream of `path`.
    public init(path: String) throws(MediaError) {
        file = try MovieFile(path: path, findingEnd: false)
        guard let best = file.info.audioStreams.first else { throw .badAudio(path: path, reason: "no audio stream") }
        stream = try StreamDecoder(file: file, stream: best.index, threaded: false)
        let codec = stream.codec.pointee
        guard codec.sample_rate > 0, codec.ch_layout.nb_channels > 0 else {
            throw .badAudio(path: path, reason: "its audio stream claims \(codec.ch_layout.nb_channels) channels at \(codec.sample_rate) Hz")
        }
        self.path = path
        let rate = Int(codec.sample_rate)
        let seconds = file.duration(ofStream: best.index)
        let encoding = avcodec_descriptor_get(codec.codec_id).map { String(cString: $0.pointee.long_name) } ?? best.codec
        info = AudioInfo(sampleRate: rate, channels: Int(codec.ch_layout.nb_channels), frames: Int((seconds * Double(rate)).rounded()),
                         format: file.info.container, encoding: encoding)
        pending = AudioBuffer(capacity: 4096 * info.channels, repeating: 0)
        if let video = file.info.videoStream {
            origin = file.seconds(ticks: file.startTicks(ofStream: video), ofStream: video)
        } else {
            // Sound before 0 (Opus's pre-skip in Matroska) is the encoder's priming, not to be heard.
            origin = max(0, file.seconds(ticks: file.startTicks(ofStream: best.index), ofStream: best.index))
        }
        // A decoder starts clean only this far before where it was sought to (MDCT overlap, Opus's pre-roll).
        let preroll = Int(stream.codec.pointee.seek_preroll)
        prerollFrames = max(preroll, rate / 10)
    }

    deinit {
        swr_free(&converter)
    }

    public func read(into buffer: UnsafeMutablePointer<Float>, frames: Int) -> Int {
        let channels = info.channels
        var done = 0
        while done < frames {
            if silence > 0 {
                let count = min(frames - done, silence)
                (buffer + done * channels).update(repeating: 0, count: count * channels)
                silence -= count
                done += count
                position += count
                continue
            }
            if pendingStart == pendingEnd {
                guard !ended, decodeNext() else { break }
                continue
            }
            let count = min(frames - done, (pendingEnd - pendingStart) / channels)
            (buffer + done * channels).update(from: pending.pointer + pendingStart, count: count * channels)
            pendingStart += count * channels
            done += count
            position += count
        }
        return done
    }

    @discardableResult
    public func seek(toFrame frame: Int) -> Bool {
        let target = max(0, frame)
        let base = stream.timeBase
        // Near the start, the stream's first packet: a decoder's priming is skipped only from there.
        let seconds = target < prerollFrames ? min(origin, file.seconds(ticks: file.startTicks(ofStream: stream.index), ofStream: stream.index)) - 1
                                             : origin + Double(target - prerollFrames) / Double(info.sampleRate)
        let ticks = Int64((seconds * Double(base.den) / Double(max(1, base.num))).rounded(.down))
        do {
            try file.seek(stream: stream.index, toTicks: ticks)
        } catch {
            return false
        }
        stream.flush()
        swr_free(&converter)
        converterInput = nil
        pendingStart = 0
        pendingEnd = 0
        ended = false
        silence = 0
        aligning = true
        position = target
        return true
    }

    /// Decodes the next frame into `pending`, placed by its timestamp when aligning (the samples
    /// before `position` dropped, a gap before it made silence); false at the end.
    private func decodeNext() -> Bool {
        let decoded: Bool
        do { decoded = try stream.next() } catch { decoded = false }
        guard decoded, convert() else {
            ended = true
            return false
        }
        guard aligning, let start = stream.frameTicks.map(sampleFrame(ticks:)) else { return true }
        let count = (pendingEnd - pendingStart) / info.channels
        if start < position {
            let dropped = min(count, position - start)
            pendingStart += dropped * info.channels
            // A frame wholly before the position: the next one is placed too.
            if dropped < count { aligning = false }
        } else {
            silence = start - position
            aligning = false
        }
        return true
    }

    /// Converts `stream.frame` into `pending` as interleaved float; false when it cannot.
    private func convert() -> Bool {
        let frame = stream.frame
        let input = (format: frame.pointee.format, rate: frame.pointee.sample_rate, channels: frame.pointee.ch_layout.nb_channels)
        if converterInput.map({ $0 != input }) ?? true {
            swr_free(&converter)
            var outLayout = AVChannelLayout()
            av_channel_layout_default(&outLayout, Int32(info.channels))
            defer { av_channel_layout_uninit(&outLayout) }
            var inLayout = AVChannelLayout()
            if av_channel_layout_copy(&inLayout, &frame.pointee.ch_layout) < 0 || inLayout.order == AV_CHANNEL_ORDER_UNSPEC {
                av_channel_layout_uninit(&inLayout)
                av_channel_layout_default(&inLayout, input.channels)
            }
            defer { av_channel_layout_uninit(&inLayout) }
            guard swr_alloc_set_opts2(&converter, &outLayout, AV_SAMPLE_FMT_FLT, Int32(info.sampleRate), &inLayout,
                                      AVSampleFormat(rawValue: input.format), input.rate, 0, nil) >= 0,
                  swr_init(converter) >= 0 else {
                swr_free(&converter)
                return false
            }
            converterInput = input
        }
        let outCount = Int(swr_get_out_samples(converter, frame.pointee.nb_samples))
        if outCount * info.channels > pending.capacity {
            pending = AudioBuffer(capacity: outCount * info.channels, repeating: 0)
        }
        var out: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(pending.pointer).assumingMemoryBound(to: UInt8.self)
        let source = UnsafeMutableRawPointer(frame.pointee.extended_data).map { $0.assumingMemoryBound(to: UnsafePointer<UInt8>?.self) }
        let converted = swr_convert(converter, &out, Int32(outCount), source, frame.pointee.nb_samples)
        guard converted >= 0 else { return false }
        pendingStart = 0
        pendingEnd = Int(converted) * info.channels
        return true
    }

    /// The sample frame at `ticks` of the stream's time base.
    private func sampleFrame(ticks: Int64) -> Int {
        Int(((file.seconds(ticks: ticks, ofStream: stream.index) - origin) * Double(info.sampleRate)).rounded())
    }
}
