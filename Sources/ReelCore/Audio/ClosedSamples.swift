/// What a closed analysis or sound player keeps in place of its reader: the same description,
/// nothing to read. Putting it there lets the real reader go (its file, decoder and buffers)
/// when the owner closes rather than when the owner is freed.
///
/// Immutable; safe from any thread.
final class ClosedSamples: SampleReader {
    let path: String
    let info: AudioInfo

    init(replacing reader: any SampleReader) {
        path = reader.path
        info = reader.info
    }

    func read(into buffer: UnsafeMutablePointer<Float>, frames: Int) -> Int { 0 }

    func seek(toFrame frame: Int) -> Bool { false }
}
