import Foundation
import ReelTestSupport
@testable import ReelCore

/// Movies made for the tests with the ffmpeg command (Debian's package ffmpeg), and ffmpeg's own
/// decode of a frame: the reference Reel's decoder is held to.
enum MovieFixture {
    /// Runs ffmpeg with `arguments`; its standard output, or nil when it failed.
    static func ffmpeg(_ arguments: [String]) -> Data? {
        guard let result = try? ChildProcess.run(["/usr/bin/ffmpeg", "-nostdin", "-loglevel", "error", "-y"] + arguments),
              result.status == 0 else { return nil }
        return result.stdout
    }

    /// A movie of `frames` frames of ffmpeg's moving test pattern at 24 fps, `width` × `height`,
    /// with `codec` arguments (H.264 with GOPs of 48 and B-frames by default) and a tone of AAC.
    static func make(_ path: String, frames: Int = 240, width: Int = 160, height: Int = 96,
                     codec: [String] = ["-c:v", "libx264", "-g", "48", "-bf", "2", "-pix_fmt", "yuv420p", "-preset", "ultrafast"],
                     audio: Bool = true) -> Bool {
        var arguments = ["-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=24:duration=\(Double(frames) / 24)"]
        if audio { arguments += ["-f", "lavfi", "-i", "sine=frequency=440:duration=\(Double(frames) / 24)"] }
        arguments += codec + (audio ? ["-c:a", "aac", "-shortest"] : []) + ["-frames:v", String(frames), path]
        return ffmpeg(arguments) != nil
    }

    /// Frame `number` (1-based) as ffmpeg decodes it, RGB at its own size.
    static func reference(_ path: String, frame number: Int, width: Int, height: Int) -> RGBImage? {
        guard let data = ffmpeg(["-i", path, "-vf", "select=eq(n\\,\(number - 1))", "-vsync", "0", "-frames:v", "1",
                                 "-pix_fmt", "rgb24", "-f", "rawvideo", "-"]),
              data.count == width * height * 3 else { return nil }
        return RGBImage(width: width, height: height, pixels: [UInt8](data))
    }

    /// Peak signal-to-noise ratio of two pictures of one size (dB; infinite when equal).
    static func psnr(_ a: RGBImage, _ b: RGBImage) -> Double {
        guard a.width == b.width, a.height == b.height else { return 0 }
        var sum = 0.0
        for i in 0..<a.pixels.count {
            let d = Double(a.pixels[i]) - Double(b.pixels[i])
            sum += d * d
        }
        let mse = sum / Double(a.pixels.count)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }
}
