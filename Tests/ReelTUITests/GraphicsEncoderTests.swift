import GraphicsSupport
import ReelCore
import Testing
@testable import ReelTUI

/// The image protocols' encoders, read back by a terminal written apart from them.
@Suite struct GraphicsEncoderTests {
    /// A render-like picture: gradients, a glow and per-pixel grain, as footage has.
    static let picture = RenderLikeFrames(width: 320, height: 180, count: 1).picture(frame: 7)

    @Test(arguments: [true, false])
    func kittyCarriesThePixelsExactly(compressed: Bool) throws {
        let bytes = KittyEncoder(compressed: compressed).place(Self.picture, id: 7)
        let terminal = GraphicsTerminal()
        terminal.feed(bytes)
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        let shown = try #require(terminal.shown.first)
        #expect(shown.kind == .kitty(id: 7))
        #expect(shown.image == Self.picture)
        #expect(terminal.liveKittyImages == [7: 320 * 180 * 4])
        // Chunked: every command but the last carries the protocol's full 4096 bytes.
        let payloads = Self.kittyPayloadLengths(bytes)
        #expect(payloads.count > 1)
        #expect(payloads.dropLast().allSatisfy { $0 == 4096 })
        #expect((1...4096).contains(payloads.last ?? 0))
    }

    /// The payload length of each APC command in `bytes`.
    static func kittyPayloadLengths(_ bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x1B, bytes[i + 1] == UInt8(ascii: "_") else {
                i += 1
                continue
            }
            var end = i + 2
            while end + 1 < bytes.count, !(bytes[end] == 0x1B && bytes[end + 1] == UInt8(ascii: "\\")) { end += 1 }
            let body = bytes[(i + 2)..<end]
            lengths.append(body.firstIndex(of: UInt8(ascii: ";")).map { end - $0 - 1 } ?? 0)
            i = end + 2
        }
        return lengths
    }

    @Test func kittyCompressesRenderLikeFramesWell() {
        let raw = KittyEncoder(compressed: false).place(Self.picture, id: 1).count
        let deflated = KittyEncoder(compressed: true).place(Self.picture, id: 1).count
        // Grain costs deflate most of its gain; what remains is still well under raw base64.
        #expect(deflated < raw)
    }

    @Test func kittyDeletesFreeTheImage() {
        let terminal = GraphicsTerminal()
        terminal.feed(KittyEncoder().place(Self.picture, id: 3))
        terminal.feed(KittyEncoder().delete(id: 3))
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        #expect(terminal.liveKittyImages.isEmpty)
        #expect(terminal.deletedKittyIDs == [3])
    }

    @Test func sixelStaysCloseToThePicture() throws {
        let encoder = SixelEncoder(colours: 256)
        let terminal = GraphicsTerminal()
        terminal.feed(encoder.encode(Self.picture))
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        let shown = try #require(terminal.shown.first)
        #expect(shown.kind == .sixel)
        let quality = try #require(psnr(shown.image, Self.picture))
        #expect(quality >= 30, "median cut over 256 registers: \(quality) dB")
    }

    @Test func sixelWithSixteenRegistersUsesSixteenColours() throws {
        let terminal = GraphicsTerminal()
        terminal.feed(SixelEncoder(colours: 16).encode(Self.picture))
        let shown = try #require(terminal.shown.first)
        var colours = Set<Int>()
        for p in 0..<(shown.image.width * shown.image.height) {
            colours.insert(Int(shown.image.pixels[p * 3]) << 16 | Int(shown.image.pixels[p * 3 + 1]) << 8 | Int(shown.image.pixels[p * 3 + 2]))
        }
        #expect(colours.count <= 16)
        let quality = try #require(psnr(shown.image, Self.picture))
        #expect(quality >= 20, "16 registers: \(quality) dB")
    }

    @Test func sixelDrawsAFewColoursExactly() throws {
        // Three colours whose percentages round trip exactly (0, 51 and 255 are 0 %, 20 %, 100 %).
        var pixels = [UInt8](repeating: 0, count: 37 * 13 * 3)
        for y in 0..<13 {
            for x in 0..<37 {
                let colour: [UInt8] = x < 10 ? [255, 0, 0] : (y < 7 ? [0, 51, 255] : [255, 255, 255])
                pixels.replaceSubrange(((y * 37 + x) * 3)..<((y * 37 + x) * 3 + 3), with: colour)
            }
        }
        let image = RGBImage(width: 37, height: 13, pixels: pixels)
        let terminal = GraphicsTerminal()
        terminal.feed(SixelEncoder().encode(image))
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        #expect(terminal.shown.first?.image == image)
    }

    @Test func itermCarriesThePixelsExactly() throws {
        let bytes = try #require(ITermEncoder.encode(Self.picture))
        let terminal = GraphicsTerminal()
        terminal.feed(bytes)
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        let shown = try #require(terminal.shown.first)
        #expect(shown.kind == .iterm)
        #expect(shown.image == Self.picture)
    }
}
