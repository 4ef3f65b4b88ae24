#if canImport(Glibc)
import Glibc
#endif
import ReelCore
import ReelTUI

extension RenderBench {
    /// `--graphics kitty|sixel|iterm`: the pattern fitted to `--pixels` and encoded as one image a
    /// frame, as the player sends it: thread CPU and bytes per frame, beside the bytes of raw RGB
    /// in base64 (what mpv's vo=kitty sends).
    func runImages(_ mode: GraphicsMode, frames images: [RGBImage]) {
        let medium: KittyEncoder.Medium = mode == .kitty && kitty == .shm ? .sharedMemory(prefix: "/reel-bench-\(getpid())") : .direct
        let placer = ImagePlacer(encoder: PictureEncoder(mode: mode, kittyPassthrough: mode == .kitty && kitty == .tmux, kittyMedium: medium))
        defer { _ = placer.removeAll() }
        // Placeholders cover the picture's cells (of 10 × 20 pixels, Reel's guess where the
        // terminal says none), written by the presenter: their bytes count too.
        let cell = (width: 10, height: 20)
        var viewer = CellGrid(width: (images[0].width + 9) / 10, height: (images[0].height + 19) / 20)
        viewer.fill(Rect(x: 0, y: 0, width: viewer.width, height: viewer.height), with: .underPicture)
        func send(_ image: RGBImage, frame: Int) -> Int {
            let identity = ImagePlacer.Identity(file: 0, frame: frame, column: 0, row: 0, width: image.width, height: image.height)
            var count = placer.place(image, identity: identity, cell: cell).count
            if let marks = placer.placeholders { count += CursesPresenter.placeholderText(marks, over: viewer).count }
            return count
        }
        _ = send(images[0], frame: -1)
        var bytes = 0
        let start = MonotonicClock.threadCPU()
        for (index, image) in images.enumerated() {
            bytes += send(image, frame: index)
        }
        let cpu = (MonotonicClock.threadCPU() - start) / Double(images.count)
        let perFrame = bytes / images.count
        let image = images[0]
        let rawBase64 = (image.width * image.height * 3 + 2) / 3 * 4
        let share = Double(perFrame) / Double(rawBase64)
        if json {
            printLine(JSONLine.encode([
                ("bench", .string("render")), ("graphics", .string(mode.rawValue)),
                ("kitty", .string(mode == .kitty ? kitty.rawValue : "")), ("width_px", .int(image.width)),
                ("height_px", .int(image.height)), ("frames", .int(images.count)),
                ("cpu_ms_per_frame", .double(round3(cpu * 1000))), ("bytes_per_frame", .int(perFrame)),
                ("raw_rgb_base64_bytes", .int(rawBase64)), ("share_of_raw", .double(round3(share))),
            ]))
        } else {
            let how = mode == .kitty ? " --kitty \(kitty.rawValue)" : ""
            printLine("render --graphics \(mode.rawValue)\(how): \(images.count) frames of a moving 1280×720 pattern at \(image.width)×\(image.height) pixels")
            printLine("  CPU per frame (encode): \(round3(cpu * 1000)) ms; bytes per frame: \(perFrame)")
            printLine("  raw RGB in base64 would be \(rawBase64) bytes: this is \(round3(share * 100)) % of it")
        }
    }
}
