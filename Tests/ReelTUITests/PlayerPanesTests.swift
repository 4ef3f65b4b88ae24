import ReelCore
import Testing
@testable import ReelTUI

/// The wheel over the timeline steps frames; H gives the picture the audio pane's and the gauge's rows.
@Suite struct PlayerPanesTests {
    @Test func theWheelOnTheTimelineStepsFrames() throws {
        let player = try OpenPlayer(width: 64, height: 36, seconds: 2, screen: (100, 30), sound: true)
        let app = player.app
        _ = app.screen(at: 1, size: player.size)
        let layout = try #require(app.lastLayout)
        let session = try #require(app.current?.session)
        func wheel(_ button: Int, y: Int) { app.mouse(MouseEvent(kind: .press, button: button, x: layout.track.x + 5, y: y), at: 1) }
        session.perform(.seek(10), at: 1)
        wheel(65, y: layout.timeline.y + 1)
        wheel(65, y: layout.timeline.y + 1)
        #expect(session.position(at: 1).frame == 12)
        wheel(64, y: layout.timeline.y)
        #expect(session.position(at: 1).frame == 11)
        let audio = try #require(layout.audio)
        wheel(65, y: audio.y + 1)
        #expect(session.position(at: 1).frame == 12, "over the audio pane too")
    }

    @Test func hidingThePanesGivesThePictureTheirRows() throws {
        let player = try OpenPlayer(width: 64, height: 36, seconds: 2, screen: (100, 30), sound: true)
        let app = player.app
        _ = app.screen(at: 1, size: player.size)
        let shown = try #require(app.lastLayout)
        #expect(shown.audio != nil && shown.gauge.height >= 1)
        app.perform(.togglePanes, at: 1)
        let screen = app.screen(at: 1, size: player.size)
        let hidden = try #require(app.lastLayout)
        #expect(hidden.audio == nil && hidden.gauge.height == 0)
        let (before, after) = (try #require(shown.viewer).height, try #require(hidden.viewer).height)
        #expect(after == before + (shown.audio?.height ?? 0) + shown.gauge.height, "\(before) → \(after)")
        #expect(!(0..<screen.height).contains { screen.text(row: $0).contains("cache ░") || screen.text(row: $0).contains("RSS") })
        app.perform(.togglePanes, at: 1)
        _ = app.screen(at: 1, size: player.size)
        #expect(app.lastLayout == shown)
    }
}
