import ReelCore
import Testing
@testable import ReelTUI

/// Tab and Shift-Tab keep how each file was looked at and give it back on return.
@Suite struct PlayerFileStateTests {
    @Test func tabAndBackRestoresTheFilesPlayheadWorkAreaModeZoomLookAndAnalysis() throws {
        let player = try OpenPlayer(width: 64, height: 36, seconds: 2, screen: (100, 30), files: 2, sound: true)
        let app = player.app
        let size = player.size
        func tab(_ step: Int) { app.switchFile(by: step, cache: player.cache, pool: player.pool, size: size) }
        let first = try #require(app.current)
        first.session.perform(.seek(10), at: 1)
        first.session.perform(.setWorkAreaBegin, at: 1)
        first.session.perform(.seek(30), at: 1)
        first.session.perform(.setWorkAreaEnd, at: 1)
        first.session.perform(.seek(20), at: 1)
        first.session.perform(.setMode(.pingPong), at: 1)
        app.perform(.toggleZoom, at: 1)
        app.perform(.zoomPicture(.scale(2)), at: 1)
        app.perform(.changeLook(.nextChannel), at: 1)
        #expect(app.zoomed && first.session.source.look.channel == .red)
        // The demo's sound is beside it: its analysis' settings are kept too.
        let analysis = try #require(first.analysis)
        app.perform(.cycleFFTSize, at: 1)
        app.perform(.cycleColorMap, at: 1)
        let settings = analysis.settings
        #expect(settings != SpectrogramSettings())

        tab(1)
        let second = try #require(app.current)
        #expect(second !== first && app.index == 1)
        // The next file opens as new: first frame, no work area, fit, plain.
        #expect(second.session.position(at: 2).frame == 1 && second.session.playback.workArea == nil)
        #expect(!app.zoomed && app.pictureZoom.scale == nil && second.session.source.look == .identity)
        second.session.perform(.seek(5), at: 2)

        tab(-1)
        let back = try #require(app.current)
        #expect(app.index == 0)
        #expect(back.session.position(at: 3).frame == 20)
        #expect(back.session.playback.workArea == 10...30 && back.session.playback.mode == .pingPong)
        #expect(app.zoomed && app.pictureZoom.scale == 2 && back.session.source.look.channel == .red)
        #expect(back.analysis !== analysis && back.analysis?.settings == settings, "a new analysis, with the settings")
        let screen = app.screen(at: 3, size: size)
        #expect(screen.text(row: 0).contains("frame 20") && screen.text(row: 0).contains("B–N 10–30"), "\(screen.text(row: 0))")
        // And the second file's playhead is kept the same way, by Shift-Tab's direction too.
        tab(-1)
        #expect(app.current?.session.position(at: 4).frame == 5)
    }
}
