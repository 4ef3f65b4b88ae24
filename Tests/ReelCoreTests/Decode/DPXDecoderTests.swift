import Foundation
import Testing
@testable import ReelCore

/// DPX frames through Reel's own reader, held to ffmpeg's decode of the same files.
@Suite struct DPXDecoderTests {
    /// ffmpeg's test pattern written as DPX in `pixelFormat`, and ffmpeg's own decode of that file as RGB.
    static func written(_ pixelFormat: String, in folder: TemporaryFolder, width: Int = 96, height: Int = 54,
                        extra: [String] = []) throws -> (path: String, reference: RGBImage) {
        let path = folder.path + "/plate.\(pixelFormat).0001.dpx"
        try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height)", "-frames:v", "1",
                                          "-pix_fmt", pixelFormat] + extra + [path]) != nil)
        let data = try #require(MovieFixture.ffmpeg(["-i", path, "-pix_fmt", "rgb24", "-f", "rawvideo", "-"]))
        try #require(data.count == width * height * 3)
        return (path, RGBImage(width: width, height: height, pixels: [UInt8](data)))
    }

    @Test(arguments: ["rgb24", "gbrp10le", "gbrp10be", "gbrp12le", "rgb48le", "rgb48be", "rgba", "gray"])
    func aDPXIsFFmpegsOwnDecode(pixelFormat: String) throws {
        let folder = TemporaryFolder()
        let (path, reference) = try Self.written(pixelFormat, in: folder)
        #expect(try DPXDecoder.size(path: path) == (96, 54))
        let image = try DPXDecoder.decodeFrame(path: path, fitting: FrameSize(width: 96, height: 54), scratch: DecodeScratch())
        let quality = MovieFixture.psnr(image, reference)
        // 10, 12 and 16 bits are cut to 8 here, rounded by ffmpeg: a step at most.
        #expect(quality >= 45, "\(pixelFormat): \(quality) dB")
    }

    @Test func aDPXSequenceIsFoundAndProbed() throws {
        let folder = TemporaryFolder()
        for frame in 1...3 {
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x36", "-frames:v", "1", "-pix_fmt", "gbrp10le",
                                              folder.path + "/scan.00\(frame).dpx"]) != nil)
        }
        guard case .sequence(let sequence, let width, let height) = try MediaProbe.probe(folder.path) else {
            Issue.record("not a sequence")
            return
        }
        #expect(sequence.format == .dpx && sequence.frameCount == 3 && width == 64 && height == 36)
    }

    @Test func brokenDPXFilesAreRefusedInOneLine() throws {
        let folder = TemporaryFolder()
        let (path, _) = try Self.written("gbrp10le", in: folder)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var cases: [(String, [UInt8])] = [("cut", Array(bytes.prefix(bytes.count - 100))), ("header", Array(bytes.prefix(500))),
                                          ("text", Array("not a dpx".utf8)), ("empty", [])]
        var huge = bytes
        // Width and height (little-endian, at 772 and 776) set to 4 billion.
        for offset in 772..<780 { huge[offset] = 0xFF }
        cases.append(("huge", huge))
        var rle = bytes
        rle[806] = 1
        cases.append(("rle", rle))
        for (name, content) in cases {
            let file = folder.path + "/\(name).0001.dpx"
            try Data(content).write(to: URL(fileURLWithPath: file))
            do {
                _ = try DPXDecoder.decodeFrame(path: file, fitting: FrameSize(width: 96, height: 54), scratch: DecodeScratch())
                Issue.record("\(name) decoded")
            } catch {
                #expect(!error.description.contains("\n") && error.description.contains(file), "\(name): \(error)")
            }
        }
    }
}
