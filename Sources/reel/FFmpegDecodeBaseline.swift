import Foundation
import ReelCore

/// The baseline `reel bench decode` holds a movie's decoding to: the ffmpeg command decoding
/// the whole movie and scaling it to the same size as RGBA
/// (`ffmpeg -threads T -i MOVIE -vf scale=W:H -pix_fmt rgba -f null -`), timed by the wall clock.
enum FFmpegDecodeBaseline {
    /// Seconds ffmpeg took; nil when there is no ffmpeg command or it failed.
    static func seconds(media: String, threads: Int, width: Int, height: Int) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg", "-nostdin", "-loglevel", "error", "-threads", String(threads), "-i", media,
                             "-an", "-vf", "scale=\(width):\(height)", "-pix_fmt", "rgba", "-f", "null", "-"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = MonotonicClock.now()
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let seconds = MonotonicClock.now() - start
        return process.terminationStatus == 0 ? seconds : nil
    }
}
