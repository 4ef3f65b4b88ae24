import Foundation
import Testing
@testable import ReelCore

/// TIFF frames through libtiff: 8- and 16-bit ones as ffmpeg decodes them, 32-bit float ones
/// through the sRGB display transform, NaN shown as its stated colour, damage refused in one line.
@Suite struct TIFFDecoderTests {
    /// A minimal uncompressed little-endian TIFF of 32-bit float RGB `pixels`, one strip: the
    /// test writes it itself, so any value (NaN, infinity, over 1) can be in it.
    static func floatTIFF(width: Int, height: Int, pixels: [Float]) -> Data {
        var data = Data("II".utf8) + le16(42) + le32(8)
        let entries: [(tag: UInt16, type: UInt16, count: UInt32, value: UInt32)] = [
            (256, 4, 1, UInt32(width)), (257, 4, 1, UInt32(height)), (258, 3, 3, 0), (259, 3, 1, 1), (262, 3, 1, 2),
            (273, 4, 1, 0), (277, 3, 1, 3), (278, 4, 1, UInt32(height)), (279, 4, 1, UInt32(pixels.count * 4)),
            (284, 3, 1, 1), (339, 3, 3, 0),
        ]
        let ifdSize = 2 + entries.count * 12 + 4
        let bitsOffset = 8 + ifdSize, formatOffset = bitsOffset + 6, stripOffset = formatOffset + 6
        data += le16(UInt16(entries.count))
        for entry in entries {
            var value = entry.value
            if entry.tag == 258 { value = UInt32(bitsOffset) }
            if entry.tag == 339 { value = UInt32(formatOffset) }
            if entry.tag == 273 { value = UInt32(stripOffset) }
            data += le16(entry.tag) + le16(entry.type) + le32(entry.count) + le32(value)
        }
        data += le32(0)
        data += le16(32) + le16(32) + le16(32) + le16(3) + le16(3) + le16(3)
        for value in pixels { data += le32(value.bitPattern) }
        return data
    }

    static func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    static func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }

    @Test(arguments: [("rgb24", [String]()), ("rgb48le", []), ("rgba", []), ("gray", []), ("rgb24", ["-compression_algo", "deflate"]),
                      ("rgb24", ["-compression_algo", "lzw"])])
    func anIntegerTIFFIsFFmpegsOwnDecode(pixelFormat: String, extra: [String]) throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/plate.0001.tif"
        try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=96x54", "-frames:v", "1", "-pix_fmt", pixelFormat]
                                         + extra + [path]) != nil)
        let data = try #require(MovieFixture.ffmpeg(["-i", path, "-pix_fmt", "rgb24", "-f", "rawvideo", "-"]))
        let reference = RGBImage(width: 96, height: 54, pixels: [UInt8](data))
        #expect(try TIFFDecoder.size(path: path) == (96, 54))
        let image = try TIFFDecoder.decodeFrame(path: path, fitting: FrameSize(width: 96, height: 54), scratch: DecodeScratch())
        #expect(MovieFixture.psnr(image, reference) >= 45, "\(pixelFormat) \(extra)")
    }

    @Test func aFloatTIFFIsShownThroughTheSRGBCurveAndNaNAsMagenta() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/render.0001.exr.tif"
        // A ramp 0…1 across, a row over 1 (clipped to white), and one NaN and one infinity.
        let width = 16, height = 3
        var pixels = [Float]()
        for x in 0..<width { let v = Float(x) / 15; pixels += [v, v * 0.5, 0.18] }
        for _ in 0..<width { pixels += [4, 4, 4] }
        for x in 0..<width { pixels += x == 3 ? [.nan, 0, 0] : x == 9 ? [0, .infinity, 0] : [0.5, 0.5, 0.5] }
        try Self.floatTIFF(width: width, height: height, pixels: pixels).write(to: URL(fileURLWithPath: path))
        let image = try TIFFDecoder.decodeFrame(path: path, fitting: FrameSize(width: width, height: height), scratch: DecodeScratch())
        func srgb(_ v: Float) -> UInt8 {
            let e = v <= 0.0031308 ? 12.92 * Double(v) : 1.055 * pow(Double(v), 1 / 2.4) - 0.055
            return UInt8((e * 255).rounded())
        }
        for x in 0..<width {
            let p = image.pixel(x: x, y: 0), v = Float(x) / 15
            #expect(abs(Int(p.r) - Int(srgb(v))) <= 1 && abs(Int(p.g) - Int(srgb(v * 0.5))) <= 1 && abs(Int(p.b) - Int(srgb(0.18))) <= 1,
                    "ramp at \(x): \(p)")
            #expect(image.pixel(x: x, y: 1) == (255, 255, 255))
        }
        #expect(image.pixel(x: 3, y: 2) == SceneLinear.invalidColour && image.pixel(x: 9, y: 2) == SceneLinear.invalidColour)
        #expect(image.pixel(x: 4, y: 2) == (srgb(0.5), srgb(0.5), srgb(0.5)))
    }

    @Test func damagedTIFFsAreRefusedInOneLine() throws {
        let folder = TemporaryFolder()
        let good = Self.floatTIFF(width: 64, height: 64, pixels: [Float](repeating: 0.5, count: 64 * 64 * 3))
        var huge = good
        // The width made 2^31: libtiff's strip size no longer matches, and the size limit refuses it first.
        huge.replaceSubrange(18..<22, with: Self.le32(1 << 31))
        for (name, content) in [("cut", good.prefix(good.count / 2)), ("text", Data("not a tiff".utf8)), ("empty", Data()),
                                ("header", good.prefix(6)), ("huge", huge)] {
            let path = folder.path + "/\(name).0001.tif"
            try content.write(to: URL(fileURLWithPath: path))
            do {
                _ = try TIFFDecoder.decodeFrame(path: path, fitting: FrameSize(width: 64, height: 64), scratch: DecodeScratch())
                Issue.record("\(name) decoded")
            } catch {
                #expect(!error.description.contains("\n") && error.description.contains(path), "\(name): \(error)")
            }
        }
    }
}
