import ReelCore
import ReelTUI

extension RenderBench {
    /// `--graphics kitty|sixel|iterm`: the pattern fitted to `--pixels` and encoded as one image a
    /// frame, as the player sends it: thread CPU and bytes per frame, beside the bytes of raw RGB
    /// in base64 (what mpv's vo=kitty sends).
    func runImages(_ mode: GraphicsMode, frames images: [RGBImage]) {
        let encoder = PictureEncoder(mode: mode)
        _ = encoder.encode(images[0], kittyID: 1)
        var bytes = 0
        let start = MonotonicClock.threadCPU()
        for (index, image) in images.enumerated() {
            bytes += encoder.encode(image, kittyID: UInt32(1 + index % 2)).count
        }
        let cpu = (MonotonicClock.threadCPU() - start) / Double(images.count)
        let perFrame = bytes / images.count
        let image = images[0]
        let rawBase64 = (image.width * image.height * 3 + 2) / 3 * 4
        let share = Double(perFrame) / Double(rawBase64)
        if json {
            printLine(JSONLine.encode([
                ("bench", .string("render")), ("graphics", .string(mode.rawValue)), ("width_px", .int(image.width)),
                ("height_px", .int(image.height)), ("frames", .int(images.count)),
                ("cpu_ms_per_frame", .double(round3(cpu * 1000))), ("bytes_per_frame", .int(perFrame)),
                ("raw_rgb_base64_bytes", .int(rawBase64)), ("share_of_raw", .double(round3(share))),
            ]))
        } else {
            printLine("render --graphics \(mode.rawValue): \(images.count) frames of a moving 1280×720 pattern at \(image.width)×\(image.height) pixels")
            printLine("  CPU per frame (encode): \(round3(cpu * 1000)) ms; bytes per frame: \(perFrame)")
            printLine("  raw RGB in base64 would be \(rawBase64) bytes: this is \(round3(share * 100)) % of it")
        }
    }
}
