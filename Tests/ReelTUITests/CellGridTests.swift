import Testing
@testable import ReelTUI

@Suite struct CellGridTests {
    @Test func textIsPutAndClippedAtTheEdge() {
        var grid = CellGrid(width: 10, height: 2)
        let end = grid.put("hello world", x: 3, y: 1, style: TextStyle(attributes: .bold))
        #expect(end == 10)
        #expect(grid.text(row: 1) == "   hello w")
        #expect(grid[3, 1].attributes == .bold)
        #expect(grid.text(row: 0) == String(repeating: " ", count: 10))
        grid.put("x", x: -1, y: 0)
        grid.put("y", x: 0, y: 5)
        #expect(grid.text == String(repeating: " ", count: 10) + "\n   hello w")
    }

    @Test func maxWidthCutsText() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("abcdef", x: 1, y: 0, maxWidth: 3)
        #expect(grid.text(row: 0) == " abc      ")
    }

    @Test func fillIsClipped() {
        var grid = CellGrid(width: 4, height: 3)
        grid.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell("#"))
        #expect(grid.text == "    \n  ##\n  ##")
    }

    @Test func coloursRoundTrip() {
        let colour = CellColor.rgb(1, 2, 3)
        #expect(colour.rgb! == (1, 2, 3))
        #expect(!colour.isDefault)
        #expect(CellColor.terminalDefault.rgb == nil)
        #expect(CellColor.rgb(0, 0, 0) != .terminalDefault)
    }
}
