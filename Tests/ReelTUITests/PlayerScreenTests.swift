import ReelCore
import Testing
@testable import ReelTUI

@Suite struct PlayerScreenTests {
    let snapshot = PlayerSnapshot(name: "shots/sh010.####.png", imageSize: (1920, 1080), fps: 24, frame: 1042,
                                  first: 1001, last: 1096, isPlaying: true, audioName: "sh010.wav")
    let picture = FrameContent.image(RGBImage(width: 8, height: 4, pixels: [UInt8](repeating: 200, count: 8 * 4 * 3)))

    @Test(arguments: [(120, 40), (20, 6), (300, 100), (80, 24)])
    func everyPaneHasItsRowAtEverySize(_ width: Int, _ height: Int) throws {
        let grid = PlayerScreen.compose(snapshot, content: picture, width: width, height: height)
        let layout = try #require(PlayerScreen.layout(width: width, height: height))
        #expect(layout.viewer.height == height - 3)
        #expect(grid.text(row: 0).hasPrefix(" shots/sh010"))
        #expect(grid[0, 0].attributes.contains(.reverse))
        let timeline = grid.text(row: height - 2)
        #expect(timeline.hasPrefix(" 1001 "))
        #expect(timeline.contains(String(TimelinePane.playhead)))
        #expect(grid.text(row: height - 1).contains("Space"))
        #expect(grid.text.contains("▀"))
        #expect(grid.text(row: 0).hasSuffix("reel ") == (width >= 120), "the name only where it fits")
        if width >= 80 {
            #expect(grid.text(row: 0).contains("frame 1042"))
            #expect(grid.text(row: 0).contains("1920×1080"))
            #expect(timeline.hasSuffix(" 1096 "))
            #expect(grid.text(row: height - 1).contains("q quit"))
        }
    }

    @Test func aTooSmallTerminalSaysSoInOneLine() {
        let grid = PlayerScreen.compose(snapshot, content: picture, width: 30, height: 4)
        #expect(grid.text(row: 0).hasPrefix("Reel needs 20×5 (now 30×4)"))
        #expect(PlayerScreen.compose(snapshot, content: picture, width: 19, height: 3).text(row: 0) == "too small: 19×3    ")
        #expect(grid.text(row: 1).trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(PlayerScreen.layout(width: 19, height: 40) == nil)
        #expect(PlayerScreen.compose(snapshot, content: picture, width: 0, height: 0).cells.isEmpty)
    }

    @Test func theTitleSaysWhetherItPlays() {
        var paused = snapshot
        paused.isPlaying = false
        paused.fps = 23.976
        let text = PlayerScreen.compose(paused, content: .missing, width: 160, height: 10).text(row: 0)
        #expect(text.contains("paused"))
        #expect(text.contains("23.98 fps"))
        #expect(text.contains("♪ sh010.wav"))
    }

    @Test func thePlayheadMovesAcrossTheRuler() {
        #expect(TimelinePane.playheadColumn(frame: 1, first: 1, last: 96, barWidth: 50) == 0)
        #expect(TimelinePane.playheadColumn(frame: 96, first: 1, last: 96, barWidth: 50) == 49)
        #expect(TimelinePane.playheadColumn(frame: 48, first: 1, last: 95, barWidth: 95) == 47)
        #expect(TimelinePane.playheadColumn(frame: 7, first: 7, last: 7, barWidth: 50) == 0)
        var grid = CellGrid(width: 40, height: 1)
        TimelinePane.draw(frame: 96, first: 1, last: 96, in: Rect(x: 0, y: 0, width: 40, height: 1), into: &grid)
        // " 1 " and " 96 " leave 33 cells: ├, 31 rules, and the playhead on the last one.
        #expect(grid.text(row: 0) == " 1 ├" + String(repeating: "─", count: 31) + "● 96 ")
    }
}
