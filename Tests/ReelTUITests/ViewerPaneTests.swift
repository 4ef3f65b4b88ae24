import ReelCore
import Testing
@testable import ReelTUI

@Suite struct ViewerPaneTests {
    /// A 4 × 4 image whose rows are red, green, blue, white.
    let stripes: RGBImage = {
        let rows: [[UInt8]] = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]]
        return RGBImage(width: 4, height: 4, pixels: rows.flatMap { row in Array([[UInt8]](repeating: row, count: 4).joined()) })
    }()

    @Test func pixelBoxIsOneColumnAndTwoRowsPerCell() {
        #expect(ViewerPane.pixelBox(for: Rect(x: 0, y: 1, width: 120, height: 37)) == (120, 74))
    }

    @Test func drawsTwoPixelsPerCellWithUpperHalfBlocks() {
        var grid = CellGrid(width: 4, height: 2)
        ViewerPane.draw(.image(stripes), frame: 1, in: Rect(x: 0, y: 0, width: 4, height: 2), into: &grid)
        for x in 0..<4 {
            #expect(grid[x, 0] == Cell("▀", foreground: .rgb(255, 0, 0), background: .rgb(0, 255, 0)))
            #expect(grid[x, 1] == Cell("▀", foreground: .rgb(0, 0, 255), background: .rgb(255, 255, 255)))
        }
    }

    @Test func centresThePictureAndLeavesTheRestBlank() {
        var grid = CellGrid(width: 10, height: 4)
        ViewerPane.draw(.image(stripes), frame: 1, in: Rect(x: 0, y: 0, width: 10, height: 4), into: &grid)
        // 4 px wide in 10 columns: columns 3…6. 4 px tall in 8 pixel rows: cell rows 1…2.
        #expect(grid.text(row: 0) == "          ")
        #expect(grid.text(row: 1) == "   ▀▀▀▀   ")
        #expect(grid.text(row: 2) == "   ▀▀▀▀   ")
        #expect(grid.text(row: 3) == "          ")
        #expect(grid[3, 1].foreground == .rgb(255, 0, 0))
    }

    @Test func anOddOffsetUsesTheLowerBlockSoTheDefaultForegroundNeverShows() {
        // 4 px tall in 6 pixel rows: one blank pixel row on top, so cell row 0 holds only its lower half.
        var grid = CellGrid(width: 4, height: 3)
        ViewerPane.draw(.image(stripes), frame: 1, in: Rect(x: 0, y: 0, width: 4, height: 3), into: &grid)
        #expect(grid[0, 0] == Cell("▄", foreground: .rgb(255, 0, 0)))
        #expect(grid[0, 1] == Cell("▀", foreground: .rgb(0, 255, 0), background: .rgb(0, 0, 255)))
        #expect(grid[0, 2] == Cell("▀", foreground: .rgb(255, 255, 255)))
    }

    @Test func missingAndFailedFramesSaySoWithTheirReason() {
        var grid = CellGrid(width: 60, height: 6)
        ViewerPane.draw(.missing, frame: 12, in: Rect(x: 0, y: 0, width: 60, height: 6), into: &grid)
        #expect(grid.text.contains("frame 12 is missing"))
        ViewerPane.draw(.failed("s.0013.png: not a readable PNG: bad CRC"), frame: 13,
                        in: Rect(x: 0, y: 0, width: 60, height: 6), into: &grid)
        #expect(grid.text.contains("frame 13 failed to decode"))
        #expect(grid.text.contains("s.0013.png: not a readable PNG: bad CRC"))
        #expect(!grid.text.contains("missing"), "the old notice is cleared")
        // In a narrow pane the reason is cut with an ellipsis, not wrapped over other panes.
        var narrow = CellGrid(width: 20, height: 6)
        ViewerPane.draw(.failed(String(repeating: "x", count: 50)), frame: 1, in: Rect(x: 0, y: 1, width: 20, height: 4), into: &narrow)
        #expect(narrow.text.contains(String(repeating: "x", count: 19) + "…"))
        #expect(narrow.text(row: 0).trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
