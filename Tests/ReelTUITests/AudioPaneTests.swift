import Foundation
import ReelCore
import Testing
@testable import ReelTUI

@Suite struct AudioPaneTests {
    func draw(width: Int, height: Int, playhead: Int? = nil) throws -> (CellGrid, Rect) {
        let track = Rect(x: width >= 40 ? 6 : 0, y: 0, width: width - (width >= 40 ? 7 : 0), height: 1)
        let rows = AudioPane.split(height: height).spectrogram * 2
        let analysis = try AudioFixture.analysis(columns: track.width, rows: rows)
        defer { analysis.close() }
        var grid = CellGrid(width: width, height: height)
        AudioPane.draw(AudioPaneModel(analysis: analysis, samples: 0..<32_000, playheadColumn: playhead),
                       in: Rect(x: 0, y: 0, width: width, height: height), track: track, into: &grid)
        return (grid, track)
    }

    /// The brightness of a cell colour.
    func luma(_ colour: CellColor) -> Int {
        guard let (r, g, b) = colour.rgb else { return 0 }
        return Int(r) * 2 + Int(g) * 7 + Int(b)
    }

    @Test(arguments: [(40, 12), (120, 30), (300, 100)])
    func theSineLightsTheRowLabelledOneKilohertz(_ width: Int, _ height: Int) throws {
        let (grid, track) = try draw(width: width, height: height)
        let (spectrogramRows, waveformRows) = AudioPane.split(height: height)
        let labelled = try #require((0..<spectrogramRows).first { grid.text(row: $0).hasPrefix("   1k") || grid.text(row: $0).hasPrefix("  1k ") })
        // A column left of the caption: the brightest half cell is within one cell of the 1k label.
        let x = track.x + 2
        let brightest = (0..<spectrogramRows).max { a, b in
            max(luma(grid[x, a].foreground), luma(grid[x, a].background)) < max(luma(grid[x, b].foreground), luma(grid[x, b].background))
        }!
        #expect(abs(brightest - labelled) <= 1, "brightest row \(brightest), label at \(labelled)")
        #expect(grid[x, brightest].character == Cell.upperHalfBlock)
        // The waveform: a half-scale sine fills the middle of its rows, not the edges.
        let waveTop = spectrogramRows
        let middle = waveTop + (waveformRows - 1) / 2
        #expect(grid[x, middle].character == "█")
        #expect(grid[x, middle].foreground == AudioPane.waveColour)
        if waveformRows >= 4 {
            #expect(grid[x, waveTop].character == " ")
            #expect(grid[x, waveTop + waveformRows - 1].character != "█", "half scale stops short of the edge")
        }
        #expect(grid.text(row: 0).contains("log · FFT 2048 · viridis"))
    }

    @Test func thePlayheadRunsThroughBoth() throws {
        let (grid, track) = try draw(width: 80, height: 12, playhead: 10)
        for y in 0..<AudioPane.split(height: 12).spectrogram where y > 0 {
            #expect(grid[track.x + 10, y].character == "│")
            #expect(grid[track.x + 10, y].foreground == AudioPane.playheadColour)
        }
        #expect(grid[track.x + 10, 11].foreground == AudioPane.playheadColour)
    }

    @Test func smallPanesStillDraw() throws {
        let (grid, _) = try draw(width: 20, height: 2)
        #expect(grid.text(row: 0).unicodeScalars.contains(Cell.upperHalfBlock))
        #expect(AudioPane.split(height: 1) == (1, 0))
        #expect(AudioPane.split(height: 2) == (1, 1))
        #expect(AudioPane.split(height: 30) == (20, 10))
    }

    /// Stereo drawn per channel: a band of spectrogram and a lane of waveform each, named L and
    /// R; a 1 kHz sine on the left only lights the left's band and fills the left's lane.
    @Test func stereoPerChannelGivesEachChannelItsBandAndLane() throws {
        let path = NSTemporaryDirectory() + "reel-tui-left-\(getpid()).wav"
        defer { unlink(path) }
        let samples = (0..<32_000).flatMap { [Float(0.5 * sin(2 * Double.pi * 1000 * Double($0) / 32_000)), 0] }
        try SoundFile.writeWAV(path: path, sampleRate: 32_000, channels: 2, samples: samples)
        let (width, height) = (100, 30)
        let track = Rect(x: 6, y: 0, width: width - 7, height: 1)
        let (spectrogramRows, waveformRows) = AudioPane.split(height: height)
        let analysis = try AudioAnalysis(path: path, view: .init(columns: track.width, rows: spectrogramRows * 2))
        defer { analysis.close() }
        var settings = analysis.settings
        settings.channels = .separate
        analysis.setSettings(settings)
        #expect(analysis.waitUntilDone(timeout: 30))
        var grid = CellGrid(width: width, height: height)
        AudioPane.draw(AudioPaneModel(analysis: analysis, samples: 0..<32_000, playheadColumn: nil),
                       in: Rect(x: 0, y: 0, width: width, height: height), track: track, into: &grid)
        #expect(grid.text(row: 0).contains("viridis \u{00B7} per channel"), "\(grid.text)")
        // Two bands of spectrogramRows / 2; the names in the gutter's first column.
        let band = spectrogramRows / 2
        #expect(grid[0, (band - 1) / 2].character == "L" && grid[0, band + (spectrogramRows - band - 1) / 2].character == "R")
        let x = track.x + 2
        func brightness(_ y: Int) -> Int { max(luma(grid[x, y].foreground), luma(grid[x, y].background)) }
        let left = (1..<band).map(brightness).max()!, right = (band..<spectrogramRows).map(brightness).max()!
        #expect(left > 3 * max(1, right), "the sine is in the left's band only: \(left) against \(right)")
        let oneK = try #require((1..<band).first { grid.text(row: $0).dropFirst().hasPrefix("  1k ") })
        let brightest = (1..<band).max { brightness($0) < brightness($1) }!
        #expect(abs(brightest - oneK) <= 1, "brightest row \(brightest), the left's 1k label at \(oneK)")
        // The waveform: the left's lane filled, the right's a line at zero.
        let laneRows = waveformRows / 2
        let leftLane = spectrogramRows..<(spectrogramRows + laneRows), rightLane = (spectrogramRows + laneRows)..<height
        #expect(leftLane.contains { grid[x, $0].character == "\u{2588}" })
        #expect(!rightLane.contains { grid[x, $0].character == "\u{2588}" }, "silence is a line, not a block")
        #expect(grid[0, leftLane.lowerBound + (laneRows - 1) / 2].character == "L")

        // Mixed again: one band, one lane, no names.
        settings.channels = .mix
        analysis.setSettings(settings)
        #expect(analysis.waitUntilDone(timeout: 30))
        grid = CellGrid(width: width, height: height)
        AudioPane.draw(AudioPaneModel(analysis: analysis, samples: 0..<32_000, playheadColumn: nil),
                       in: Rect(x: 0, y: 0, width: width, height: height), track: track, into: &grid)
        #expect(!grid.text(row: 0).contains("per channel"))
        #expect((0..<height).allSatisfy { grid[0, $0].character != "L" && grid[0, $0].character != "R" })
    }
}
