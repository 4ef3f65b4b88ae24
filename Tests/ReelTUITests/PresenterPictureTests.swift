import GraphicsSupport
#if canImport(Glibc)
import Glibc
#endif
import ReelCore
import Testing
@testable import ReelTUI

/// The presenter with kitty pictures, on a curses terminal that writes to a file, read back by a
/// terminal that draws kitty's pictures and placeholders. (ncurses is one per process: serialized.)
@Suite(.serialized) struct PresenterPictureTests {
    /// A curses terminal of 40 × 12 cells writing to a temporary file, and what it wrote so far.
    final class Output {
        let fd: Int32
        let file: UnsafeMutablePointer<FILE>
        let input: UnsafeMutablePointer<FILE>
        let terminal: CursesTerminal
        private var read = 0

        init() throws {
            var template = Array("/tmp/reel-presenter-XXXXXX".utf8CString)
            fd = mkstemp(&template)
            file = try #require(fdopen(fd, "w+"))
            input = try #require(fopen("/dev/null", "r"))
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            terminal = try CursesTerminal(term: "xterm-256color", output: file, input: input)
            terminal.resize(width: 40, height: 12)
        }

        /// The bytes written since the last call.
        func take() -> [UInt8] {
            fflush(file)
            let end = Int(lseek(fd, 0, SEEK_END))
            var bytes = [UInt8](repeating: 0, count: end - read)
            _ = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(read)) }
            read = end
            return bytes
        }

        deinit {
            terminal.stop()
            fclose(file)
            fclose(input)
        }
    }

    static let cell = (width: 8, height: 16)
    static let viewer = Rect(x: 0, y: 1, width: 40, height: 9)

    static func picture(_ n: Int) -> PlacedPicture {
        let image = RenderLikeFrames(width: 96, height: 54, count: 1).picture(frame: n)
        let identity = ImagePlacer.Identity(file: 0, frame: n, column: 4, row: 2, width: 96, height: 54)
        return PlacedPicture(image: image, identity: identity, area: viewer, offset: (3, 5), cell: cell)
    }

    static func grid(help: Bool) -> CellGrid {
        var grid = CellGrid(width: 40, height: 12)
        grid.put("title", x: 0, y: 0, style: TextStyle())
        grid.fill(viewer, with: .underPicture)
        if help { grid.put("keys: q quit", x: 6, y: 4, style: TextStyle()) }
        return grid
    }

    @Test func aKittyPictureMakesWayForTheHelpAndComesBack() throws {
        let output = try Output()
        let placer = ImagePlacer(encoder: PictureEncoder(mode: .kitty))
        let presenter = CursesPresenter(terminal: output.terminal, placer: placer)
        let terminal = GraphicsTerminal()
        try presenter.present(Self.grid(help: false), picture: Self.picture(1))
        terminal.feed(output.take())
        #expect(placer.hasPicture && terminal.liveKittyImages.count == 1)
        try presenter.present(Self.grid(help: true), picture: Self.picture(1))
        terminal.feed(output.take())
        #expect(!placer.hasPicture, "kitty draws over text: the help would be hidden")
        #expect(terminal.liveKittyImages.isEmpty)
        try presenter.present(Self.grid(help: false), picture: Self.picture(1))
        terminal.feed(output.take())
        #expect(placer.hasPicture && terminal.liveKittyImages.count == 1)
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
    }

    @Test func placeholdersAreWrittenAgainAfterTheHelpWasOverThem() throws {
        let output = try Output()
        let placer = ImagePlacer(encoder: PictureEncoder(mode: .kitty, kittyPassthrough: true))
        let presenter = CursesPresenter(terminal: output.terminal, placer: placer)
        let terminal = GraphicsTerminal(columns: 40, rows: 12, cell: Self.cell)
        let picture = Self.picture(1)
        let shown = { () -> Double? in
            let screen = terminal.placeholderPicture(diacritics: KittyPlaceholders.diacritics)
            var pixels: [UInt8] = []
            for y in 0..<54 {
                let start = ((2 * Self.cell.height + 5 + y) * screen.width + 4 * Self.cell.width + 3) * 3
                pixels += screen.pixels[start..<(start + 96 * 3)]
            }
            return psnr(RGBImage(width: 96, height: 54, pixels: pixels), picture.image)
        }
        try presenter.present(Self.grid(help: false), picture: picture)
        terminal.feed(output.take())
        #expect(shown() == .infinity)
        try presenter.present(Self.grid(help: true), picture: picture)
        terminal.feed(output.take())
        #expect((6..<18).map { terminal.text[$0, 4].scalar } == Array("keys: q quit".unicodeScalars.map(\.value)),
                "text over the picture stays readable")
        #expect(placer.placedCount == 1, "the picture is not sent again for the help")
        try presenter.present(Self.grid(help: false), picture: picture)
        terminal.feed(output.take())
        #expect(shown() == .infinity, "ncurses cleared the help's cells; the placeholders are back")
        #expect(placer.placedCount == 1)
        // Nothing changed: nothing is written for the picture.
        try presenter.present(Self.grid(help: false), picture: picture)
        #expect(!String(decoding: output.take(), as: UTF8.self).unicodeScalars.contains { $0.value == KittyPlaceholders.character })
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
    }
}
