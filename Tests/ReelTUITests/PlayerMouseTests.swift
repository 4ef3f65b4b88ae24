import Foundation
import ReelCore
import Testing
@testable import ReelTUI

/// The mouse on the screen the player last drew: a press on the timeline seeks, a drag scrubs
/// (anywhere, until the button is released), and nothing else moves the playhead.
@Suite struct PlayerMouseTests {
    @Test func pressSeeksDragScrubsReleaseStops() throws {
        // A 96-frame sequence of the demo's pattern, small.
        let player = try OpenPlayer(width: 64, height: 36, seconds: 4, screen: (100, 30))
        defer { withExtendedLifetime(player) {} }
        let app = player.app
        let layout = try #require(app.lastLayout)
        let session = try #require(app.current?.session)
        let bar = layout.timeline.y + 1
        let track = layout.track
        func frame() -> Int { session.position(at: 1).frame }
        func mouse(_ kind: MouseEvent.Kind, x: Int, y: Int, button: Int = 0) {
            app.mouse(MouseEvent(kind: kind, button: button, x: x, y: y), at: 1)
        }

        // Presses away from the timeline (the picture, the gutter) and other buttons do nothing.
        mouse(.press, x: 50, y: 5)
        mouse(.press, x: track.x - 1, y: bar)
        mouse(.press, x: 50, y: bar, button: 2)
        #expect(frame() == 1 && !app.scrubbing)
        mouse(.drag, x: 60, y: bar)
        #expect(frame() == 1, "a drag that did not start on the timeline scrubs nothing")

        // A press half-way seeks half-way; dragging follows the column under the pointer.
        mouse(.press, x: track.x + track.width / 2, y: bar)
        #expect(app.scrubbing)
        #expect((46...50).contains(frame()), "half-way: \(frame())")
        var seen: [Int] = []
        for x in stride(from: track.x + track.width / 2, to: track.x + track.width, by: 5) {
            mouse(.drag, x: x, y: bar)
            seen.append(frame())
        }
        #expect(seen == seen.sorted() && Set(seen).count == seen.count, "each step right is later: \(seen)")
        // Off the timeline and past its ends the drag goes on, held at the first and last frames.
        mouse(.drag, x: 99, y: 3)
        #expect(frame() == 96)
        mouse(.drag, x: 0, y: 3)
        #expect(frame() == 1)
        mouse(.release, x: track.x + 10, y: bar)
        #expect(!app.scrubbing)
        let released = frame()
        #expect(released == TimelineScale(frames: 1...96, width: track.width).frame(column: 10))
        mouse(.drag, x: track.x + 40, y: bar)
        #expect(frame() == released, "after the release a drag moves nothing")
    }

    /// The wheel over the picture zooms at the pointer, the middle or right button drags it,
    /// and W fits it again; decodes follow: the frame's own size while zoomed.
    @Test func theWheelZoomsThePictureAndDraggingPansIt() throws {
        let player = try OpenPlayer(width: 640, height: 360, seconds: 1, screen: (100, 30))
        defer { withExtendedLifetime(player) {} }
        let app = player.app
        let size = player.size
        let viewer = try #require(app.lastLayout?.viewer)
        let session = try #require(app.current?.session)
        #expect(session.size.width <= 100, "fit: decoded at the viewer's size, \(session.size)")
        func mouse(_ kind: MouseEvent.Kind, x: Int, y: Int, button: Int) {
            app.mouse(MouseEvent(kind: kind, button: button, x: x, y: y), at: 1)
        }
        for _ in 0..<6 { mouse(.press, x: viewer.x + 10, y: viewer.y + 3, button: 64) }
        let zoomed = try #require(app.pictureZoom.scale)
        #expect(zoomed > 1, "six steps of √2 in from the fit")
        _ = app.screen(at: 1, size: size)
        #expect(session.size == FrameSize(width: 640, height: 360), "zoomed in past 1:1: the frame at its own size")
        #expect(app.screen(at: 1, size: size).text(row: 0).contains("cells \(app.pictureZoom.label ?? "")"))
        let centre = (app.pictureZoom.centreX, app.pictureZoom.centreY)
        #expect(centre.0 < 0.5 && centre.1 < 0.5, "zoomed at the top-left of the picture: \(centre)")
        // Dragged right and down with the middle button: the picture follows, the view goes left and up.
        mouse(.press, x: viewer.x + 50, y: viewer.y + 10, button: 1)
        mouse(.drag, x: viewer.x + 55, y: viewer.y + 12, button: 1)
        mouse(.release, x: viewer.x + 55, y: viewer.y + 12, button: 1)
        #expect(app.pictureZoom.centreX < centre.0 || app.pictureZoom.centreX == centre.0 && centre.0 <= 0.01)
        #expect(session.position(at: 1).frame == 1, "no button but the left one scrubs")
        // The wheel down zooms out to the fit, and W fits at once.
        app.perform(.zoomPicture(.scale(4)), at: 1)
        #expect(app.pictureZoom.scale == 4)
        app.perform(.zoomPicture(.fit), at: 1)
        #expect(app.pictureZoom == ViewerZoom())
        for _ in 0..<3 { mouse(.press, x: viewer.x + 10, y: viewer.y + 3, button: 64) }
        for _ in 0..<10 { mouse(.press, x: viewer.x + 10, y: viewer.y + 3, button: 65) }
        #expect(app.pictureZoom == ViewerZoom())
        #expect(KeyMap.action(for: .character("w")) == .zoomPicture(.fit))
        #expect(KeyMap.action(for: .altLeft) == .zoomPicture(.pan(x: -1, y: 0)))
    }
}

/// A player on a sequence of the demo's pattern, opened and drawn once on a screen of `size`,
/// paused on its first frame; closed, its pool stopped and its folder removed when it goes.
final class OpenPlayer {
    let app: PlayerApp
    let size: (width: Int, height: Int)
    let pool: DecodePool
    let cache: FrameCache
    private let folder: String

    /// The player on `files` demo sequences (each in a folder of its own, with its sound when
    /// `sound`, analysed but not played), the first one open.
    init(width: Int, height: Int, seconds: Int, screen size: (width: Int, height: Int), files: Int = 1, sound: Bool = false) throws {
        folder = NSTemporaryDirectory() + "reel-tui-player-" + UUID().uuidString
        var demo = DemoGenerator()
        demo.width = width
        demo.height = height
        demo.seconds = seconds
        var items: [MediaItem] = []
        for file in 0..<files {
            let place = files == 1 ? folder : folder + "/\(file)"
            try demo.write(to: place)
            items.append(MediaItem(path: place + "/demo.####.png", audio: sound ? place + "/demo.wav" : nil))
        }
        app = PlayerApp(items: items, options: .init(fps: 24, startPaused: true, audioDevice: .none))
        let cache = FrameCache(budgetBytes: 1 << 27)
        self.cache = cache
        pool = DecodePool(cache: cache, threads: 1)
        self.size = size
        app.open(0, cache: cache, pool: pool, size: size)
        _ = app.screen(at: 0, size: size)
    }

    deinit {
        app.current?.close()
        pool.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
