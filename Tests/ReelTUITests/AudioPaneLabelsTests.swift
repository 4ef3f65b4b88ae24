import Foundation
import ReelCore
import Testing
@testable import ReelTUI

/// The audio pane's frequency labels (the Nyquist frequency on top, even steps on the linear
/// scale) and its dB colour legend.
@Suite struct AudioPaneLabelsTests {
    func labels(_ scale: FrequencyScale, sampleRate: Int, rows: Int) -> [(row: Int, text: String)] {
        var grid = CellGrid(width: 6, height: rows)
        AudioPane.drawFrequencyLabels(scale, sampleRate: sampleRate, gutter: Rect(x: 0, y: 0, width: 6, height: rows), into: &grid)
        return (0..<rows).compactMap { row in
            let text = grid.text(row: row).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : (row, text)
        }
    }

    @Test func theTopRowIsTheNyquistFrequencyAndLinearLabelsAreEvenlySpaced() {
        let linear = labels(.linear, sampleRate: 48_000, rows: 24)
        #expect(linear.first?.row == 0 && linear.first?.text == "24k", "\(linear)")
        // Below it, one step apart in hertz (a 1-2-5 step) and in rows (within a row's rounding).
        let hertz = linear.dropFirst().compactMap { Double($0.text.dropLast()) }.map { $0 * 1000 }
        let steps = Set(zip(hertz, hertz.dropFirst()).map { $0 - $1 })
        #expect(hertz.count >= 3 && steps.count == 1 && [1000.0, 2000, 5000, 10_000].contains(steps.first ?? 0), "\(linear)")
        let rows = linear.dropFirst().map(\.row)
        let gaps = zip(rows, rows.dropFirst()).map { $1 - $0 }
        #expect((gaps.max() ?? 0) - (gaps.min() ?? 0) <= 1, "even: \(linear)")
        #expect(labels(.log, sampleRate: 44_100, rows: 12).first?.text == "22k")
        #expect(labels(.mel, sampleRate: 8_000, rows: 12).first?.text == "4k")
    }

    @Test func frequenciesAreWrittenShort() {
        #expect(AudioPane.hertzText(22_050) == "22k" && AudioPane.hertzText(1_500) == "1.5k")
        #expect(AudioPane.hertzText(4_000) == "4k" && AudioPane.hertzText(440) == "440")
    }

    @Test func theLegendSpansTheLevelsDrawnInTheMapsColours() {
        var grid = CellGrid(width: 80, height: 1)
        var settings = SpectrogramSettings()
        settings.colorMap = .magma
        AudioPane.drawLegend(settings, right: 60, left: 0, y: 0, style: TextStyle(), into: &grid)
        let text = grid.text(row: 0)
        #expect(text.contains("-90") && text.contains("0 dB"), "\(text)")
        let table = ColorMap.magma.table()
        let cells = (0..<80).filter { grid[$0, 0].character == " " && grid[$0, 0].background != .terminalDefault }
        #expect(cells.count == AudioPane.legendCells)
        let quiet = table.rgb(level: 0.05), loud = table.rgb(level: 0.95)
        #expect(grid[cells.first!, 0].background == .rgb(UInt8(quiet >> 16 & 0xFF), UInt8(quiet >> 8 & 0xFF), UInt8(quiet & 0xFF)))
        #expect(grid[cells.last!, 0].background == .rgb(UInt8(loud >> 16 & 0xFF), UInt8(loud >> 8 & 0xFF), UInt8(loud & 0xFF)))
        // With no room, no legend.
        var narrow = CellGrid(width: 10, height: 1)
        AudioPane.drawLegend(settings, right: 8, left: 0, y: 0, style: TextStyle(), into: &narrow)
        #expect(narrow.text(row: 0).trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
