import GraphicsSupport
import ReelCore
import Testing
@testable import ReelTUI

/// kitty pictures inside tmux: passed through, placed virtually, shown by placeholder cells,
/// read back by a terminal that draws the placeholders as kitty does.
@Suite struct KittyPlaceholderTests {
    static let cell = (width: 9, height: 18)

    static func frame(_ n: Int, width: Int = 61, height: Int = 40) -> RGBImage {
        RenderLikeFrames(width: width, height: height, count: 1).picture(frame: n)
    }

    /// A screen whose cells are all the picture's.
    static func viewer() -> CellGrid {
        var grid = CellGrid(width: 20, height: 8)
        grid.fill(Rect(x: 0, y: 0, width: 20, height: 8), with: .underPicture)
        return grid
    }

    static func placer() -> ImagePlacer {
        ImagePlacer(encoder: PictureEncoder(mode: .kitty, kittyPassthrough: true))
    }

    /// Places frame `n` at cell (3, 2), 4 and 5 pixels into it, and writes its placeholders over
    /// `grid`; what the terminal is sent.
    static func show(_ n: Int, with placer: ImagePlacer, over grid: CellGrid) -> [UInt8] {
        let identity = ImagePlacer.Identity(file: 0, frame: n, column: 3, row: 2, width: 61, height: 40)
        var bytes = placer.place(frame(n), identity: identity, offset: (4, 5), cell: cell)
        if let marks = placer.placeholders { bytes += CursesPresenter.placeholderText(marks, over: grid) }
        return bytes
    }

    /// The picture's pixels on the screen `terminal` shows.
    static func shownPicture(_ terminal: GraphicsTerminal) -> RGBImage {
        let screen = terminal.placeholderPicture(diacritics: KittyPlaceholders.diacritics)
        var pixels: [UInt8] = []
        for y in 0..<40 {
            let start = ((2 * cell.height + 5 + y) * screen.width + 3 * cell.width + 4) * 3
            pixels += screen.pixels[start..<(start + 61 * 3)]
        }
        return RGBImage(width: 61, height: 40, pixels: pixels)
    }

    @Test func theDiacriticsAreKittysTable() {
        let marks = KittyPlaceholders.diacritics
        #expect(marks.count == 297)
        #expect(marks.first == 0x0305 && marks.last == 0x1D244)
        #expect(marks == marks.sorted() && Set(marks).count == marks.count)
        for mark in marks {
            let properties = Unicode.Scalar(mark)!.properties
            #expect(properties.generalCategory == .nonspacingMark && properties.canonicalCombiningClass.rawValue == 230,
                    "U+\(String(mark, radix: 16)) is an above-the-letter combining mark")
        }
    }

    @Test func aPictureShowsThroughItsPlaceholdersPixelForPixel() throws {
        let terminal = GraphicsTerminal(columns: 20, rows: 8, cell: Self.cell)
        let placer = Self.placer()
        terminal.feed(Self.show(1, with: placer, over: Self.viewer()))
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
        #expect(terminal.kittyCommandsOutsidePassthrough == 0, "every kitty command goes through tmux's passthrough")
        let marks = try #require(placer.placeholders)
        #expect(marks.box == Rect(x: 3, y: 2, width: 8, height: 3), "4 + 61 pixels over 9-pixel cells, 5 + 40 over 18")
        #expect(psnr(Self.shownPicture(terminal), Self.frame(1)) == .infinity, "no scaling, no loss")
        // The padding around the picture, inside its cells, is transparent: the screen stays black.
        let screen = terminal.placeholderPicture(diacritics: KittyPlaceholders.diacritics)
        let corner = ((2 * Self.cell.height) * screen.width + 3 * Self.cell.width) * 3
        #expect(screen.pixels[corner..<(corner + 3)] == [0, 0, 0])
    }

    @Test func eachRowNamesItsRowAndColumnOnceAndTheIdsHighByte() {
        let placer = Self.placer()
        let grid = Self.viewer()
        _ = Self.show(1, with: placer, over: grid)
        let text = String(decoding: CursesPresenter.placeholderText(placer.placeholders!, over: grid), as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}[38;5;1m"), "the id's low byte as a palette colour")
        #expect(text.hasSuffix("\u{1B}[39m"))
        let scalars = Array(text.unicodeScalars)
        #expect(scalars.filter { $0.value == KittyPlaceholders.character }.count == 8 * 3)
        // Three marks on the first cell of each of the 3 rows (row, column 0, the id's 0x5E), none after.
        let high = Unicode.Scalar(KittyPlaceholders.diacritics[0x5E])!
        #expect(scalars.filter { $0 == high }.count == 3)
        #expect(scalars.filter { $0.properties.generalCategory == .nonspacingMark }.count == 9)
    }

    @Test func textOverThePictureKeepsItsCells() {
        var grid = Self.viewer()
        grid.put("help", x: 5, y: 3, style: TextStyle())
        let terminal = GraphicsTerminal(columns: 20, rows: 8, cell: Self.cell)
        terminal.feed(Array("\u{1B}[4;6Hhelp".utf8))
        terminal.feed(Self.show(1, with: Self.placer(), over: grid))
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
        #expect((5..<9).map { terminal.text[$0, 3].scalar } == Array("help".unicodeScalars.map(\.value)))
        // The run after the text starts again with its own row and column.
        #expect(terminal.text[9, 3].scalar == KittyPlaceholders.character && terminal.text[9, 3].marks.count == 3)
        #expect(terminal.text[4, 3].scalar == KittyPlaceholders.character)
    }

    @Test func aThousandFramesKeepTwoImagesAtMostAndQuitLeavesNone() {
        let terminal = GraphicsTerminal(columns: 20, rows: 8, cell: Self.cell)
        let placer = Self.placer()
        let grid = Self.viewer()
        var mostAlive = 0
        for n in 1...1000 {
            terminal.feed(Self.show(n % 5, with: placer, over: grid))
            mostAlive = max(mostAlive, terminal.liveKittyImages.count)
            #expect(placer.terminalBytes == terminal.liveKittyImages.values.reduce(0, +))
        }
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
        #expect(mostAlive == 2, "the last picture stays until tmux has redrawn its cells with the new id")
        #expect(terminal.deletedKittyIDs.count == 998, "each id deleted before it is sent again")
        #expect(psnr(Self.shownPicture(terminal), Self.frame(1000 % 5)) == .infinity)
        terminal.feed(placer.removeAll())
        #expect(terminal.liveKittyImages.isEmpty && placer.terminalBytes == 0)
        #expect(terminal.kittyCommandsOutsidePassthrough == 0)
    }

    @Test func aPictureOfWholeCellsIsSentWithoutAlpha() {
        let placer = Self.placer()
        let identity = ImagePlacer.Identity(file: 0, frame: 1, column: 0, row: 0, width: 18, height: 36)
        let bytes = String(decoding: placer.place(Self.frame(1, width: 18, height: 36), identity: identity, cell: Self.cell), as: UTF8.self)
        #expect(bytes.contains("a=T,U=1,f=24,s=18,v=36,i=\(ImagePlacer.kittyIDs[0]),c=2,r=2,q=2"))
    }

    @Test func idsAboveAByteOfColourAreWrittenAsTrueColour() {
        #expect(String(decoding: KittyPlaceholders.foreground(id: 0x0012_3456), as: UTF8.self) == "\u{1B}[38;2;18;52;86m")
        #expect(String(decoding: KittyPlaceholders.foreground(id: 0x5E00_0002), as: UTF8.self) == "\u{1B}[38;5;2m")
    }
}
