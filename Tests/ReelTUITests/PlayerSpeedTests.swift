import ReelCore
import Testing
@testable import ReelTUI

/// { and } halve and double the speed between ¼× and 4× the file's rate; off its rate the sound
/// is silent (its pitch cannot be kept) and the title says so.
@Suite struct PlayerSpeedTests {
    @Test func speedStepsByHalvesAndDoublesAndTheSoundGoesQuiet() throws {
        let player = try OpenPlayer(width: 64, height: 36, seconds: 2, screen: (160, 30), sound: true)
        let app = player.app, size = player.size
        let media = try #require(app.current)
        #expect(media.sound != nil && !media.session.soundOffRate)
        app.perform(.changeSpeed(0.5), at: 1)
        #expect(media.session.playback.fps == 12 && media.session.soundOffRate)
        let title = app.screen(at: 1, size: size).text(row: 0)
        #expect(title.contains("12 fps (0.5×)") && title.contains("sound off at 0.5×"), "\(title)")
        // Played at half speed, the sound stays stopped.
        media.session.perform(.play, at: 1)
        _ = app.screen(at: 1.5, size: size)
        #expect(media.sound?.isPlaying == false)
        for _ in 0..<4 { app.perform(.changeSpeed(0.5), at: 2) }
        #expect(media.session.playback.fps == 6, "no slower than a quarter")
        for _ in 0..<8 { app.perform(.changeSpeed(2), at: 3) }
        #expect(media.session.playback.fps == 96, "no faster than four times")
        for _ in 0..<2 { app.perform(.changeSpeed(0.5), at: 4) }
        #expect(media.session.playback.fps == 24 && !media.session.soundOffRate)
        let back = app.screen(at: 4, size: size).text(row: 0)
        #expect(back.contains("24 fps") && !back.contains("×)") && !back.contains("sound off"), "\(back)")
    }
}
