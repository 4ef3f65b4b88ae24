import ReelCore
import Testing
@testable import ReelTUI

/// The row encoder's bytes, read back by a virtual terminal: what a person would see must be the
/// grid (within the tolerance), frame after frame, for every colour mode.
@Suite struct ANSIRowEncoderTests {
    /// A reproducible stream of numbers (a 64-bit LCG).
    struct Noise {
        var state: UInt64
        mutating func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// A picture of `width` × `height` pixels: the demo's moving stripes, or noise.
    static func picture(width: Int, height: Int, frame: Int, noise: Bool) -> RGBImage {
        if noise {
            var random = Noise(state: UInt64(frame) &* 977 &+ 1)
            return RGBImage(width: width, height: height, pixels: (0..<(width * height * 3)).map { _ in random.next() })
        }
        var demo = DemoGenerator()
        demo.width = width
        demo.height = height
        return demo.picture(frame: frame)
    }

    /// A screen like the player's: a title row of text, picture rows, and a text row below.
    static func grid(width: Int, height: Int, frame: Int, noise: Bool, symbols: CellSymbols = .half) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        grid.put(" Reel · frame \(frame) ", x: 0, y: 0, style: TextStyle(foreground: .rgb(0, 0, 0), background: .rgb(200, 200, 200), attributes: .bold))
        let viewer = Rect(x: 0, y: 1, width: width, height: height - 2)
        // Narrower than the viewer, so the letterbox has default-coloured blanks.
        let per = symbols.decodedPixels
        ViewerPane.draw(.image(picture(width: (width - 6) * per.columns, height: viewer.height * per.rows - 1, frame: frame, noise: noise)),
                        frame: frame, in: viewer, into: &grid, symbols: symbols)
        if frame % 3 == 0 {
            grid.put("help over the picture", x: 4, y: 3, style: TextStyle(foreground: .rgb(255, 255, 0), attributes: [.reverse, .underline]))
        }
        grid.put("hints", x: 0, y: height - 1, style: TextStyle(attributes: .dim))
        return grid
    }

    /// Whether colour numbers look the same in `mode` (true colour within the tolerance).
    static func close(_ a: Int32, _ b: Int32, mode: ColorMode) -> Bool {
        if a == b { return true }
        guard mode == .direct, a >= 0, b >= 0 else { return false }
        let t = ANSIRowEncoder.tolerance
        return abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) <= t && abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) <= t && abs((a & 0xFF) - (b & 0xFF)) <= t
    }

    /// The cells of `rows` where the terminal does not show what `grid` holds.
    static func differences(_ terminal: VirtualTerminal, _ grid: CellGrid, rows: Range<Int>) -> [String] {
        let mode = terminal.mode
        var found: [String] = []
        for y in rows {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                let fg = mode.colorNumber(cell.foreground), bg = mode.colorNumber(cell.background)
                if cell.character == Cell.upperHalfBlock, cell.attributes.isEmpty, fg >= 0, bg >= 0 {
                    guard let halves = terminal.halves(x: x, y: y), close(halves.top, fg, mode: mode), close(halves.bottom, bg, mode: mode) else {
                        found.append("(\(x), \(y)) shows \(terminal[x, y]) for ▀ \(fg)/\(bg)")
                        continue
                    }
                } else if let complement = CellSymbols.complements[cell.character.value], cell.attributes.isEmpty, fg >= 0, bg >= 0 {
                    // A symbol may be sent as its complement with the colours swapped.
                    let shown = terminal[x, y]
                    let same = shown.scalar == cell.character && close(shown.foreground, fg, mode: mode) && close(shown.background, bg, mode: mode)
                    let swapped = shown.scalar.value == complement && close(shown.foreground, bg, mode: mode) && close(shown.background, fg, mode: mode)
                    guard shown.attributes == 0, same || swapped else {
                        found.append("(\(x), \(y)) shows \(shown) for \(cell)")
                        continue
                    }
                } else if cell.character == " ", cell.attributes.isDisjoint(with: [.underline, .reverse]) {
                    // A space shows no foreground.
                    let shown = terminal[x, y]
                    guard shown.scalar == " ", shown.attributes == cell.attributes.rawValue, close(shown.background, bg, mode: mode) else {
                        found.append("(\(x), \(y)) shows \(shown) for \(cell)")
                        continue
                    }
                } else {
                    let shown = terminal[x, y]
                    guard shown.scalar == cell.character, shown.attributes == cell.attributes.rawValue,
                          close(shown.foreground, fg, mode: mode), close(shown.background, bg, mode: mode) else {
                        found.append("(\(x), \(y)) shows \(shown) for \(cell)")
                        continue
                    }
                }
            }
        }
        return found
    }

    /// How many SGR sequences (`ESC [ … m`) `bytes` holds.
    static func sgrCount(_ bytes: [UInt8]) -> Int {
        var count = 0, i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x1B, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { continue }
            var j = i + 2
            while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "m") { count += 1 }
            i = j
        }
        return count
    }

    @Test(arguments: [ColorMode.direct, .palette256, .palette16, .palette8])
    func theTerminalShowsEveryFrame(mode: ColorMode) {
        let (width, height) = (48, 14)
        var encoder = ANSIRowEncoder(mode: mode)
        var terminal = VirtualTerminal(width: width, height: height, mode: mode)
        let rows = 1..<(height - 1)
        for frame in 1...30 {
            let grid = Self.grid(width: width, height: height, frame: frame, noise: frame % 7 == 0)
            terminal.feed(encoder.encode(grid, rows: rows))
            #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
            #expect(terminal.isNormal, "frame \(frame) leaves attributes or colours set")
            let wrong = Self.differences(terminal, grid, rows: rows)
            #expect(wrong.isEmpty, "frame \(frame): \(wrong.count) cells wrong, first \(wrong.prefix(3))")
            // Rows outside the range are never written.
            #expect((0..<width).allSatisfy { terminal[$0, 0] == VirtualTerminal.Cell() && terminal[$0, height - 1] == VirtualTerminal.Cell() })
        }
    }

    @Test(arguments: [CellSymbols.quad, .sextant, .octant])
    func symbolsShowEveryFrameAndSomeGoAsTheirComplement(symbols: CellSymbols) {
        let (width, height) = (48, 14)
        var encoder = ANSIRowEncoder(mode: .direct)
        var terminal = VirtualTerminal(width: width, height: height, mode: .direct)
        let rows = 1..<(height - 1)
        var complements = 0
        for frame in 1...20 {
            let grid = Self.grid(width: width, height: height, frame: frame, noise: frame % 7 == 0, symbols: symbols)
            terminal.feed(encoder.encode(grid, rows: rows))
            #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
            #expect(terminal.isNormal)
            let wrong = Self.differences(terminal, grid, rows: rows)
            #expect(wrong.isEmpty, "frame \(frame): \(wrong.count) cells wrong, first \(wrong.prefix(3))")
            for y in rows {
                for x in 0..<width where CellSymbols.complements[grid[x, y].character.value] == terminal[x, y].scalar.value {
                    complements += 1
                }
            }
        }
        #expect(complements > 0, "a complement with swapped colours kept the terminal's colours somewhere")
    }

    @Test func textCannotMoveTheCursorOrStartAnEscape() throws {
        // A reason can quote a file name, and a file name can hold anything.
        var encoder = ANSIRowEncoder(mode: .direct)
        var grid = CellGrid(width: 30, height: 2)
        grid.put("a\u{1B}[2J\nb\u{9B}c\u{7}", x: 0, y: 0)
        grid.put("漢x", x: 0, y: 1)
        let bytes = encoder.encode(grid, rows: 0..<2)
        var terminal = VirtualTerminal(width: 30, height: 2, mode: .direct)
        terminal.feed(bytes)
        #expect(terminal.errors.isEmpty, "\(terminal.errors)")
        #expect((0..<10).map { String(terminal[$0, 0].scalar) }.joined() == "a?[2J?b?c?")
        // After a character that may be two columns wide, the next cell is placed, not assumed.
        let wide = Array("漢".utf8)
        let after = try #require(bytes.indices.first { bytes[$0...].starts(with: wide) }) + wide.count
        #expect(Array(bytes[after..<(after + 2)]) == [0x1B, UInt8(ascii: "[")])
    }

    @Test func anUnchangedGridCostsNothingAndInvalidateSendsItWhole() {
        var encoder = ANSIRowEncoder(mode: .direct)
        let grid = Self.grid(width: 40, height: 12, frame: 5, noise: true)
        #expect(!encoder.encode(grid, rows: 0..<12).isEmpty)
        #expect(encoder.encode(grid, rows: 0..<12).isEmpty)
        encoder.invalidate()
        // What follows an invalidate stands on its own: a blank terminal shows the whole grid.
        var fresh = VirtualTerminal(width: 40, height: 12, mode: .direct)
        fresh.feed(encoder.encode(grid, rows: 0..<12))
        #expect(fresh.errors.isEmpty)
        #expect(Self.differences(fresh, grid, rows: 0..<12).isEmpty)
    }

    @Test func changesWithinTheToleranceAreNotSentAndLargerOnesAre() {
        var encoder = ANSIRowEncoder(mode: .direct)
        func flat(_ level: UInt8) -> CellGrid {
            CellGrid(width: 30, height: 6, fill: Cell(Cell.upperHalfBlock, foreground: .rgb(level, 100, 50), background: .rgb(50, level, 100)))
        }
        _ = encoder.encode(flat(100), rows: 0..<6)
        #expect(encoder.encode(flat(100 + UInt8(ANSIRowEncoder.tolerance)), rows: 0..<6).isEmpty)
        let moved = encoder.encode(flat(100 + UInt8(ANSIRowEncoder.tolerance) + 1), rows: 0..<6)
        var terminal = VirtualTerminal(width: 30, height: 6, mode: .direct)
        terminal.feed(moved)
        #expect((0..<6).allSatisfy { y in (0..<30).allSatisfy { x in terminal.halves(x: x, y: y) != nil } })
    }

    @Test func aFlatPictureSetsItsColoursOnce() {
        var encoder = ANSIRowEncoder(mode: .direct)
        let grid = CellGrid(width: 50, height: 10, fill: Cell(Cell.upperHalfBlock, foreground: .rgb(10, 120, 200), background: .rgb(10, 120, 200)))
        let bytes = encoder.encode(grid, rows: 0..<10)
        // One SGR for the colour, one to go back to normal; a cell of one colour is a space.
        #expect(Self.sgrCount(bytes) == 2)
        #expect(bytes.count < 50 * 10 + 10 * 8 + 40)
    }

    @Test func halfBlocksFlipToKeepTheColoursTheTerminalHas() {
        // Checkerboard rows: top and bottom swap from cell to cell. Drawn as ▀ and ▄ in turn,
        // the colours are set once.
        var encoder = ANSIRowEncoder(mode: .direct)
        var grid = CellGrid(width: 20, height: 1)
        let a = CellColor.rgb(200, 30, 30), b = CellColor.rgb(30, 30, 200)
        for x in 0..<20 { grid[x, 0] = Cell(Cell.upperHalfBlock, foreground: x % 2 == 0 ? a : b, background: x % 2 == 0 ? b : a) }
        let bytes = encoder.encode(grid, rows: 0..<1)
        #expect(Self.sgrCount(bytes) == 2)
        var terminal = VirtualTerminal(width: 20, height: 1, mode: .direct)
        terminal.feed(bytes)
        #expect(Self.differences(terminal, grid, rows: 0..<1).isEmpty)
    }
}

/// `reel render`'s text: the same rule for control characters.
@Suite struct ANSITextTests {
    @Test func controlCharactersAreShownAsQuestionMarks() {
        var grid = CellGrid(width: 12, height: 1)
        grid.put("a\u{1B}[2Jb\u{7}", x: 0, y: 0)
        let text = ANSIText.encode(grid, mode: .palette256)
        #expect(text.contains("a?[2Jb?"))
        #expect(!text.contains("\u{7}"))
    }
}
