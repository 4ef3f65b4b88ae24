import CAVCodec
import CAVFormat

/// Finds the last frame a movie really has, by its packets rather than its header: a file cut
/// short (a render or a copy that stopped) keeps a header promising every frame, and a duration
/// rounds to a frame count one off. Seeks near the end and reads packets, without decoding.
///
/// Stateless; uses the `MovieFile` it is given (and leaves it anywhere: its decoder seeks first).
enum MovieEnd {
    /// At most this many packets are read for one answer.
    static let packetLimit = 20_000

    /// The last frame of the unbroken run of frames whose packets can be read at the end of the
    /// file; nil when that cannot be known without reading the whole file (no index to seek with)
    /// or nothing can be read at all.
    static func lastFrame(of file: MovieFile, claimed: Int) -> Int? {
        guard let index = file.info.videoStream, let stream = file.stream(index),
              avformat_index_get_entries_count(stream) > 0 else { return nil }
        var allocated = av_packet_alloc()
        defer { av_packet_free(&allocated) }
        guard let packet = allocated else { return nil }
        if let found = run(of: file, stream: index, from: claimed, packet: packet) { return found }
        // Cut short: the last keyframe whose packets are there, by halves, then the frames after it.
        guard firstFrame(of: file, stream: index, from: 1, packet: packet) != nil else { return nil }
        var (readable, unreadable) = (1, claimed)
        while unreadable - readable > 1 {
            let middle = (readable + unreadable) / 2
            if firstFrame(of: file, stream: index, from: middle, packet: packet) != nil { readable = middle } else { unreadable = middle }
        }
        return run(of: file, stream: index, from: readable, packet: packet)
    }

    /// The frame of the first video packet read after seeking to frame `number`'s keyframe.
    private static func firstFrame(of file: MovieFile, stream: Int, from number: Int,
                                   packet: UnsafeMutablePointer<AVPacket>) -> Int? {
        guard (try? file.seek(toTicks: file.ticks(frame: number))) != nil else { return nil }
        for _ in 0..<packetLimit {
            guard file.read(into: packet) else { return nil }
            defer { av_packet_unref(packet) }
            if packet.pointee.stream_index == Int32(stream), let frame = frame(of: packet, in: file) { return frame }
        }
        return nil
    }

    /// From frame `number`'s keyframe to where reading stops: the last frame of the unbroken run
    /// read from the first (B-frames come out of order; a frame whose packet is missing ends it).
    private static func run(of file: MovieFile, stream: Int, from number: Int, packet: UnsafeMutablePointer<AVPacket>) -> Int? {
        guard (try? file.seek(toTicks: file.ticks(frame: number))) != nil else { return nil }
        var seen = Set<Int>()
        for _ in 0..<packetLimit {
            guard file.read(into: packet) else { break }
            defer { av_packet_unref(packet) }
            if packet.pointee.stream_index == Int32(stream), let frame = frame(of: packet, in: file) { seen.insert(frame) }
        }
        guard var last = seen.min() else { return nil }
        while seen.contains(last + 1) { last += 1 }
        return last
    }

    /// A whole packet's frame number (a packet cut off by the end of the file is not whole).
    private static func frame(of packet: UnsafeMutablePointer<AVPacket>, in file: MovieFile) -> Int? {
        guard packet.pointee.flags & AV_PKT_FLAG_CORRUPT == 0 else { return nil }
        let ticks = packet.pointee.pts != AVCall.noTimestamp ? packet.pointee.pts : packet.pointee.dts
        guard ticks != AVCall.noTimestamp else { return nil }
        // Frames before the first (an edit list's preroll) are not shown.
        let number = file.frameNumber(ticks: ticks)
        return number >= 1 ? number : nil
    }
}
