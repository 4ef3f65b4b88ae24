import Synchronization

/// A single-producer, single-consumer ring of interleaved float samples between the thread that
/// decodes the sound file and the sound device's callback.
///
/// Lock-free: one thread writes, one reads, each moving only its own counter (atomics, so the
/// real-time callback never waits on a lock). `reset` only while neither side runs. Its storage
/// is counted in `AudioMemory`.
final class SampleRing: @unchecked Sendable {
    let capacity: Int
    /// nil once released.
    private var storage: AudioBuffer<Float>?
    /// Samples ever written and read; their difference is what the ring holds.
    private let written = Atomic<Int>(0)
    private let consumed = Atomic<Int>(0)

    /// A ring of at least `minimumCapacity` samples (rounded up to a power of two).
    init(minimumCapacity: Int) {
        var size = 1
        while size < minimumCapacity { size <<= 1 }
        capacity = size
        storage = AudioBuffer(capacity: size, repeating: 0)
    }

    var byteCount: Int { storage?.byteCount ?? 0 }

    /// Samples waiting to be read.
    var available: Int { written.load(ordering: .acquiring) - consumed.load(ordering: .acquiring) }

    /// Producer: copies as many of `count` samples as fit; returns how many.
    func write(_ source: UnsafePointer<Float>, count: Int) -> Int {
        guard let storage else { return 0 }
        let head = written.load(ordering: .relaxed)
        let tail = consumed.load(ordering: .acquiring)
        let room = capacity - (head - tail)
        let total = min(room, count)
        let start = head & (capacity - 1)
        let first = min(total, capacity - start)
        (storage.pointer + start).update(from: source, count: first)
        if total > first { storage.pointer.update(from: source + first, count: total - first) }
        written.store(head + total, ordering: .releasing)
        return total
    }

    /// Consumer: copies up to `count` samples out; returns how many.
    func read(into target: UnsafeMutablePointer<Float>, count: Int) -> Int {
        guard let storage else { return 0 }
        let tail = consumed.load(ordering: .relaxed)
        let head = written.load(ordering: .acquiring)
        let total = min(head - tail, count)
        let start = tail & (capacity - 1)
        let first = min(total, capacity - start)
        target.update(from: storage.pointer + start, count: first)
        if total > first { (target + first).update(from: storage.pointer, count: total - first) }
        consumed.store(tail + total, ordering: .releasing)
        return total
    }

    /// Frees the storage (reads and writes give nothing after it). Only once neither the producer
    /// nor the consumer runs again: when the sound player closes.
    func release() {
        storage = nil
    }

    /// Empties the ring. Only while neither the producer nor the consumer runs.
    func reset() {
        consumed.store(written.load(ordering: .acquiring), ordering: .releasing)
    }
}
