import Testing
@testable import ReelCore

/// The transport on a simulated clock: every call takes the time, so nothing here sleeps.
@Suite struct PlaybackTests {
    @Test func startsPausedOnTheFirstFrame() {
        let playback = Playback(first: 1001, last: 1096, fps: 24)
        #expect(!playback.isPlaying)
        #expect(playback.frame(at: 100) == 1001)
        #expect(playback.nextFrameTime(after: 100) == nil)
    }

    @Test func playsAtTheFrameRateAndLoops() throws {
        var playback = Playback(first: 1, last: 96, fps: 24)
        playback.play(at: 10)
        #expect(playback.frame(at: 10) == 1)
        #expect(playback.frame(at: 10 + 1.0 / 24 - 1e-6) == 1)
        #expect(playback.frame(at: 10 + 1.0 / 24) == 2)
        #expect(playback.frame(at: 11) == 25)
        #expect(playback.frame(at: 14 - 1e-6) == 96)
        #expect(playback.frame(at: 14) == 1, "after 4 s at 24 fps the 96 frames loop")
        #expect(playback.frame(at: 10 + 100.5) == 1 + (Int(100.5 * 24) % 96))
        let next = try #require(playback.nextFrameTime(after: 11.01))
        #expect(abs(next - (11 + 1.0 / 24)) < 1e-9)
    }

    @Test func aSlowTickSkipsFramesInsteadOfSlowingDown() {
        var playback = Playback(first: 1, last: 1000, fps: 24)
        playback.play(at: 0)
        // The loop only gets to look at 0.5 s: it shows the frame due then, not frame 2.
        #expect(playback.frame(at: 0.5) == 13)
    }

    @Test func pauseHoldsAndPlayResumesFromThere() {
        var playback = Playback(first: 1, last: 96, fps: 24)
        playback.play(at: 0)
        playback.pause(at: 0.5)
        #expect(playback.frame(at: 50) == 13)
        playback.play(at: 60)
        #expect(playback.frame(at: 60) == 13)
        #expect(playback.frame(at: 61) == 37)
        playback.togglePlay(at: 61)
        #expect(!playback.isPlaying && playback.frame(at: 99) == 37)
    }

    @Test func stepsWrapAroundAndPause() {
        var playback = Playback(first: 1, last: 10, fps: 24)
        playback.step(by: -1, at: 0)
        #expect(playback.frame(at: 0) == 10)
        playback.step(by: 1, at: 0)
        #expect(playback.frame(at: 0) == 1)
        playback.step(by: 25, at: 0)
        #expect(playback.frame(at: 0) == 6)
        playback.play(at: 1)
        playback.step(by: 1, at: 1.5)
        #expect(!playback.isPlaying)
        #expect(playback.frame(at: 5) == 6 + 12 + 1 - 10)
    }

    @Test func seekClampsAndKeepsPlaying() {
        var playback = Playback(first: 5, last: 50, fps: 10)
        playback.play(at: 0)
        playback.seek(to: 500, at: 1)
        #expect(playback.frame(at: 1) == 50)
        #expect(playback.frame(at: 1.1) == 5)
        playback.seek(to: -3, at: 2)
        #expect(playback.frame(at: 2) == 5)
    }

    @Test func changingTheRateKeepsTheCurrentFrame() {
        var playback = Playback(first: 1, last: 1000, fps: 24)
        playback.play(at: 0)
        playback.setFPS(48, at: 1)
        #expect(playback.frame(at: 1) == 25)
        #expect(playback.frame(at: 2) == 25 + 48)
        playback.setFPS(0, at: 2)
        #expect(playback.fps == 48)
    }
}
