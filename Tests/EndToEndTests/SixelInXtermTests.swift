import Foundation
import GraphicsSupport
import ReelCore
import Testing

/// The player in a real sixel terminal: `xterm -ti vt340` on a virtual X display (Xvfb), its
/// window read back with ImageMagick's `import`, and the picture region compared with the frame.
/// Xvfb and xterm run in a tmux session of their own, so the test holds no child itself.
@Suite struct SixelInXtermTests {
    @Test func xtermShowsTheFrameAsReelSentIt() async throws {
        let folder = NSTemporaryDirectory() + "reel-xterm-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "2", "--size", "1280x720", "--name", "shot"])
        #expect(made.status == 0, "\(made.stderr)")
        // A display nobody has.
        var display = 0
        repeat { display = Int.random(in: 200..<900) } while FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(display)")
        let stats = folder + "/stats.jsonl"
        let log = StatsLog(path: stats)
        let tmux = try await Tmux(width: 80, height: 24)
        // No window manager: the window is at the screen's corner, and -b 0 leaves no border.
        try await tmux.type("Xvfb :\(display) -screen 0 1024x768x24 -nolisten tcp 2>/dev/null & echo $! > '\(folder)/xvfb.pid'; "
            + "until xdpyinfo -display :\(display) >/dev/null 2>&1; do sleep 0.1; done; "
            + "DISPLAY=:\(display) xterm -ti vt340 -geometry 100x32+0+0 -b 0 -e '\(Shell.reel)' --paused --graphics auto "
            + "--stats-file '\(stats)' '\(folder)/shot.####.png' 2>/dev/null")
        defer {
            if let pid = try? String(contentsOfFile: folder + "/xvfb.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
               let number = Int32(pid) {
                kill(number, SIGTERM)
            }
        }
        // Detected as sixel (DA1 said 4) and placed once it was decoded.
        let placed = try await log.waitFor(seconds: 60) { ($0["pictures_sent"] as? Int ?? 0) >= 1 && $0["picture_px"] != nil }.line
        let rect = try #require(placed["picture_px"] as? [Int])
        #expect(rect.count == 4)
        let (x, y, width, height) = (rect[0], rect[1], rect[2], rect[3])
        #expect(width >= 500, "the picture is sized in xterm's pixels, not cells: \(rect)")
        #expect((placed["terminal_image_bytes"] as? Int) == width * height * 4)
        // What the X server shows.
        let shot = folder + "/screen.png"
        let taken = try await Shell.run(["import", "-display", ":\(display)", "-window", "root", shot])
        #expect(taken.status == 0, "\(taken.stderr)")
        let screen = try PNGDecoder.decode(path: shot)
        var region = [UInt8](repeating: 0, count: width * height * 3)
        for row in 0..<height {
            for column in 0..<width {
                let from = ((y + row) * screen.width + x + column) * 4
                for c in 0..<3 { region[(row * width + column) * 3 + c] = screen.pixels[from + c] }
            }
        }
        let frame = RenderLikeFrames(width: 1280, height: 720, count: 2, name: "shot").picture(frame: 1)
        let quality = try #require(psnr(RGBImage(width: width, height: height, pixels: region), boxScaled(frame, width: width, height: height)))
        #expect(quality >= 24, "xterm's picture against the frame: \(quality) dB")
    }
}
