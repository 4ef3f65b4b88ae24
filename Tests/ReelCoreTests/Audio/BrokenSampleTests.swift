import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    /// Float WAVs hold any bit pattern: NaN, ±infinity, 1e30. None may trap, spread or go unseen.
    @Suite struct BrokenSampleTests {
        /// A 1 kHz sine at 8 kHz, mono, 2 s, with broken samples at known places.
        static func poisoned() -> (samples: [Float], broken: [Int: Float]) {
            var samples = AudioFixture.sine(hertz: 1000, seconds: 2, rate: 8000)
            let broken: [Int: Float] = [4000: .nan, 4001: .infinity, 9000: -.infinity, 12_000: 1e30, 12_001: -1e30,
                                        15_999: .nan]
            for (index, value) in broken { samples[index] = value }
            return (samples, broken)
        }

        @Test func everyGuardIsTotal() {
            for value: Float in [.nan, .infinity, -.infinity, 1e30, -1e30, .greatestFiniteMagnitude, 0.5, -0.25] {
                #expect(SampleGuard.analysable(value).isFinite)
                #expect(abs(SampleGuard.playable(value)) <= 1)
                #expect(abs(SampleGuard.drawable(value)) <= 1)
                #expect((0...10).contains(SampleGuard.index(value, last: 10)))
            }
            #expect(SampleGuard.analysable(.nan) == 0 && SampleGuard.playable(.nan) == 0)
            #expect(SampleGuard.index(.infinity, last: 7) == 7 && SampleGuard.index(-.infinity, last: 7) == 0)
            #expect(SampleGuard.analysable(0.5) == 0.5 && SampleGuard.playable(0.5) == 0.5)
            #expect(ColorMap.magma.table().rgb(level: .nan) == ColorMap.magma.table().rgb(level: 0))
            #expect(ColorMap.magma.table().rgb(level: .infinity) == ColorMap.magma.table().rgb(level: 1))
        }

        @Test func thePyramidCountsBrokenSamplesAndKeepsThemAsFullScale() throws {
            let (samples, broken) = Self.poisoned()
            for channels in [1, 3] {  // the vector path and the scalar one
                let pyramid = PeakPyramid(channels: channels)
                let interleaved = samples.flatMap { Array(repeating: $0, count: channels) }
                interleaved.withUnsafeBufferPointer {
                    pyramid.append($0.baseAddress!, frameCount: samples.count, sourceChannels: channels)
                }
                pyramid.finish()
                #expect(pyramid.brokenSamples == broken.count * channels)
                // The bin holding the NaN at 4000 spans full scale both ways; a clean bin does not.
                let nanBin = try #require(pyramid.bin(4000 / PeakPyramid.baseBinFrames, level: 0, channel: 0))
                #expect(nanBin.max == SampleGuard.analysisLimit && nanBin.min == -SampleGuard.analysisLimit)
                let clean = pyramid.bin(1, level: 0, channel: 0)
                #expect(clean.map { $0.max <= 0.5 && $0.min >= -0.5 } == true)
                let all = pyramid.peaks(channel: 0, frames: 0..<samples.count, columns: 8)
                #expect(all.allSatisfy { $0.map { $0.min.isFinite && $0.max.isFinite } == true })
            }
        }

        /// The spectrogram stays finite, and a NaN darkens nothing: the columns around it look
        /// like the same columns of the clean file.
        @Test func aNaNDoesNotPoisonTheSpectrogram() throws {
            let folder = TemporaryFolder()
            let (samples, _) = Self.poisoned()
            var onlyNaN = AudioFixture.sine(hertz: 1000, seconds: 2, rate: 8000)
            onlyNaN[4000] = .nan
            let clean = AudioFixture.sine(hertz: 1000, seconds: 2, rate: 8000)
            var images: [[Float]] = []
            for (name, data) in [("poisoned", samples), ("nan", onlyNaN), ("clean", clean)] {
                let path = folder.path + "/\(name).wav"
                try SoundFile.writeWAV(path: path, sampleRate: 8000, channels: 1, samples: data, float: true)
                let analysis = try AudioAnalysis(path: path, view: .init(columns: 40, rows: 16))
                defer { analysis.close() }
                #expect(analysis.waitUntilDone(timeout: 30))
                #expect(analysis.brokenSamples == (name == "clean" ? 0 : name == "nan" ? 1 : 6))
                let cells = analysis.withSpectrogram { image, _, _ in
                    (0..<40).flatMap { column in (0..<16).map { image?.decibels(column: column, row: $0) ?? .nan } }
                }
                #expect(cells.allSatisfy { !$0.isNaN }, "\(name): no NaN cell")
                images.append(cells)
            }
            // Sample 4000 is column 20 of 40: the 1 kHz row of every column is as bright as in
            // the clean file (within 1 dB), the NaN's own column included.
            let row = try #require(SpectrogramImage(columns: 40, rows: 16, channels: 1, frames: 0..<16_000, sampleRate: 8000,
                                                    settings: SpectrogramSettings()).row(forHertz: 1000))
            for column in 0..<40 {
                let withNaN = images[1][column * 16 + row], plain = images[2][column * 16 + row]
                #expect(abs(withNaN - plain) < 1, "column \(column): \(withNaN) dB vs \(plain) dB")
            }
        }
    }
}
