import CAVCodec
import CAVUtil

/// Counts one codec context's frame buffers (libavcodec's `get_buffer2`): each buffer the default
/// allocator (`avcodec_default_get_buffer2`) gives is wrapped in one of ours (`av_buffer_create`)
/// whose free callback knows its size, so the bytes alive are known exactly. FFmpeg's pool
/// allocates only when no buffer is free, so the most ever alive is what the pool holds: that
/// figure is what `DecoderMemory` counts, from the first frame until `release()`.
///
/// Thread-safe (a lock): a decoder's threads may allocate and free at once. Each wrapped buffer
/// keeps this object alive, so a frame freed after its decoder still counts down here.
final class DecoderBuffers: Sendable {
    private struct Count {
        var alive = 0
        var peak = 0
        var released = false
    }

    private let count = Locked(Count())

    /// Makes `codec` allocate its frames through this counter. Call before `avcodec_open2`.
    func install(on codec: UnsafeMutablePointer<AVCodecContext>) {
        codec.pointee.opaque = Unmanaged.passUnretained(self).toOpaque()
        codec.pointee.get_buffer2 = { context, frame, flags in
            let result = avcodec_default_get_buffer2(context, frame, flags)
            guard result >= 0, let context, let frame, let opaque = context.pointee.opaque else { return result }
            Unmanaged<DecoderBuffers>.fromOpaque(opaque).takeUnretainedValue().wrap(frame)
            return result
        }
    }

    /// Takes this decoder's pool off `DecoderMemory` (its codec context has been freed).
    func release() {
        let peak = count.withLock { count -> Int in
            guard !count.released else { return 0 }
            count.released = true
            return count.peak
        }
        DecoderMemory.add(-peak)
    }

    private func wrap(_ frame: UnsafeMutablePointer<AVFrame>) {
        withUnsafeMutablePointer(to: &frame.pointee.buf) { tuple in
            tuple.withMemoryRebound(to: UnsafeMutablePointer<AVBufferRef>?.self, capacity: 8) { buffers in
                for index in 0..<8 { buffers[index] = buffers[index].map(counted) }
            }
        }
        if let extended = frame.pointee.extended_buf {
            for index in 0..<Int(frame.pointee.nb_extended_buf) { extended[index] = extended[index].map(counted) }
        }
    }

    /// A reference to `original`'s data that counts its size while alive and unreferences
    /// `original` when it goes; `original` itself when no wrapper can be made.
    private func counted(_ original: UnsafeMutablePointer<AVBufferRef>) -> UnsafeMutablePointer<AVBufferRef> {
        let size = Int(original.pointee.size)
        let held = Unmanaged.passRetained(HeldBuffer(original: original, owner: self, size: size))
        guard let wrapper = av_buffer_create(original.pointee.data, original.pointee.size, { opaque, _ in
            guard let opaque else { return }
            let held = Unmanaged<HeldBuffer>.fromOpaque(opaque).takeRetainedValue()
            held.owner.add(-held.size)
            var original: UnsafeMutablePointer<AVBufferRef>? = held.original
            av_buffer_unref(&original)
        }, held.toOpaque(), 0) else {
            held.release()
            return original
        }
        add(size)
        return wrapper
    }

    private func add(_ bytes: Int) {
        let grown = count.withLock { count -> Int in
            count.alive += bytes
            guard count.alive > count.peak, !count.released else { return 0 }
            let grown = count.alive - count.peak
            count.peak = count.alive
            return grown
        }
        if grown > 0 { DecoderMemory.add(grown) }
    }
}

/// One wrapped frame buffer: the default allocator's reference, its counter and its size.
private final class HeldBuffer {
    let original: UnsafeMutablePointer<AVBufferRef>
    let owner: DecoderBuffers
    let size: Int

    init(original: UnsafeMutablePointer<AVBufferRef>, owner: DecoderBuffers, size: Int) {
        self.original = original
        self.owner = owner
        self.size = size
    }
}
