import Foundation
import Testing
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
