import Foundation
import Testing
import ReelTestSupport
@testable import ReelCore

@Suite struct PNGDecoderTests {
    static let suite = Corpus.files(in: "png/pngsuite", extension: "png")
    static let valid = suite.filter { !name($0).hasPrefix("x") }
    static let corrupt = suite.filter { name($0).hasPrefix("x") }

    @Test func theCorpusIsThere() {
        #expect(Self.valid.count >= 150, "../shared/corpus/png/pngsuite should hold PngSuite")
        #expect(Self.corrupt.count == 14)
    }

    @Test(arguments: valid)
    func everyValidPngSuiteFileDecodesToItsSize(_ path: String) throws {
        let image = try PNGDecoder.decode(path: path)
        let stated = try #require(ihdrSize(path: path))
        #expect(image.width == stated.width && image.height == stated.height)
        #expect(image.pixels.count == stated.width * stated.height * 4)
        // PngSuite names its size tests sNN…: NN × NN pixels.
        let n = name(path)
        if n.hasPrefix("s"), let side = Int(n.dropFirst().prefix(2)) {
            #expect(image.width == side && image.height == side)
        }
    }

    @Test(arguments: corrupt)
    func everyCorruptPngSuiteFileIsRefused(_ path: String) {
        #expect {
            _ = try PNGDecoder.decode(path: path)
        } throws: { error in
            guard case MediaError.badPNG(let p, let reason) = error else { return false }
            return p == path && !reason.isEmpty
        }
    }

    /// Interlaced (basi*) and plain (basn*) files of the same image decode to the same pixels.
    @Test func interlacedAndPlainDecodeTheSame() throws {
        let interlaced = Self.valid.filter { name($0).hasPrefix("basi") }
        #expect(interlaced.count >= 15)
        for path in interlaced {
            let plain = path.replacingOccurrences(of: "/basi", with: "/basn")
            #expect(try PNGDecoder.decode(path: path) == PNGDecoder.decode(path: plain), "\(name(path))")
        }
    }

    /// 16-bit files go through Reel's own linear-to-sRGB step; on plain (not interlaced) files,
    /// where libpng's 8-bit path is sound, the two agree to within one level.
    @Test func sixteenBitConversionAgreesWithLibpng() throws {
        let wide = Self.valid.filter { name($0).hasPrefix("basn") && name($0).hasSuffix("16.png") }
        #expect(wide.count >= 4)
        for path in wide {
            let ours = try PNGDecoder.decode(path: path)
            let theirs = try libpngEightBit(path: path)
            // Where alpha is 0 the colour is undefined: libpng keeps the file's, Reel gives black.
            var worst = 0
            for index in 0..<theirs.count where theirs[index | 3] > 0 {
                worst = max(worst, abs(Int(ours.pixels[index]) - Int(theirs[index])))
            }
            #expect(worst <= 1, "\(name(path)): differs by \(worst)")
        }
    }

    @Test func knownPixelsComeOutRight() throws {
        // basn2c08 is 8-bit RGB whose top-left pixel is white; basn0g01's is white too (1-bit grey).
        let rgb = try PNGDecoder.decode(path: Corpus.root + "/png/pngsuite/basn2c08.png")
        #expect(Array(rgb.pixels[0..<4]) == [255, 255, 255, 255])
        let transparent = try PNGDecoder.decode(path: Corpus.root + "/png/pngsuite/tbbn0g04.png")
        #expect(transparent.pixels[3] == 0, "tRNS makes the corner transparent")
    }

    /// libpng's crashers, bad palettes and the Rust png crate's malformed files: each decodes or
    /// is refused with a reason, and the process survives.
    @Test func otherPeoplesBrokenFilesNeverCrash() {
        let files = Corpus.files(in: "png/libpng-testpngs/crashers", extension: "png")
            + Corpus.files(in: "png/libpng-testpngs/badpal", extension: "png")
            + Corpus.files(in: "png/image-png", extension: "png")
        #expect(files.count > 30)
        var refused = 0
        for path in files {
            do {
                let image = try PNGDecoder.decode(path: path)
                #expect(image.pixels.count == image.width * image.height * 4)
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(refused > 0)
    }

    /// A small file whose chunk claims a gigabyte is refused by the chunk check, before libpng
    /// would allocate the claimed size.
    @Test(arguments: Corpus.files(in: "png/libpng-testpngs/crashers", extension: "png").filter { $0.contains("/huge_") })
    func hugeChunkClaimsAreRefusedUpFront(_ path: String) throws {
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        #expect(bytes.count < 4096)
        #expect {
            try bytes.withUnsafeBytes { raw in try PNGChunkCheck.validate(raw, path: path) }
        } throws: { error in
            guard case MediaError.badPNG(_, let reason) = error else { return false }
            return reason.contains("chunk claims")
        }
    }

    @Test func aHugeHeaderIsRefusedBeforeAllocating() throws {
        let folder = TemporaryFolder()
        folder.write("huge.png", HostileFiles.pngHeaderOnly(width: 20000, height: 20000))
        #expect(throws: MediaError.imageTooLarge(path: folder.path + "/huge.png", width: 20000, height: 20000,
                                                    limit: FrameLimit.ceiling)) {
            try PNGDecoder.decode(path: folder.path + "/huge.png")
        }
    }

    /// 261 KB claiming 16384x16384 at 16 bits (1.5 GiB of rows) is refused from its chunk list,
    /// before libpng allocates or inflates anything; so is a frame over the per-frame limit.
    @Test func aDecompressionBombIsRefusedBeforeAllocating() throws {
        let folder = TemporaryFolder()
        let bomb = HostileFiles.pngBomb()
        #expect(bomb.count > 250_000 && bomb.count < 270_000)
        folder.write("bomb.png", bomb)
        let heapBefore = ProcessMemory.heapBytes()
        #expect {
            try PNGDecoder.decode(path: folder.path + "/bomb.png")
        } throws: { error in
            guard case MediaError.implausibleSize(_, 16384, 16384, let reason) = error else { return false }
            return reason.contains("16-bit") && reason.contains("261")
        }
        #expect(throws: MediaError.self) { try PNGDecoder.size(path: folder.path + "/bomb.png") }
        #expect(ProcessMemory.heapBytes() - heapBefore < 16 << 20)
        // The same stream under a header that tells the truth about its size decodes.
        let honest = HostileFiles.pngBomb(width: 2048, height: 1024, dataBytes: 40_000)
        folder.write("honest.png", honest)
        #expect(try PNGDecoder.size(path: folder.path + "/honest.png") == (2048, 1024))
        // A true header over the per-frame limit: 8192x8192 at 16 bits decodes into 768 MiB.
        let limit = FrameLimit(cacheBudget: 100 << 20)
        #expect(limit.bytes == FrameLimit.floor)
        folder.write("big.png", HostileFiles.pngBomb(width: 8192, height: 8192, dataBytes: 400_000))
        #expect(throws: MediaError.imageTooLarge(path: folder.path + "/big.png", width: 8192, height: 8192, limit: limit.bytes)) {
            try PNGDecoder.size(path: folder.path + "/big.png", limit: limit)
        }
        #expect(FrameLimit(cacheBudget: 64 << 30).bytes == FrameLimit.ceiling)
    }

    /// An empty file is said to be empty, not libpng's "invalid argument".
    @Test func anEmptyFileSaysItIsEmpty() throws {
        let folder = TemporaryFolder()
        folder.write("empty.png", [])
        #expect(throws: MediaError.notMedia(path: folder.path + "/empty.png", reason: "the file is empty (0 bytes)")) {
            try PNGDecoder.size(path: folder.path + "/empty.png")
        }
    }

    /// A chunk type with control bytes in it is named escaped, on one line.
    @Test func chunkNamesAreEscaped() throws {
        var bytes = HostileFiles.pngSignature + HostileFiles.ihdr(width: 4, height: 4)
        bytes += HostileFiles.be32(1_000_000) + [0x1B, 0x0A, 0x00, 0x41] + [1, 2, 3]
        #expect {
            try bytes.withUnsafeBytes { try PNGChunkCheck.validate($0, path: "x.png") }
        } throws: { error in
            let text = (error as? MediaError)?.description ?? ""
            return text.contains("\\x1b\\x0a\\x00A chunk claims 1000000 bytes") && !text.contains("\n")
                && !text.contains("\u{1B}") && !text.contains("\0")
        }
    }

    @Test func truncatedMissingAndNonPNGFilesAreRefused() throws {
        let folder = TemporaryFolder()
        try folder.writePNG("ok.png", width: 64, height: 48)
        let whole = try #require(FileManager.default.contents(atPath: folder.path + "/ok.png"))
        folder.write("cut.png", Array([UInt8](whole).prefix(whole.count / 2)))
        folder.write("text.png", Array("not a png at all".utf8))
        #expect(try PNGDecoder.decode(path: folder.path + "/ok.png").width == 64)
        #expect(throws: MediaError.self) { try PNGDecoder.decode(path: folder.path + "/cut.png") }
        #expect(throws: MediaError.self) { try PNGDecoder.decode(path: folder.path + "/text.png") }
        #expect(throws: MediaError.notFound(path: folder.path + "/gone.png")) {
            try PNGDecoder.decode(path: folder.path + "/gone.png")
        }
        #expect(try PNGDecoder.size(path: folder.path + "/ok.png") == (64, 48))
    }

    @Test func writtenPixelsReadBackExactly() throws {
        let folder = TemporaryFolder()
        let pixels = (0..<(7 * 5 * 3)).map { UInt8(truncatingIfNeeded: $0 * 37) }
        try PNGEncoder.write(RGBImage(width: 7, height: 5, pixels: pixels), to: folder.path + "/p.png")
        let back = try PNGDecoder.decode(path: folder.path + "/p.png")
        var rgb: [UInt8] = []
        for i in stride(from: 0, to: back.pixels.count, by: 4) { rgb += back.pixels[i..<i + 3] }
        #expect(rgb == pixels)
    }
}

private func name(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

/// A well-formed PNG whose IHDR claims `width` × `height` but whose IDAT holds a few bytes only,
/// as a hostile or damaged file would.

import CPNG

/// The file decoded by libpng's own 8-bit RGBA path, as a reference.
func libpngEightBit(path: String) throws -> [UInt8] {
    var image = png_image()
    image.version = reel_png_image_version()
    guard png_image_begin_read_from_file(&image, path) != 0 else { throw MediaError.badPNG(path: path, reason: "") }
    image.format = reel_png_format_rgba()
    var pixels = [UInt8](repeating: 0, count: Int(image.width * image.height * 4))
    let ok = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
    png_image_free(&image)
    guard ok != 0 else { throw MediaError.badPNG(path: path, reason: "") }
    return pixels
}
