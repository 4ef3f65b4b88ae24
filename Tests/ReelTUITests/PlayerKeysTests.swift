import ReelCore
import Testing
@testable import ReelTUI

@Suite struct PlayerKeysTests {
    @Test func keysDriveTheTransport() {
        var playback = Playback(first: 1, last: 96, fps: 24)
        #expect(PlayerApp.apply(.character(" "), to: &playback, at: 0))
        #expect(playback.isPlaying)
        #expect(PlayerApp.apply(.character(" "), to: &playback, at: 1))
        #expect(!playback.isPlaying && playback.frame(at: 1) == 25)
        _ = PlayerApp.apply(.right, to: &playback, at: 1)
        #expect(playback.frame(at: 1) == 26)
        _ = PlayerApp.apply(.left, to: &playback, at: 1)
        _ = PlayerApp.apply(.shiftLeft, to: &playback, at: 1)
        #expect(playback.frame(at: 1) == 15)
        _ = PlayerApp.apply(.shiftRight, to: &playback, at: 1)
        #expect(playback.frame(at: 1) == 25)
        _ = PlayerApp.apply(.end, to: &playback, at: 1)
        #expect(playback.frame(at: 1) == 96)
        _ = PlayerApp.apply(.home, to: &playback, at: 1)
        #expect(playback.frame(at: 1) == 1)
        _ = PlayerApp.apply(.character("]"), to: &playback, at: 1)
        #expect(playback.fps == 25)
        _ = PlayerApp.apply(.character("["), to: &playback, at: 1)
        _ = PlayerApp.apply(.character("["), to: &playback, at: 1)
        #expect(playback.fps == 23.976)
        #expect(!PlayerApp.apply(.character("q"), to: &playback, at: 1))
        #expect(PlayerApp.apply(.other(999), to: &playback, at: 1))
    }
}
