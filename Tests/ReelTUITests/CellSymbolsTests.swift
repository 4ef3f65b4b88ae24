import ReelCore
import Testing
@testable import ReelTUI

/// The block symbols' tables, and the painter that chooses one per cell.
@Suite struct CellSymbolsTests {
    @Test func everyPatternHasItsOwnCharacter() {
        for symbols in CellSymbols.allCases {
            let patterns = 1 << (symbols.grid.columns * symbols.grid.rows)
            let characters = Set((0..<patterns).map(symbols.character))
            #expect(characters.count == patterns, "\(symbols)")
            #expect(symbols.character(0) == " ")
            #expect(symbols.character(patterns - 1) == "\u{2588}")
        }
    }

    @Test func sextantsAndOctantsFillTheirBlocksInOrder() {
        let sextants = (0..<64).map { CellSymbols.sextant.character($0).value }.filter { (0x1FB00...0x1FB3B).contains($0) }
        #expect(sextants == Array(0x1FB00...0x1FB3B))
        #expect(CellSymbols.sextant.character(0b010101) == "\u{258C}")
        #expect(CellSymbols.sextant.character(1) == "\u{1FB00}")
        let octants = (0..<256).map { CellSymbols.octant.character($0).value }.filter { (0x1CD00...0x1CDE5).contains($0) }
        #expect(octants == Array(0x1CD00...0x1CDE5), "230 octants in pattern order")
        // BLOCK OCTANT-3 (bit 2) opens the block; the left column is the old left half block.
        #expect(CellSymbols.octant.character(0b100) == "\u{1CD00}")
        #expect(CellSymbols.octant.character(0b0101_0101) == "\u{258C}")
        #expect(CellSymbols.octant.character(0b1100_0000) == "\u{2582}")
        #expect(CellSymbols.quad.character(0b1001) == "\u{259A}")
    }

    /// A 2×4 picture (one cell) whose set pixels are `mask` (row by row), white on black.
    static func cell(_ mask: Int) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: 2 * 4 * 3)
        for i in 0..<8 where mask >> i & 1 == 1 {
            pixels[i * 3] = 250; pixels[i * 3 + 1] = 240; pixels[i * 3 + 2] = 230
        }
        return RGBImage(width: 2, height: 4, pixels: pixels)
    }

    static func paint(_ image: RGBImage, _ symbols: CellSymbols) -> Cell {
        var grid = CellGrid(width: 1, height: 1)
        SymbolPainter.draw(image, symbols: symbols, in: Rect(x: 0, y: 0, width: 1, height: 1), into: &grid)
        return grid[0, 0]
    }

    @Test func octantsDrawEveryPatternExactly() {
        for mask in 1..<255 {
            let cell = Self.paint(Self.cell(mask), .octant)
            #expect(cell.character == CellSymbols.octant.character(mask), "\(mask)")
            #expect(cell.foreground == .rgb(250, 240, 230) && cell.background == .rgb(0, 0, 0), "\(mask)")
        }
    }

    @Test func quadrantsAndSextantsDrawTheirPatterns() {
        // Top-left quadrant: two octant rows of the left column.
        let quad = Self.paint(Self.cell(0b0000_0101), .quad)
        #expect(quad.character == "\u{2598}" && quad.foreground == .rgb(250, 240, 230))
        // The left column in sextants is the left half block.
        let left = Self.paint(Self.cell(0b0101_0101), .sextant)
        #expect(left.character == "\u{258C}")
        // The bottom half of four rows over a sextant's three: its middle row is half covered,
        // as close to either side, so the ink is the bottom row or the bottom two.
        let bottom = Self.paint(Self.cell(0b1111_0000), .sextant)
        #expect([CellSymbols.sextant.character(0b11_0000), CellSymbols.sextant.character(0b11_1100)].contains(bottom.character))
        // One colour: a space in it.
        let flat = Self.paint(Self.cell(0), .sextant)
        #expect(flat.character == " " && flat.background == .rgb(0, 0, 0))
    }

    /// The split the painter chooses against every split there is, over 400 seeded random cells
    /// (the hardest case, no structure at all): its error is the least in most of them and, summed, within a few percent of the least.
    @Test func theSplitIsTheOneWithTheLeastError() {
        var seed: UInt32 = 12345
        func next() -> UInt8 {
            seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5
            return UInt8(seed & 255)
        }
        var ours = 0, best = 0, optimal = 0
        for _ in 0..<400 {
            let pixels = (0..<(8 * 3)).map { _ in next() }
            let image = RGBImage(width: 2, height: 4, pixels: pixels)
            let cell = Self.paint(image, .octant)
            let mine = Self.error(of: cell, image)
            var least = Int.max
            for mask in 0..<256 {
                least = min(least, Self.error(mask: mask, image))
            }
            ours += mine
            best += least
            if mine == least { optimal += 1 }
        }
        #expect(Double(ours) <= Double(best) * 1.05, "\(ours) against the least \(best)")
        #expect(optimal >= 200, "least error in \(optimal) of 400 cells")
    }

    /// Squared error of `cell` (an octant cell) against the 2×4 `image`.
    static func error(of cell: Cell, _ image: RGBImage) -> Int {
        let mask = (0..<256).first { CellSymbols.octant.character($0) == cell.character } ?? 0
        let fg = cell.foreground.rgb ?? (0, 0, 0), bg = cell.background.rgb ?? (0, 0, 0)
        var total = 0
        for i in 0..<8 {
            let c = mask >> i & 1 == 1 && cell.character != " " ? fg : bg
            for (k, v) in [c.r, c.g, c.b].enumerated() {
                let d = Int(v) - Int(image.pixels[i * 3 + k])
                total += d * d
            }
        }
        return total
    }

    /// Squared error of the best two colours (the means) for split `mask` of `image`.
    static func error(mask: Int, _ image: RGBImage) -> Int {
        var total = 0
        for set in [true, false] {
            let members = (0..<8).filter { (mask >> $0 & 1 == 1) == set }
            guard !members.isEmpty else { continue }
            for k in 0..<3 {
                let sum = members.reduce(0) { $0 + Int(image.pixels[$1 * 3 + k]) }
                let mean = (sum + members.count / 2) / members.count
                total += members.reduce(0) { $0 + (Int(image.pixels[$1 * 3 + k]) - mean) * (Int(image.pixels[$1 * 3 + k]) - mean) }
            }
        }
        return total
    }
}
