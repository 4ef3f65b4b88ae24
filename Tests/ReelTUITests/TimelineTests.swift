import Foundation
import ReelCore
import Testing
@testable import ReelTUI

@Suite struct TimelineTests {
    @Test(arguments: [(1...100, 20), (1...100, 100), (1...100, 293), (1001...1096, 50), (7...7, 30), (0...99_999, 180)])
    func columnsAndFramesAgree(_ frames: ClosedRange<Int>, _ width: Int) {
        let scale = TimelineScale(frames: frames, width: width)
        // The columns' frames cover the range in order, without gaps or overlaps where frames are more.
        var next = frames.lowerBound
        for column in 0..<width {
            let covered = scale.frames(column: column)
            #expect(covered.lowerBound == next || (frames.count < width && covered.lowerBound == next - 1))
            next = covered.upperBound + 1
            // A click on a column goes to a frame the column shows, and the playhead of that frame is drawn there.
            let frame = scale.frame(column: column)
            #expect(frames.contains(frame))
            if column < width - 1 || frames.count <= width {
                #expect(scale.frames(column: scale.column(frame: frame)).contains(frame))
            }
        }
        #expect(next == frames.upperBound + 1)
        #expect(scale.frame(column: width - 1) == frames.upperBound, "a drag to the right end reaches the last frame")
        #expect(scale.column(frame: frames.lowerBound) == 0)
        #expect(scale.column(frame: frames.upperBound) <= width - 1)
        for frame in stride(from: frames.lowerBound, through: frames.upperBound, by: max(1, frames.count / 500)) {
            #expect(scale.frames(column: scale.column(frame: frame)).contains(frame))
        }
    }

    @Test func samplesFollowTheFrames() {
        let scale = TimelineScale(frames: 1...48, width: 40)
        #expect(scale.sampleRange(first: 1, fps: 24, sampleRate: 48_000) == 0..<96_000)
        let zoomed = TimelineScale(frames: 25...48, width: 40)
        #expect(zoomed.sampleRange(first: 1, fps: 24, sampleRate: 48_000) == 48_000..<96_000)
    }

    func draw(_ model: TimelineModel, width: Int, rows: Int = 3, gutter: Int = 6) -> CellGrid {
        var grid = CellGrid(width: width, height: rows)
        TimelinePane.draw(model, in: Rect(x: 0, y: 0, width: width, height: rows),
                          track: Rect(x: gutter, y: 0, width: width - gutter - 1, height: rows), into: &grid)
        return grid
    }

    /// Numbers in the ruler row, in order.
    func labels(_ grid: CellGrid) -> [Int] {
        grid.text(row: 0).split { !$0.isNumber }.compactMap { Int($0) }
    }

    @Test(arguments: [20, 40, 80, 120, 300])
    func rulerLabelsAdaptToTheWidthAndNeverTouch(_ width: Int) {
        let grid = draw(TimelineModel(visible: 1...100, frame: 50), width: width, gutter: width >= 40 ? 6 : 0)
        let numbers = labels(grid)
        #expect(!numbers.isEmpty)
        #expect(numbers == numbers.sorted())
        #expect(numbers.allSatisfy { (1...100).contains($0) })
        // Labels are separated by at least one blank.
        #expect(!grid.text(row: 0).contains("╷╷"))
        let steps = Set(zip(numbers, numbers.dropFirst()).map { $1 - $0 })
        #expect(steps.count <= 2, "one step (the first label may sit off the grid)")
    }

    @Test func widerRulersShowMoreLabels() {
        let narrow = labels(draw(TimelineModel(visible: 1...1000, frame: 1), width: 40)).count
        let wide = labels(draw(TimelineModel(visible: 1...1000, frame: 1), width: 300)).count
        #expect(wide > narrow)
        #expect(labels(draw(TimelineModel(visible: 1...1000, frame: 1), width: 300)).contains(100), "round numbers")
    }

    @Test func theBarShowsTheWorkAreaAndThePlayhead() {
        let grid = draw(TimelineModel(visible: 1...100, frame: 30, workArea: 11...60), width: 107)  // a track of 100
        let bar = Array(grid.text(row: 1).unicodeScalars)
        #expect(bar[6 + 10] == "[")
        #expect(bar[6 + 59] == "]")
        #expect(bar[6 + 29] == TimelinePane.playhead)
        #expect(bar[6 + 40] == "━")
        #expect(bar[6 + 70] == "─")
        #expect(grid[6 + 40, 1].foreground == TimelinePane.areaColour)
        #expect(grid[6 + 29, 1].foreground == TimelinePane.playheadColour)
    }

    @Test func theStripShowsEachFramesState() {
        var states = [FrameState](repeating: .absent, count: 100)
        for i in 0..<50 { states[i] = .cached }
        states[60] = .failed
        states[70] = .missing
        for i in 80..<85 { states[i] = .queued }
        let grid = draw(TimelineModel(visible: 1...100, frame: 1, states: states), width: 107)
        let strip = Array(grid.text(row: 2).unicodeScalars)
        #expect(grid.text(row: 2).hasPrefix("cache "))
        #expect(strip[6..<56].allSatisfy { $0 == "█" })
        #expect(grid[6, 2].foreground == TimelinePane.colour(.cached))
        #expect(strip[6 + 60] == "✖" && grid[6 + 60, 2].foreground == TimelinePane.colour(.failed))
        #expect(strip[6 + 70] == "·" && grid[6 + 70, 2].foreground == TimelinePane.colour(.missing))
        #expect(strip[6 + 82] == "▄" && grid[6 + 82, 2].foreground == TimelinePane.colour(.queued))
        #expect(strip[6 + 95] == "▁")
        // Five frames a cell: one failure or gap among cached frames still shows.
        let narrow = draw(TimelineModel(visible: 1...100, frame: 1, states: states), width: 27)
        #expect(narrow.text(row: 2).unicodeScalars.contains("✖"))
        #expect(narrow.text(row: 2).unicodeScalars.contains("·"))
    }

    @Test func oneRowCarriesTheStripAsBackground() {
        var states = [FrameState](repeating: .cached, count: 10)
        states[9] = .failed
        let grid = draw(TimelineModel(visible: 1...10, frame: 5, states: states), width: 20, rows: 1, gutter: 0)
        #expect(grid[0, 0].background == TimelinePane.colour(.cached))
        #expect(grid[18, 0].background == TimelinePane.colour(.failed))
        #expect(grid.text(row: 0).unicodeScalars.contains(TimelinePane.playhead))
    }

    @Test func audioOnlyRulersReadInTime() {
        let grid = draw(TimelineModel(visible: 0...(24 * 600 - 1), frame: 0, secondsAt: 24), width: 120)
        #expect(grid.text(row: 0).contains("1:00") || grid.text(row: 0).contains("2:00"))
        #expect(grid.text(row: 0).hasPrefix("time"))
        #expect(!grid.text(row: 2).contains("cache"))
    }

    /// In timecode the ruler labels whole seconds of the file's own timecode, from its first frame.
    @Test func timecodeRulersLabelSecondsOfTheFilesTimecode() throws {
        let rate = Timecode.Rate(fps: 24)
        let start = try #require(Timecode(parsing: "01:00:00:00", rate: rate))
        let clock = FrameClock(unit: .timecode, fps: 24, first: 1001, start: start)
        let grid = draw(TimelineModel(visible: 1001...1240, frame: 1001, clock: clock), width: 120)
        let ruler = grid.text(row: 0)
        #expect(ruler.hasPrefix("TC"))
        #expect(ruler.contains("01:00:00:00") && ruler.contains("01:00:0"), "\(ruler)")
        // Every label is a whole second: frames 00.
        let labels = ruler.split(separator: "╷").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!labels.isEmpty && labels.allSatisfy { $0.hasSuffix(":00") }, "\(labels)")
        // In frames, numbers.
        let frames = draw(TimelineModel(visible: 1001...1240, frame: 1001, clock: FrameClock(fps: 24, first: 1001, start: start)), width: 120)
        #expect(frames.text(row: 0).contains("1100") && !frames.text(row: 0).contains("01:00"))
    }
}
