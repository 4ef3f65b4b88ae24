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
}
