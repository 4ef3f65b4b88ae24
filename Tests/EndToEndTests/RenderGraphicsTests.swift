import Foundation
import GraphicsSupport
import ReelCore
import Testing

/// `reel render FRAME --graphics kitty|sixel|iterm`: the image on stdout, read back by a terminal
/// written apart from Reel and compared with the frame scaled by a box filter of its own.
@Suite struct RenderGraphicsTests {
    /// A 640×360 render-like frame (grain, gradients), and the folder it is in.
    static func frame() async throws -> (folder: String, path: String, source: RGBImage) {
        let folder = NSTemporaryDirectory() + "reel-graphics-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let made = try await Shell.run([Shell.reel, "make-frames", folder, "--count", "1", "--size", "640x360", "--name", "shot"])
        #expect(made.status == 0, "\(made.stderr)")
        let path = folder + "/shot.0001.png"
        let rgba = try PNGDecoder.decode(path: path)
        var rgb = [UInt8](repeating: 0, count: rgba.width * rgba.height * 3)
        for p in 0..<(rgba.width * rgba.height) {
            for c in 0..<3 { rgb[p * 3 + c] = rgba.pixels[p * 4 + c] }
        }
        return (folder, path, RGBImage(width: rgba.width, height: rgba.height, pixels: rgb))
    }

    @Test(arguments: [("kitty", 32.0), ("iterm", 32.0), ("sixel", 24.0)])
    func theImageIsTheFrameAtTheSizeAsked(graphics: String, limit: Double) async throws {
        let (folder, path, source) = try await Self.frame()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await Shell.run([Shell.reel, "render", path, "--graphics", graphics, "--width", "320", "--height", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let terminal = GraphicsTerminal()
        terminal.feed(Array(result.stdout.utf8))
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        let shown = try #require(terminal.shown.first)
        #expect(terminal.shown.count == 1)
        // Fitted into 320×200 with its aspect kept: 320×180.
        #expect(shown.image.width == 320 && shown.image.height == 180)
        let quality = try #require(psnr(shown.image, boxScaled(source, width: 320, height: 180)))
        #expect(quality >= limit, "\(graphics): \(quality) dB")
    }

    @Test func finerSymbolsPrintTheirCharacters() async throws {
        let (folder, path, _) = try await Self.frame()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sextants = try await Shell.run([Shell.reel, "render", path, "--symbols", "sextant", "--width", "40", "--height", "12"])
        #expect(sextants.status == 0, "\(sextants.stderr)")
        let lines = sextants.stdout.split(separator: "\n")
        #expect(lines.count == 12, "40 columns of a 16:9 frame at 2×4 pixels a cell: 80×45 pixels, 12 rows")
        #expect(sextants.stdout.unicodeScalars.contains { (0x1FB00...0x1FB3B).contains($0.value) })
        let half = try await Shell.run([Shell.reel, "render", path, "--width", "40", "--height", "12"])
        #expect(!half.stdout.unicodeScalars.contains { (0x1FB00...0x1FB3B).contains($0.value) })
    }

    @Test func anImageOfAnAudioFileIsRefusedInOneLine() async throws {
        let folder = NSTemporaryDirectory() + "reel-graphics-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try await Shell.run([Shell.reel, "make-audio", folder + "/a.wav", "--seconds", "1"])
        #expect(made.status == 0)
        let result = try await Shell.run([Shell.reel, "render", folder + "/a.wav", "--graphics", "kitty"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}
