/// A fixed-capacity buffer of `Element`s for audio work, counted in `AudioMemory` from allocation
/// to deinit, so the audio side's memory is known exactly and goes to zero when released.
///
/// Owns its memory (freed on deinit). Not thread-safe: one owner at a time, or a lock around it.
/// Aligned to 64 bytes, as FFTW's SIMD code wants of every array a plan runs on.
final class AudioBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let capacity: Int

    init(capacity: Int, repeating value: Element) {
        precondition(capacity >= 0)
        self.capacity = capacity
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, capacity) * MemoryLayout<Element>.stride, alignment: Self.alignment)
        pointer = raw.initializeMemory(as: Element.self, repeating: value, count: max(1, capacity))
        AudioMemory.add(byteCount)
    }

    deinit {
        pointer.deallocate()
        AudioMemory.add(-byteCount)
    }

    static var alignment: Int { 64 }

    var byteCount: Int { max(1, capacity) * MemoryLayout<Element>.stride }

    subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: pointer, count: capacity) }
}
