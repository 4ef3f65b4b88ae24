import Foundation
import Testing
import COpenEXR
@testable import ReelCore

/// EXR frames through OpenEXR's C core, against OpenEXR's own reference and damaged images.
/// (Serialized: the library's allocations are counted process-wide, and the damaged files' test
/// checks they return to nothing after each file.)
@Suite(.serialized) struct EXRDecoderTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/shared/corpus/exr"

    static func decode(_ path: String, box: FrameSize? = nil) throws -> RGBImage {
        let size = try EXRDecoder.size(path: path)
        return try EXRDecoder.decodeFrame(path: path, fitting: box ?? FrameSize(width: size.width, height: size.height),
                                          scratch: DecodeScratch())
    }

    @Test func theBeachballIsASequenceOfEightFramesThatAllDecode() throws {
        guard case .sequence(let sequence, let width, let height) = try MediaProbe.probe(Self.corpus + "/Beachball/singlepart.0001.exr") else {
            Issue.record("not a sequence")
            return
        }
        #expect(sequence.format == .exr && sequence.first == 1 && sequence.last == 8 && sequence.missing.isEmpty)
        #expect(width == 2048 && height == 1556)
        let source = ImageSequenceSource(id: .next(), sequence: sequence)
        for frame in 1...8 {
            guard case .image(let image) = source.decode(frame, fitting: FrameSize(width: 256, height: 256), scratch: DecodeScratch()) else {
                Issue.record("frame \(frame) did not decode")
                continue
            }
            #expect(image.width == 256 && image.height == 195)
            // The ball is coloured and moves; the corners are black.
            var lit = 0
            for y in 0..<image.height { for x in 0..<image.width where Int(image.pixel(x: x, y: y).r) + Int(image.pixel(x: x, y: y).b) > 120 { lit += 1 } }
            #expect(lit > image.width * image.height / 50 && image.pixel(x: 2, y: 2) == (0, 0, 0), "frame \(frame): \(lit) lit")
        }
    }

    /// The same 400x300 pixels under other display windows (OpenEXR's DisplayWindow set): each
    /// shown pixel is t01's pixel at the same data coordinates, black where there is no data.
    @Test(arguments: [("t02", (1, 1, 400, 300)), ("t05", (30, 20, 340, 260)), ("t07", (-40, -40, 481, 371)),
                      ("t09", (400, 0, 200, 300)), ("t13", (399, 299, 101, 101)), ("t14", (-100, -100, 101, 101))])
    func theDataWindowIsPlacedInTheDisplayWindow(name: String, display: (x: Int, y: Int, width: Int, height: Int)) throws {
        let reference = try Self.decode(Self.corpus + "/DisplayWindow/t01.exr")
        #expect(reference.width == 400 && reference.height == 300)
        let image = try Self.decode(Self.corpus + "/DisplayWindow/\(name).exr")
        #expect(image.width == display.width && image.height == display.height, "\(name): \(image.width)x\(image.height)")
        var wrong = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let dataX = x + display.x, dataY = y + display.y
                let expected = (0..<400).contains(dataX) && (0..<300).contains(dataY) ? reference.pixel(x: dataX, y: dataY) : (0, 0, 0)
                if image.pixel(x: x, y: y) != expected { wrong += 1 }
            }
        }
        #expect(wrong == 0, "\(name): \(wrong) pixels differ")
    }

    @Test func everyHalfValueAndNaNsDrawWithoutTrapping() throws {
        for name in ["AllHalfValues", "BrightRingsNanInf", "WideFloatRange"] {
            let image = try Self.decode(Self.corpus + "/TestImages/\(name).exr", box: FrameSize(width: 200, height: 200))
            #expect(image.width > 0 && image.height > 0, "\(name)")
        }
        // At its own size, BrightRingsNanInf's NaN and infinite pixels are the stated colour.
        let rings = try Self.decode(Self.corpus + "/TestImages/BrightRingsNanInf.exr")
        var invalid = 0
        for y in 0..<rings.height { for x in 0..<rings.width where rings.pixel(x: x, y: y) == SceneLinear.invalidColour { invalid += 1 } }
        #expect(invalid > 0 && invalid < rings.width * rings.height / 2, "\(invalid) pixels shown as NaN or infinite")
    }

    @Test func scanlineTiledAndLuminanceFilesDecode() throws {
        for folder in ["ScanLines", "Tiles", "LuminanceChroma", "Chromaticities"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/" + folder).filter { $0.hasSuffix(".exr") }
            #expect(!names.isEmpty)
            for name in names {
                let image = try Self.decode(Self.corpus + "/\(folder)/\(name)", box: FrameSize(width: 160, height: 120))
                #expect(image.width > 0, "\(folder)/\(name)")
            }
        }
    }

    /// A luminance/chroma file (Y whole, RY and BY at every other pixel of every other line) is
    /// shown in colour: within 35 dB of the JPEG OpenEXR made of it (its luminance alone, grey, is near 17).
    @Test func luminanceChromaFilesAreShownInColour() throws {
        let folder = Self.corpus + "/Chromaticities"
        let image = try Self.decode(folder + "/Rec709_YC.exr")
        let reference = try JPEGDecoder.decodeFrame(path: folder + "/Rec709_YC.jpg", fitting: FrameSize(width: image.width, height: image.height),
                                                    scratch: DecodeScratch())
        #expect(reference.width == image.width && reference.height == image.height)
        let psnr = MovieFixture.psnr(image, reference)
        #expect(psnr > 35, "\(psnr) dB")
    }

    @Test func rec709sPrimariesWeighLuminanceAsTheStandardSays() {
        let w = YCToRGB.weights(exr_attr_chromaticities_t(red_x: 0.64, red_y: 0.33, green_x: 0.3, green_y: 0.6,
                                                           blue_x: 0.15, blue_y: 0.06, white_x: 0.3127, white_y: 0.329))
        #expect(abs(w.red - 0.2126) < 1e-3 && abs(w.green - 0.7152) < 1e-3 && abs(w.blue - 0.0722) < 1e-3, "\(w)")
        // Degenerate primaries fall back to Rec. 709's weights rather than dividing by zero.
        let flat = YCToRGB.weights(exr_attr_chromaticities_t())
        #expect(flat.red == 0.2126 && flat.green == 0.7152)
    }

    /// A frame decoded to fit is the full frame averaged in linear light over the display window,
    /// black outside the data window: the Beachball's data window sits off-centre in its display window.
    @Test func aFittedFrameIsTheWholeFrameAveragedInLinearLight() throws {
        let path = Self.corpus + "/Beachball/singlepart.0004.exr"
        let full = try Self.decode(path)
        let fitted = try Self.decode(path, box: FrameSize(width: 256, height: 256))
        let columns = AreaScaler.spans(source: full.width, target: fitted.width), rows = AreaScaler.spans(source: full.height, target: fitted.height)
        var expected = RGBImage(width: fitted.width, height: fitted.height, pixels: [UInt8](repeating: 0, count: fitted.pixels.count))
        for y in 0..<fitted.height {
            for x in 0..<fitted.width {
                for c in 0..<3 {
                    var sum: Float = 0
                    for row in rows[y] { for column in columns[x] {
                        sum += Look.toLinear[Int(full.pixels[(row.index * full.width + column.index) * 3 + c])] * row.weight * column.weight
                    } }
                    expected.pixels[(y * fitted.width + x) * 3 + c] = SceneLinear.table[Int(min(1, sum) * Float(SceneLinear.steps) + 0.5)]
                }
            }
        }
        let psnr = MovieFixture.psnr(fitted, expected)
        #expect(psnr > 40, "\(psnr) dB")
    }

    /// Every file of OpenEXR's Damaged set (fuzzed files that once crashed, leaked or
    /// over-allocated in the library) is refused in one line or decodes, each within a second;
    /// none makes the library hold more than the per-frame limit, and each gives back all it took.
    @Test func damagedFilesAreRefusedInOneLineEachWithinASecond() throws {
        let folder = Self.corpus + "/Damaged"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".rst") }.sorted()
        #expect(names.count > 150)
        let limit = FrameLimit(bytes: 256 << 20)
        var refused = 0
        for name in names {
            let path = folder + "/" + name
            guard !FileBytes.isDirectory(path) else { continue }
            let start = MonotonicClock.now()
            EXRMemory.resetPeak()
            do {
                _ = try EXRDecoder.decodeFrame(path: path, fitting: FrameSize(width: 160, height: 90), scratch: DecodeScratch(limit: limit))
            } catch {
                refused += 1
                #expect(!error.description.contains("\n") && error.description.hasPrefix(path), "\(name): \(error)")
            }
            #expect(MonotonicClock.now() - start < 1, "\(name) took \(MonotonicClock.now() - start) s")
            #expect(EXRMemory.peak <= limit.bytes && EXRMemory.bytes == 0, "\(name): held \(EXRMemory.peak), kept \(EXRMemory.bytes)")
        }
        #expect(refused > names.count / 2, "\(refused) of \(names.count) refused")
    }
}
