import ArgumentParser
import ReelCore

/// Opens a sequence for `play`, `soak` and `bench` the same way: finds it, reads its frame size,
/// and builds the frame cache and decode pool from the command's options.
struct SequenceSetup {
    let sequence: ImageSequence
    /// The sequence's frame size; nil when no frame's header can be read.
    let imageSize: FrameSize?
    /// Why no frame's header could be read (the first frame's reason), when none could.
    let sizeError: MediaError?

    /// Finds the sequence at `path`; a clear error and exit status 1 when there is none.
    init(path: String) throws {
        do {
            sequence = try SequenceScanner.find(path)
        } catch {
            throw fail(error.description)
        }
        // A sequence whose first frames are all broken still plays: the viewer shows why.
        do {
            let size = try MediaProbe.frameSize(of: sequence)
            imageSize = FrameSize(width: size.width, height: size.height)
            sizeError = nil
        } catch {
            imageSize = nil
            sizeError = error
        }
    }

    /// "no frame could be read", with the first frame's reason.
    var unreadableMessage: String {
        "\(sequence.displayName): no frame could be read (\(sizeError?.description ?? "no frame"))"
    }

    /// The cache budget in bytes for `--cache-mb` (nil: a quarter of memory, at most 4 GiB).
    static func cacheBudget(megabytes: Int?) -> Int {
        megabytes.map { $0 << 20 } ?? ProcessMemory.defaultCacheBudget()
    }

    /// Checks `--threads` and `--cache-mb`.
    static func validate(threads: Int?, cacheMB: Int?) throws {
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256") }
        if let cacheMB, !(1...(1 << 20)).contains(cacheMB) { throw ValidationError("--cache-mb must be between 1 and 1048576") }
    }
}

/// Reads `A-B` (`1-50`) as a range of frames.
func parseFrameRange(_ text: String) -> ClosedRange<Int>? {
    let parts = text.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b else { return nil }
    return a...b
}

/// Megabytes with one decimal, for people.
func megabytes(_ bytes: Int) -> String {
    let tenths = Int((Double(bytes) / 104_857.6).rounded())
    return "\(tenths / 10).\(abs(tenths % 10)) MB"
}
