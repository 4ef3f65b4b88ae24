import ReelCore
#if canImport(Glibc)
import Glibc
#endif

/// `--stats-file PATH`: the memory figures as JSON lines, one per sample, under the same keys as
/// `reel soak --json`, plus where playback is (frame, work_area, playing, file) and what the screen has done
/// (presented, redraws, repaint_pending, analysing: see `ScreenCounters`), and with an image
/// protocol which one (graphics, and for kitty its transmission: shm or direct) and its pictures (pictures_sent, terminal_image_bytes, link_bytes_per_second,
/// link_skipped, picture_px, cell_px).
///
/// Owns its file descriptor (`open`, `write`, `close`); each line is written whole with one
/// `write`, so a script tailing the file never reads half a line. Not thread-safe.
public final class StatsFile {
    private let fd: Int32
    public let path: String

    /// Creates (or empties) `path`; throws a line for the user when it cannot.
    public init(path: String) throws(StatsFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// The line for one moment.
    static func line(_ stats: MemoryStats, time: Double, frame: Int, workArea: ClosedRange<Int>, playing: Bool,
                     file: String, screen: ScreenCounters = ScreenCounters()) -> String {
        var fields: [(key: String, value: JSONLine.Value)] = [("time", .double((time * 1000).rounded() / 1000))]
        fields += stats.fields.map { ($0.key, .int($0.value)) }
        fields += [("frame", .int(frame)), ("work_area", .ints([workArea.lowerBound, workArea.upperBound])),
                   ("playing", .bool(playing)), ("file", .string(file)),
                   ("presented", .int(screen.presented)), ("redraws", .int(screen.redraws)),
                   ("repaint_pending", .bool(screen.repaintPending)), ("analysing", .bool(screen.analysing))]
        if let graphics = screen.graphics { fields.append(("graphics", .string(graphics))) }
        if let transmission = screen.kittyTransmission { fields.append(("transmission", .string(transmission))) }
        if let picture = screen.picturePixels {
            fields += [("pictures_sent", .int(screen.picturesSent)), ("terminal_image_bytes", .int(screen.terminalImageBytes)),
                       ("link_bytes_per_second", .int(screen.linkBytesPerSecond)), ("link_skipped", .int(screen.linkSkipped)),
                       ("picture_px", .ints(picture)), ("cell_px", .ints(screen.cellPixels ?? []))]
        } else if screen.picturesSent > 0 {
            fields += [("pictures_sent", .int(screen.picturesSent)), ("terminal_image_bytes", .int(screen.terminalImageBytes))]
        }
        return JSONLine.encode(fields)
    }

    /// Appends `line` and a newline.
    public func write(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

/// Why the stats file cannot be written.
public enum StatsFileError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot write the stats file \(path): \(reason)"
        }
    }
}
