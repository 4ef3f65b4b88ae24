import Foundation
import ReelCore
import Testing
@testable import ReelTUI

/// A/B compare in the front end: the canvas that puts both pictures into one, and the player
/// drawing two different sequences into one grid with the divider where the mouse put it.
@Suite struct CompareTests {
    static func solid(_ width: Int, _ height: Int, _ colour: (UInt8, UInt8, UInt8)) -> RGBImage {
        RGBImage(width: width, height: height, pixels: Array((0..<(width * height)).map { _ in [colour.0, colour.1, colour.2] }.joined()))
    }

    static let red: (UInt8, UInt8, UInt8) = (250, 0, 0)
    static let blue: (UInt8, UInt8, UInt8) = (0, 0, 250)

    func colours(_ image: RGBImage, row: Int) -> [String] {
        (0..<image.width).map { x in
            let p = image.pixel(x: x, y: row)
            switch (p.r, p.g, p.b) {
            case (250, 0, 0): return "A"
            case (0, 0, 250): return "B"
            case (255, 255, 255): return "|"
            case (0, 0, 0): return "."
            default: return "#"
            }
        }
    }

    @Test func aWipeCutsBothAtTheDividerAndSideBySideAndToggleShowEach() {
        let a = Self.solid(8, 4, Self.red), b = Self.solid(8, 4, Self.blue)
        let box = FrameSize(width: 12, height: 4)
        // The pictures are centred in the box: the canvas starts at box pixel 2.
        let wipe = CompareCanvas.compose(.wipe, a: a, b: b, box: box, dividerX: 5, showsB: false)
        #expect(wipe.width == 8 && colours(wipe, row: 2).joined() == "AAA|BBBB")
        #expect(colours(CompareCanvas.compose(.wipe, a: a, b: b, box: box, dividerX: 0, showsB: false), row: 0).joined() == "|BBBBBBB")
        #expect(colours(CompareCanvas.compose(.wipe, a: a, b: b, box: box, dividerX: 12, showsB: false), row: 0).joined() == "AAAAAAA|")
        // Side by side each has its half of the box, centred in it.
        let halves = CompareCanvas.compose(.sideBySide, a: Self.solid(4, 2, Self.red), b: Self.solid(2, 2, Self.blue),
                                           box: FrameSize(width: 12, height: 4), dividerX: 6, showsB: false)
        #expect(halves.width == 12 && colours(halves, row: 1).joined() == ".AAAA...BB..")
        // A toggle shows one of them.
        #expect(CompareCanvas.compose(.toggle, a: a, b: b, box: box, dividerX: 6, showsB: true) == b)
        #expect(CompareCanvas.compose(.toggle, a: a, b: b, box: box, dividerX: 6, showsB: false) == a)
        // A side with no picture is hatched, never black.
        let missing = CompareCanvas.compose(.wipe, a: a, b: nil, box: box, dividerX: 6, showsB: false)
        #expect(colours(missing, row: 0).joined() == "AAAA|###")
        #expect(CompareCanvas.compose(.toggle, a: a, b: nil, box: box, dividerX: 6, showsB: true).pixels.contains(64))
    }

    /// The player on two solid sequences (A red, B blue), frames 1001-1012.
    final class TwoSequences {
        let app: PlayerApp
        let cache = FrameCache(budgetBytes: 1 << 26)
        let pool: DecodePool
        let size = (width: 140, height: 30)
        let folder = NSTemporaryDirectory() + "reel-tui-compare-" + UUID().uuidString

        init() throws {
            for (name, colour) in [("a", CompareTests.red), ("b", CompareTests.blue)] {
                try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
                for frame in 1001...1012 {
                    try PNGEncoder.write(CompareTests.solid(64, 32, colour), to: "\(folder)/\(name)/\(name).\(frame).png")
                }
            }
            app = PlayerApp(items: [MediaItem(path: folder + "/a"), MediaItem(path: folder + "/b")],
                            options: .init(fps: 24, startPaused: true, audioDevice: .none))
            pool = DecodePool(cache: cache, threads: 1)
            app.open(0, cache: cache, pool: pool, size: size)
            _ = app.screen(at: 0, size: size)
        }

        deinit {
            app.stopCompare()
            app.current?.close()
            pool.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }

        /// The viewer's middle row as A, B, divider (|) and blank (.) cells, once both sides'
        /// frames are decoded.
        func viewerRow() -> String {
            var row = ""
            for _ in 0..<60_000 {
                let grid = app.screen(at: 1, size: size)
                guard let viewer = app.lastLayout?.viewer else { return "" }
                row = (viewer.x..<(viewer.x + viewer.width)).map { x in
                    let cell = grid[x, viewer.y + viewer.height / 2]
                    switch cell.foreground.rgb.map({ [$0.r, $0.g, $0.b] }) {
                    case [250, 0, 0]?: return "A"
                    case [0, 0, 250]?: return "B"
                    case [255, 255, 255]?: return "|"
                    case nil: return "."
                    default: return "#"
                    }
                }.joined()
                if !row.contains("#"), row.contains("A") || row.contains("B") { return row }
                usleep(1000)
            }
            return row
        }
    }

    @Test func theWipeDrawsBothSequencesAndTheMouseMovesTheDivider() throws {
        let player = try TwoSequences()
        let app = player.app
        app.perform(.cycleCompare, at: 1)
        #expect(app.compare?.mode == .wipe && app.compare?.b.item == app.items[1])
        let viewer = try #require(app.lastLayout?.viewer)
        var row = player.viewerRow()
        let half = viewer.width / 2
        let centre = Array(row)
        #expect(centre[half] == "|", "the divider starts half-way: \(row)")
        #expect(centre[..<half].allSatisfy { $0 == "A" || $0 == "." } && centre[..<half].contains("A"), "\(row)")
        #expect(centre[(half + 1)...].allSatisfy { $0 == "B" || $0 == "." } && centre[(half + 1)...].contains("B"), "\(row)")
        let title = app.screen(at: 1, size: player.size).text(row: 0)
        #expect(title.contains("wipe") && title.contains("B b.%d.png frame 1001") && title.contains("by frame"), "\(title)")

        // A press on the viewer puts the divider under the pointer; a drag takes it along.
        app.mouse(MouseEvent(kind: .press, button: 0, x: viewer.x + 30, y: viewer.y + 2), at: 1)
        row = player.viewerRow()
        #expect(Array(row)[30] == "|" && !row.dropFirst(31).contains("A") && row.prefix(30).contains("A"), "\(row)")
        app.mouse(MouseEvent(kind: .drag, button: 0, x: viewer.x + 70, y: viewer.y + 2), at: 1)
        app.mouse(MouseEvent(kind: .release, button: 0, x: viewer.x + 70, y: viewer.y + 2), at: 1)
        row = player.viewerRow()
        #expect(Array(row)[70] == "|" && !row.dropFirst(71).contains("A") && row.prefix(70).contains("B") == false, "\(row)")
        #expect(app.current?.session.position(at: 1).frame == 1001, "a press on the picture scrubs nothing")

        // A again: side by side, each in its half; then a toggle that R (or a click) flips.
        app.perform(.cycleCompare, at: 1)
        row = player.viewerRow()
        #expect(!row.prefix(half).contains("B") && !row.dropFirst(half).contains("A") && row.contains("A") && row.contains("B"), "\(row)")
        app.perform(.cycleCompare, at: 1)
        #expect(!player.viewerRow().contains("B"), "the toggle shows A first")
        app.perform(.flipCompare, at: 1)
        #expect(!player.viewerRow().contains("A"))
        app.mouse(MouseEvent(kind: .press, button: 0, x: viewer.x + 5, y: viewer.y + 2), at: 1)
        #expect(!player.viewerRow().contains("B"), "a click flips it back")
        // Once more: the compare ends, and B's frames leave the cache.
        let bID = try #require(app.compare?.b.session.source.id)
        let bSize = try #require(app.current?.session.comparedSize)
        #expect(!player.cache.states(of: bID, size: bSize).isEmpty)
        app.perform(.cycleCompare, at: 1)
        #expect(app.compare == nil && !app.current!.session.isComparing)
        #expect(player.cache.states(of: bID, size: bSize).isEmpty)
        #expect(!player.viewerRow().contains("B"))
    }

    @Test func tabKeepsComparingWithTheFilesSwappedAndOneFileCannotCompare() throws {
        let player = try TwoSequences()
        let app = player.app
        app.perform(.cycleCompare, at: 1)
        _ = player.viewerRow()
        app.switchFile(by: 1, cache: player.cache, pool: player.pool, size: player.size)
        #expect(app.index == 1 && app.compare?.b.item == app.items[0] && app.compare?.mode == .wipe)
        let row = Array(player.viewerRow())
        let half = (app.lastLayout?.viewer?.width ?? 0) / 2
        #expect(row[..<half].contains("B") && row[(half + 1)...].contains("A"), "B's file is now A: \(String(row))")

        let alone = PlayerApp(items: [MediaItem(path: player.folder + "/a")], options: .init(fps: 24, startPaused: true, audioDevice: .none))
        alone.open(0, cache: player.cache, pool: player.pool, size: player.size)
        defer { alone.current?.close() }
        alone.perform(.cycleCompare, at: 1)
        #expect(alone.compare == nil && alone.message?.contains("two files") == true)
    }
}
