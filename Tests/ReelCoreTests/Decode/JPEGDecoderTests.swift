import Foundation
import Testing
@testable import ReelCore

/// JPEG frames through libjpeg-turbo: decoded at the DCT scale that covers the box, as good as a
/// full decode scaled down, and damaged files refused in one line.
@Suite struct JPEGDecoderTests {
    /// A 1920x1080 frame of ffmpeg's test pattern (text, gradients, edges) as PNG and as JPEG.
    static func plate(in folder: TemporaryFolder, name: String = "plate.1001") throws -> (png: String, jpeg: String) {
        let png = folder.path + "/\(name).png", jpeg = folder.path + "/\(name).jpg"
        try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=1920x1080", "-frames:v", "1", png]) != nil)
        try #require(MovieFixture.ffmpeg(["-i", png, "-q:v", "2", jpeg]) != nil)
        return (png, jpeg)
    }

    @Test func theScaleIsTheSmallestThatLandsOnTheBoxOrTwiceIt() {
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (120, 67)) == (1, 8))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (240, 135)) == (1, 8), "exactly")
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (200, 112)) == (1, 4))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (241, 136)) == (1, 2))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (480, 270)) == (1, 4))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (320, 180)) == (1, 2))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (960, 540)) == (1, 2))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (640, 360)) == (1, 1))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (1280, 720)) == (1, 1))
        #expect(JPEGDecoder.scale(width: 1920, height: 1080, fitted: (3840, 2160)) == (1, 1))
        // Odd sizes round up, as TurboJPEG's TJSCALED does.
        #expect(JPEGDecoder.scaled(1001, (1, 8)) == 126)
    }

    @Test(arguments: [(240, 135), (320, 180), (640, 360), (960, 540), (1920, 1080)])
    func aScaledDecodeIsWithinADecibelOfAFullDecodeScaledDown(width: Int, height: Int) throws {
        let folder = TemporaryFolder()
        let plate = try Self.plate(in: folder)
        let box = FrameSize(width: width, height: height)
        let reference = try PNGDecoder.decodeFrame(path: plate.png, fitting: box, scratch: DecodeScratch())
        let full = try JPEGDecoder.decodeFrame(path: plate.jpeg, fitting: box, scratch: DecodeScratch(), fullScale: true)
        let scaled = try JPEGDecoder.decodeFrame(path: plate.jpeg, fitting: box, scratch: DecodeScratch())
        #expect(scaled.width == width && scaled.height == height && full.width == width)
        let fullQuality = MovieFixture.psnr(full, reference), scaledQuality = MovieFixture.psnr(scaled, reference)
        #expect(scaledQuality >= fullQuality - 1, "at \(width)x\(height): \(scaledQuality) dB scaled, \(fullQuality) dB full")
        #expect(scaledQuality >= 30)
    }

    @Test func aJPEGSequenceIsFoundProbedAndDecodedThroughThePool() throws {
        let folder = TemporaryFolder()
        _ = try Self.plate(in: folder, name: "plate.1001")
        _ = try Self.plate(in: folder, name: "plate.1003")
        // PNG frames beside them are a sequence of their own: the JPEGs are three files, two frames.
        try folder.writePNG("other.0001.png", width: 8, height: 8)
        let sequence = try SequenceScanner.find(folder.path + "/plate.####.jpg")
        #expect(sequence.first == 1001 && sequence.last == 1003 && sequence.missing == [1002])
        #expect(sequence.format == .jpeg)
        guard case .sequence(let found, let width, let height) = try MediaProbe.probe(folder.path + "/plate.1001.jpg") else {
            Issue.record("not probed as a sequence")
            return
        }
        #expect(found.format == .jpeg && width == 1920 && height == 1080)
        let source = ImageSequenceSource(id: .next(), sequence: sequence)
        guard case .image(let image) = source.decode(1003, fitting: FrameSize(width: 192, height: 108), scratch: DecodeScratch()) else {
            Issue.record("frame 1003 did not decode")
            return
        }
        #expect(image.width == 192 && image.height == 108)
        #expect(source.decode(1002, fitting: FrameSize(width: 192, height: 108), scratch: DecodeScratch()) == .missing)
    }

    @Test func aFolderOfSeveralFormatsIsScannedPerFormat() throws {
        let folder = TemporaryFolder()
        for frame in 1...3 { try folder.writePNG("shot.000\(frame).png", width: 8, height: 8) }
        _ = try Self.plate(in: folder, name: "shot.0001")
        try FileManager.default.removeItem(atPath: folder.path + "/shot.0001.png")
        // Two PNG frames against one JPEG: the folder's largest sequence is the PNGs'.
        let sequence = try SequenceScanner.find(folder.path)
        #expect(sequence.format == .png && sequence.first == 2 && sequence.last == 3)
        #expect(try SequenceScanner.find(folder.path + "/shot.0001.jpg").format == .jpeg)
    }

    @Test func damagedJPEGsAreRefusedInOneLine() throws {
        let folder = TemporaryFolder()
        let plate = try Self.plate(in: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: plate.jpeg))
        let truncated = folder.path + "/cut.0001.jpg", text = folder.path + "/notes.0001.jpg", empty = folder.path + "/empty.0001.jpg"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        try Data("not a jpeg at all".utf8).write(to: URL(fileURLWithPath: text))
        try Data().write(to: URL(fileURLWithPath: empty))
        var header = [UInt8](bytes)
        // The SOF0 marker's height and width set to 65535: a picture libjpeg-turbo would allocate 16 GB for.
        if let sof = (0..<(header.count - 9)).first(where: { header[$0] == 0xFF && header[$0 + 1] == 0xC0 }) {
            for offset in 5...8 { header[sof + offset] = 0xFF }
        }
        let huge = folder.path + "/huge.0001.jpg"
        try Data(header).write(to: URL(fileURLWithPath: huge))
        for path in [truncated, text, empty, huge] {
            do {
                _ = try JPEGDecoder.decodeFrame(path: path, fitting: FrameSize(width: 320, height: 180),
                                                scratch: DecodeScratch(limit: FrameLimit(bytes: 256 << 20)))
                Issue.record("\(path) decoded")
            } catch {
                #expect(!error.description.contains("\n") && error.description.contains(path), "\(error)")
            }
        }
    }
}
