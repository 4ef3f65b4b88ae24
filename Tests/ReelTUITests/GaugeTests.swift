import ReelCore
import Testing
@testable import ReelTUI

@Suite struct GaugeTests {
    var stats: MemoryStats {
        var stats = MemoryStats()
        stats.cacheBytes = 50 << 20
        stats.cacheBudget = 100 << 20
        stats.cachedFrames = 48
        stats.rssBytes = 123 << 20
        stats.heapBytes = 20 << 20
        stats.audioBytes = 4_800_000
        stats.queued = 3
        stats.running = 2
        stats.epoch = 7
        stats.hits = 90
        stats.misses = 10
        stats.dropped = 4
        return stats
    }

    @Test func oneLineShowsEveryFigureThatFits() {
        var grid = CellGrid(width: 200, height: 1)
        GaugePane.draw(GaugeModel(stats: stats, rssHistory: [100, 200, 300]), in: Rect(x: 0, y: 0, width: 200, height: 1), into: &grid)
        let line = grid.text(row: 0)
        for text in ["cache ████░░░░ 50.0 MB/100.0 MB 48 fr", "RSS 123.0 MB ▁▄█", "heap 20.0 MB", "audio 4.6 MB",
                     "jobs 3+2", "hit 90.0%", "dropped 4", "epoch 7"] {
            #expect(line.contains(text), "\(text) in \(line)")
        }
        #expect(grid[7, 0].foreground == GaugePane.barColour)
        // Narrow: whole fields only, most important first.
        var narrow = CellGrid(width: 60, height: 1)
        GaugePane.draw(GaugeModel(stats: stats), in: Rect(x: 0, y: 0, width: 60, height: 1), into: &narrow)
        #expect(narrow.text(row: 0).contains("cache"))
        #expect(!narrow.text(row: 0).contains("epoch"))
        #expect(!narrow.text(row: 0).hasSuffix("│ "))
    }

    @Test func theDetailedBlockHasARowPerSubject() {
        var grid = CellGrid(width: 150, height: 5)
        GaugePane.draw(GaugeModel(stats: stats, rssHistory: Array(repeating: 100 << 20, count: 59) + [123 << 20], detailed: true),
                       in: Rect(x: 0, y: 0, width: 150, height: 5), into: &grid)
        #expect(grid.text(row: 0).contains("50.0 MB of 100.0 MB (50%)"))
        #expect(grid.text(row: 1).contains("last 60 s, 100.0 MB–123.0 MB"))
        #expect(grid.text(row: 1).unicodeScalars.contains("█"))
        #expect(grid.text(row: 2).contains("audio buffers 4.6 MB"))
        #expect(grid.text(row: 3).contains("queued 3") && grid.text(row: 3).contains("epoch 7"))
        #expect(grid.text(row: 4).contains("hit rate 90.0%") && grid.text(row: 4).contains("dropped frames 4"))
    }

    @Test func aFullCacheChangesColour() {
        var full = stats
        full.cacheBytes = full.cacheBudget
        var grid = CellGrid(width: 100, height: 1)
        GaugePane.draw(GaugeModel(stats: full), in: Rect(x: 0, y: 0, width: 100, height: 1), into: &grid)
        #expect(grid[7, 0].foreground == GaugePane.fullColour)
    }

    @Test func sparklinesScaleAndKeepSpikes() {
        #expect(Sparkline.text([1, 1, 1], width: 10) == "▁▁▁")
        #expect(Sparkline.text([0, 7], width: 10) == "▁█")
        let spiky = [Int](repeating: 0, count: 59) + [100]
        #expect(Sparkline.text(spiky, width: 12).hasSuffix("█"))
        #expect(Sparkline.text(spiky, width: 12).unicodeScalars.count == 12)
        #expect(Sparkline.text([], width: 5) == "")
    }

    @Test func historyKeepsOneValuePerSecondForAMinute() {
        var history = MemoryHistory(seconds: 60)
        #expect(history.values.isEmpty)
        history.record(10, at: 100.1)
        history.record(30, at: 100.6)
        history.record(20, at: 100.9)
        #expect(history.values == [30])
        history.record(5, at: 103.2)  // two quiet seconds repeat the last value
        #expect(history.values == [30, 30, 30, 5])
        for second in 0..<500 { history.record(second, at: 104 + Double(second)) }
        #expect(history.values.count == 60)
        #expect(history.values.last == 499)
        #expect(history.values.first == 440)
    }

    @Test func bytesReadAsPeopleSayThem() {
        #expect(ByteText.format(512 * 1024) == "512 KB")
        #expect(ByteText.format(123 << 20) == "123.0 MB")
        #expect(ByteText.format(4 << 30) == "4.00 GB")
        #expect(ByteText.trimmed(23.976) == "23.98")
        #expect(ByteText.trimmed(24) == "24")
        #expect(ByteText.trimmed(29.97) == "29.97")
    }
}
