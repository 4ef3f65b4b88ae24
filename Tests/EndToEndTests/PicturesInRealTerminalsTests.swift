import Foundation
import GraphicsSupport
import ReelCore
import Testing

/// The player in real terminals with pictures: `xterm -ti vt340` (sixel) and kitty on a virtual
/// X display (Xvfb), the screen read back with ImageMagick's `import`, and the picture region
/// compared with the frame. Xvfb and the terminal run in a tmux session of their own, so the
/// test holds no child itself.
@Suite struct PicturesInRealTerminalsTests {
    @Test func xtermShowsTheFrameAsReelSentIt() async throws {
        let quality = try await Self.pictureQuality(
            terminal: { display, reel in "DISPLAY=:\(display) env -u TMUX xterm -ti vt340 -geometry 100x32+0+0 -b 0 -e \(reel)" },
            protocol: "sixel", limit: 24)
        #expect(quality >= 24, "xterm's picture against the frame: \(quality) dB")
    }

    /// kitty runs under Xvfb with Mesa's software OpenGL.
    @Test func kittyShowsTheFrameAsReelSentIt() async throws {
        let quality = try await Self.pictureQuality(
            terminal: { display, reel in
                "DISPLAY=:\(display) LIBGL_ALWAYS_SOFTWARE=1 env -u TMUX kitty --config NONE -o remember_window_size=no "
                    + "-o initial_window_width=100c -o initial_window_height=32c -o window_padding_width=0 \(reel)"
            },
            protocol: "kitty", limit: 32)
        #expect(quality >= 32, "kitty's picture against the frame: \(quality) dB")
    }

    /// Plays a 1280×720 frame in the terminal `terminal(display, reel command)` starts on a
    /// display of its own (outside tmux: the terminal is not inside the tmux that hosts it),
    /// waits for the picture to be placed and then for the screen to show it (`limit` dB), waits for the picture, and compares what the X server shows where
    /// Reel placed it with the frame box-filtered to that size (PSNR, dB).
    static func pictureQuality(terminal: (Int, String) -> String, protocol name: String, limit: Double) async throws -> Double {
        let folder = NSTemporaryDirectory() + "reel-x11-" + UUID().uuidString
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
        // No window manager: the window is at the screen's corner, with no border.
        let reel = "'\(Shell.reel)' --paused --graphics auto --stats-file '\(stats)' '\(folder)/shot.####.png'"
        try await tmux.type("Xvfb :\(display) -screen 0 1024x768x24 -nolisten tcp 2>/dev/null & echo $! > '\(folder)/xvfb.pid'; "
            + "until xdpyinfo -display :\(display) >/dev/null 2>&1; do sleep 0.1; done; "
            + terminal(display, reel) + " 2>/dev/null")
        defer {
            if let pid = try? String(contentsOfFile: folder + "/xvfb.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
               let number = Int32(pid) {
                kill(number, SIGTERM)
            }
        }
        // Detected (kitty's query, or DA1's sixel) and placed once it was decoded.
        let placed = try await log.waitFor(seconds: 60) { ($0["pictures_sent"] as? Int ?? 0) >= 1 && $0["picture_px"] != nil }.line
        let rect = try #require(placed["picture_px"] as? [Int])
        #expect(rect.count == 4)
        let (x, y, width, height) = (rect[0], rect[1], rect[2], rect[3])
        #expect(width >= 500, "the picture is sized in the terminal's pixels, not cells: \(rect)")
        #expect((placed["terminal_image_bytes"] as? Int) == width * height * 4)
        #expect(placed["graphics"] as? String == name, "the back end the burst chose")
        if name == "kitty" {
            #expect(placed["transmission"] as? String == "shm", "kitty read the probe's shared memory: it is on this machine")
        }
        // What the X server shows, until it shows the picture: a terminal draws on its own
        // clock (kitty renders through OpenGL, in software here), after Reel has written.
        let frame = RenderLikeFrames(width: 1280, height: 720, count: 2, name: "shot").picture(frame: 1)
        let reference = boxScaled(frame, width: width, height: height)
        let shot = folder + "/screen.png"
        var best = -Double.infinity
        let deadline = Date().addingTimeInterval(30)
        repeat {
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
            best = max(best, try #require(psnr(RGBImage(width: width, height: height, pixels: region), reference)))
            if best >= limit { break }
            try await Task.sleep(nanoseconds: 200_000_000)
        } while Date() < deadline
        return best
    }
}
