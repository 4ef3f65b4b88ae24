import ArgumentParser
import ReelCore

/// What `soak`, `bench` and `render` share to open a picture and size their cache: the core's
/// openers (`PictureSource`, `Picture`), their errors as the command's one line and exit status 1.
enum SequenceSetup {
    /// The sequence at `path` and its frame size (nil when no frame's header can be read: it
    /// still plays, the viewer saying why).
    static func picture(at path: String) throws -> PictureSource {
        do {
            return try PictureSource(path: path)
        } catch {
            throw fail(error.description)
        }
    }

    /// The picture at `path`: a sequence or a movie.
    static func openPicture(at path: String) throws -> Picture {
        do {
            return try Picture(path: path)
        } catch {
            throw fail(error.description)
        }
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
