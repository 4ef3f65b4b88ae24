import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    @Suite struct SpectrogramTests {
        /// The brightest row of `column`.
        static func brightestRow(_ image: SpectrogramImage, column: Int) -> Int {
            (0..<image.rows).max { image.decibels(column: column, row: $0) < image.decibels(column: column, row: $1) }!
        }

        static func analyse(_ path: String, settings: SpectrogramSettings, view: AudioAnalysis.View) throws -> AudioAnalysis {
            let analysis = try AudioAnalysis(path: path, settings: settings, view: view)
            #expect(analysis.waitUntilDone(timeout: 60))
            return analysis
        }

        /// 32 kHz and 2048-point FFTs put 1 kHz on bin 64 exactly, so the row it lights is unambiguous.
        @Test(arguments: FrequencyScale.allCases)
        func aSineLightsTheRowOfItsFrequency(scale: FrequencyScale) throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/sine.wav"
            try AudioFixture.write(AudioFixture.sine(hertz: 1000, seconds: 1, rate: 32_000), rate: 32_000, to: path)
            for rows in [24, 64, 200] {
                var settings = SpectrogramSettings()
                settings.scale = scale
                let analysis = try Self.analyse(path, settings: settings, view: .init(columns: 8, rows: rows))
                defer { analysis.close() }
                try analysis.withSpectrogram { image, _, _ in
                    let image = try #require(image)
                    let expected = try #require(image.row(forHertz: 1000))
                    for column in 1..<7 {
                        let row = Self.brightestRow(image, column: column)
                        #expect(row == expected, "scale \(scale), \(rows) rows, column \(column)")
                        // A half-scale sine reads -6 dBFS.
                        #expect(abs(image.decibels(column: column, row: row) + 6.02) < 0.5)
                        // Far rows are dark: at least 60 dB down.
                        for other in 0..<rows where abs(image.hertz(ofRow: other) - 1000) > 500 {
                            #expect(image.decibels(column: column, row: other) < -66)
                        }
                    }
                }
            }
        }

        @Test(arguments: [FrequencyScale.linear, .mel, .log], [WindowFunction.hann, .blackmanHarris, .hamming, .rectangular])
        func aChirpRises(scale: FrequencyScale, window: WindowFunction) throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/chirp.wav"
            try AudioFixture.write(AudioFixture.chirp(from: 200, to: 10_000, seconds: 4, rate: 44_100), rate: 44_100, to: path)
            var settings = SpectrogramSettings()
            settings.scale = scale
            settings.window = window
            settings.fftSize = 1024
            let analysis = try Self.analyse(path, settings: settings, view: .init(columns: 40, rows: 48))
            defer { analysis.close() }
            try analysis.withSpectrogram { image, _, _ in
                let image = try #require(image)
                let rows = (1..<39).map { Self.brightestRow(image, column: $0) }
                #expect(zip(rows, rows.dropFirst()).allSatisfy { $0 <= $1 }, "\(rows)")
                // Where the chirp is in the middle of column 5 (0.55 s) and of column 38 (3.85 s).
                #expect(abs(rows[4] - image.row(forHertz: 200 + 9800 * 0.55 / 4)!) <= 1)
                #expect(abs(rows[37] - image.row(forHertz: 200 + 9800 * 3.85 / 4)!) <= 1)
                #expect(rows[37] - rows[4] >= 10)
            }
        }

        @Test func everyFFTSizeAndHopCoversTheColumns() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/tone.wav"
            try AudioFixture.write(AudioFixture.sine(hertz: 3000, seconds: 2, rate: 48_000, channels: 2), rate: 48_000, channels: 2, to: path)
            for size in SpectrogramSettings.fftSizes {
                for hop in [SpectrogramSettings.Hop.fractionOfSize(4), .columnWidth] {
                    var settings = SpectrogramSettings()
                    settings.fftSize = size
                    settings.hop = hop
                    settings.channels = .separate
                    settings.scale = .linear
                    let analysis = try Self.analyse(path, settings: settings, view: .init(columns: 30, rows: 40))
                    try analysis.withSpectrogram { image, _, _ in
                        let image = try #require(image)
                        #expect(image.channels == 2 && image.completedColumns == 30)
                        let expected = image.row(forHertz: 3000)!
                        for column in 1..<29 {
                            #expect(Self.brightestRow(image, column: column) == expected, "size \(size) \(hop)")
                            #expect(Self.brightestRow(image, column: column) == (0..<40).max {
                                image.decibels(column: column, row: $0, channel: 1) < image.decibels(column: column, row: $1, channel: 1)
                            })
                        }
                    }
                    analysis.close()
                }
            }
            #expect(FFTPlanCache.liveSizes.isEmpty)
        }

        @Test func aZoomedRangeIsComputedAgainAtTheSameResolution() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/chirp.wav"
            try AudioFixture.write(AudioFixture.chirp(from: 200, to: 10_000, seconds: 4, rate: 44_100), rate: 44_100, to: path)
            var settings = SpectrogramSettings()
            settings.scale = .linear
            let analysis = try Self.analyse(path, settings: settings, view: .init(columns: 40, rows: 48))
            defer { analysis.close() }
            let whole = analysis.byteCount
            // The second of the four seconds, over the same 40 columns.
            analysis.setView(.init(columns: 40, rows: 48, frames: 44_100..<88_200))
            #expect(analysis.waitUntilDone(timeout: 60))
            #expect(analysis.byteCount == whole)
            try analysis.withSpectrogram { image, _, _ in
                let image = try #require(image)
                #expect(image.frames == 44_100..<88_200)
                // 2650 Hz at 1 s to 5100 Hz at 2 s.
                #expect(abs(Self.brightestRow(image, column: 0) - image.row(forHertz: 2650 + 61)!) <= 1)
                #expect(abs(Self.brightestRow(image, column: 39) - image.row(forHertz: 5100 - 61)!) <= 1)
            }
        }

        @Test func rangeGainAndColoursChangeWithoutANewPass() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/sine.wav"
            try AudioFixture.write(AudioFixture.sine(hertz: 1000, seconds: 1, rate: 32_000), rate: 32_000, to: path)
            let analysis = try Self.analyse(path, settings: SpectrogramSettings(), view: .init(columns: 8, rows: 32))
            defer { analysis.close() }
            var settings = analysis.settings
            settings.gainDB = 6
            settings.rangeDB = 60
            settings.colorMap = .magma
            analysis.setSettings(settings)
            #expect(analysis.progress.isDone)
            try analysis.withSpectrogram { image, current, colors in
                let image = try #require(image)
                let row = image.row(forHertz: 1000)!
                // -6 dBFS + 6 dB gain = 0 dB: the top of the map.
                #expect(abs(image.level(column: 3, row: row, settings: current) - 1) < 0.01)
                #expect(colors?.map == .magma)
                #expect(colors?.rgb(level: 1) == 0xFCFDBF)
                #expect(colors?.rgb(level: 0) == 0x000004)
            }
        }

        @Test func decibelsMatchLog10() {
            var powers: [Float] = (0..<1000).map { Float(pow(10, Double($0) / 50 - 12)) }
            powers += [0, Float.leastNonzeroMagnitude, 1, 2, 0.5]
            var output = [Float](repeating: 0, count: powers.count)
            Decibels.convert(powers, scale: 1, into: &output, count: powers.count)
            for (power, db) in zip(powers, output) where power >= Float.leastNormalMagnitude {
                #expect(abs(db - 10 * log10(power)) < 1e-3)
            }
            #expect(output[1000] < -370)
        }
    }
}
