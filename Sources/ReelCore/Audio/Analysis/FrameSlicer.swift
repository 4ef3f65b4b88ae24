/// Cuts a stream of interleaved sample blocks into STFT frames of `size` samples every `hop`,
/// per analysed channel (each source channel, or their mix), and hands each frame over as
/// consecutive floats, however the blocks fall.
///
/// Not thread-safe. Holds at most `size + blockFrames` samples per analysed channel, counted in
/// `AudioMemory`. Frame `j` starts at sample frame `firstStart + j × hop`; samples before 0 are
/// zeros, and `finish` pads with zeros after the end.
final class FrameSlicer {
    enum Channels: Equatable {
        /// Every source channel apart.
        case separate(Int)
        /// The mean of `n` source channels, as one.
        case mix(Int)

        var analysed: Int {
            switch self {
            case .separate(let count): return count
            case .mix: return 1
            }
        }

        var source: Int {
            switch self {
            case .separate(let count), .mix(let count): return count
            }
        }
    }

    let size: Int
    let hop: Int
    let channels: Channels
    /// Per analysed channel, samples from absolute frame `pendingStart` on.
    private let pending: AudioBuffer<Float>
    private let capacity: Int
    private var pendingStart: Int
    private var pendingCount = 0
    /// Where the next frame starts.
    private(set) var nextStart: Int

    /// `firstStart` may be negative (a frame centred on the first sample starts `size / 2` before
    /// it); the slicer then puts zeros before the stream's first sample, which is frame `streamStart`.
    init(size: Int, hop: Int, channels: Channels, firstStart: Int, streamStart: Int, blockFrames: Int) {
        self.size = size
        self.hop = max(1, hop)
        self.channels = channels
        capacity = size + blockFrames
        pending = AudioBuffer(capacity: capacity * channels.analysed, repeating: 0)
        nextStart = firstStart
        pendingStart = min(firstStart, streamStart)
        // Zeros between the first frame's start and the stream's first sample.
        pendingCount = streamStart - pendingStart
        precondition(pendingCount <= capacity, "a frame starts more than one block before the stream")
    }

    var byteCount: Int { pending.byteCount }

    /// Adds `frameCount` interleaved frames and calls `frame(start, channel, samples)` for every
    /// frame now complete, in order.
    func feed(_ samples: UnsafePointer<Float>, frameCount: Int,
              frame: (_ start: Int, _ channel: Int, _ samples: UnsafePointer<Float>) -> Void) {
        var offset = 0
        while offset < frameCount {
            dropBeforeNextStart()
            let room = capacity - pendingCount
            let take = min(room, frameCount - offset)
            copy(samples + offset * channels.source, frames: take)
            offset += take
            emitComplete(frame)
        }
    }

    /// Ends the stream: frames that start before `end` are completed with zeros.
    func finish(end: Int, frame: (_ start: Int, _ channel: Int, _ samples: UnsafePointer<Float>) -> Void) {
        while nextStart < end {
            dropBeforeNextStart()
            let pad = min(capacity - pendingCount, nextStart + size - (pendingStart + pendingCount))
            for channel in 0..<channels.analysed {
                (pending.pointer + channel * capacity + pendingCount).initialize(repeating: 0, count: max(0, pad))
            }
            pendingCount += max(0, pad)
            emitComplete(frame)
        }
    }

    private func emitComplete(_ frame: (_ start: Int, _ channel: Int, _ samples: UnsafePointer<Float>) -> Void) {
        while nextStart >= pendingStart, nextStart + size <= pendingStart + pendingCount {
            for channel in 0..<channels.analysed {
                frame(nextStart, channel, pending.pointer + channel * capacity + (nextStart - pendingStart))
            }
            nextStart += hop
        }
    }

    /// Forgets samples no future frame needs, keeping the rest at the front.
    private func dropBeforeNextStart() {
        let drop = min(max(0, nextStart - pendingStart), pendingCount)
        guard drop > 0 else { return }
        let keep = pendingCount - drop
        for channel in 0..<channels.analysed {
            let base = pending.pointer + channel * capacity
            if keep > 0 { base.update(from: base + drop, count: keep) }
        }
        pendingStart += drop
        pendingCount = keep
        // A hop longer than a frame skips samples no frame covers: they are dropped as they come.
    }

    private func copy(_ samples: UnsafePointer<Float>, frames: Int) {
        // Samples before the next frame's start (a hop longer than the frame) are never kept.
        let skip = pendingCount == 0 ? min(frames, max(0, nextStart - pendingStart)) : 0
        if skip > 0 { pendingStart += skip }
        let source = channels.source
        switch channels {
        // Every sample through `SampleGuard`: a NaN would make its whole FFT frame NaN, and
        // with it every column that frame overlaps.
        case .separate(let count):
            for channel in 0..<count {
                let base = pending.pointer + channel * capacity + pendingCount
                for index in skip..<frames { base[index - skip] = SampleGuard.analysable(samples[index * source + channel]) }
            }
        case .mix(let count):
            let base = pending.pointer + pendingCount
            let scale = 1 / Float(count)
            for index in skip..<frames {
                var sum: Float = 0
                for channel in 0..<count { sum += SampleGuard.analysable(samples[index * source + channel]) }
                base[index - skip] = sum * scale
            }
        }
        pendingCount += frames - skip
    }
}
