import Foundation
import Testing
import ReelTestSupport
@testable import ReelCore

/// What probe says of a frame's samples and timecode, from each format's header.
@Suite struct ImageDescriptionTests {
    @Test func timecodesUnpackFromBothLayouts() {
        // SMPTE 12M bits: 10:23:45:12, then the same with the drop-frame flag (bit 6).
        let bits: UInt32 = 0x10 << 24 | 0x23 << 16 | 0x45 << 8 | 0x12
        #expect(ImageDescription.smpte12M(bits) == "10:23:45:12")
        #expect(ImageDescription.smpte12M(bits | 1 << 6) == "10:23:45;12")
        #expect(ImageDescription.smpte12M(0x0A << 24) == nil, "a units digit of 10 is no timecode")
        #expect(ImageDescription.smpte12M(0x0060_0000) == nil, "minute 60 is none either")
        #expect(ImageDescription.packedBCD(0x0102_0304) == "01:02:03:04")
        #expect(ImageDescription.packedBCD(0xFFFF_FFFF) == nil && ImageDescription.packedBCD(0x0A00_0000) == nil)
    }

    @Test func eachFormatDescribesItsSamples() throws {
        let folder = TemporaryFolder()
        func make(_ name: String, _ arguments: [String]) throws -> String {
            let path = folder.path + "/" + name
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=32x18", "-frames:v", "1"] + arguments + [path]) != nil)
            return path
        }
        #expect(try ImageDecoders.describe(path: make("a.png", ["-pix_fmt", "rgba64be"]))
                == ImageDescription(format: .png, bitDepth: 16, channels: 4, hasAlpha: true))
        #expect(try ImageDecoders.describe(path: make("b.png", ["-pix_fmt", "gray"]))
                == ImageDescription(format: .png, bitDepth: 8, channels: 1, hasAlpha: false))
        let colour = try make("c.jpg", [])
        #expect(try ImageDecoders.describe(path: colour) == ImageDescription(format: .jpeg, bitDepth: 8, channels: 3, hasAlpha: false))
        let grey = folder.path + "/grey.jpg"
        try #require(try ChildProcess.run(["/usr/bin/convert", colour, "-colorspace", "Gray", grey]).status == 0)
        #expect(try ImageDecoders.describe(path: grey).channels == 1)
        #expect(try ImageDecoders.describe(path: make("d.tif", ["-pix_fmt", "rgba"]))
                == ImageDescription(format: .tiff, bitDepth: 8, channels: 4, hasAlpha: true))
        let dpx = try make("e.dpx", ["-pix_fmt", "gbrp10le"])
        #expect(try ImageDecoders.describe(path: dpx) == ImageDescription(format: .dpx, bitDepth: 10, channels: 3, hasAlpha: false))
        // The television header's timecode, little-endian as the file is: 01:02:03:04.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dpx)))
        bytes.replaceSubrange(1920..<1924, with: [0x04, 0x03, 0x02, 0x01])
        try Data(bytes).write(to: URL(fileURLWithPath: dpx))
        #expect(try ImageDecoders.describe(path: dpx).timecode == "01:02:03:04")
        let exr = EXRDecoderTests.corpus
        #expect(try ImageDecoders.describe(path: exr + "/TestImages/AllHalfValues.exr")
                == ImageDescription(format: .exr, bitDepth: 16, channels: 3, hasAlpha: false, isFloat: true))
        let ball = try ImageDecoders.describe(path: exr + "/Beachball/singlepart.0001.exr")
        #expect(ball.hasAlpha && ball.isFloat && ball.channels > 4)
    }
}
