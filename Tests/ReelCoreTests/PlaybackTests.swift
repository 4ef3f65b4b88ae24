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

    /// `--loops N`: N passes over the range, then the last frame and the end (the session pauses there).
    @Test func aLoopLimitStopsOnTheLastFrameOfTheLastLoop() {
        var playback = Playback(first: 1, last: 24, fps: 24)
        playback.setLoopLimit(3, at: 0)
        playback.play(at: 0)
        #expect(playback.position(at: 1.5).frame == 13 && !playback.position(at: 1.5).atEnd, "the second loop")
        #expect(playback.position(at: 3 - 1.5 / 24).frame == 23)
        let end = playback.position(at: 3 - 1.0 / 24)
        #expect(end.frame == 24 && end.atEnd, "the third loop's last frame: \(end)")
        #expect(playback.position(at: 100).frame == 24 && playback.position(at: 100).atEnd)
        // Paused there, play starts the loops again from the start.
        playback.pause(at: 100)
        playback.play(at: 100)
        #expect(playback.position(at: 100.5).frame == 13 && !playback.position(at: 100.5).atEnd)
        // Ping-pong counts round trips and ends where it started.
        var pingPong = Playback(first: 1, last: 10, fps: 10, mode: .pingPong)
        pingPong.setLoopLimit(2, at: 0)
        pingPong.play(at: 0)
        #expect(!pingPong.position(at: 3.5).atEnd)
        #expect(pingPong.position(at: 3.6).frame == 1 && pingPong.position(at: 3.6).atEnd, "two round trips of 18 frames")
        // No limit: on for ever.
        playback.setLoopLimit(nil, at: 200)
        #expect(!playback.position(at: 10_000).atEnd)
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

    @Test func theWorkAreaBoundsLoopingSteppingAndSeeking() {
        var playback = Playback(first: 1, last: 100, fps: 10)
        playback.seek(to: 20, at: 0)
        playback.setWorkAreaBegin(at: 0)
        playback.seek(to: 29, at: 0)
        playback.setWorkAreaEnd(at: 0)
        #expect(playback.range == 20...29)
        playback.seek(to: 1, at: 0)
        #expect(playback.frame(at: 0) == 20)
        playback.play(at: 0)
        #expect(playback.frame(at: 0.95) == 29)
        #expect(playback.frame(at: 1.0) == 20, "loops inside B..N")
        playback.step(by: 3, at: 1.0)
        #expect(playback.frame(at: 1) == 23)
        playback.step(by: 10, at: 1)
        #expect(playback.frame(at: 1) == 23, "ten steps round a ten-frame work area")
        playback.seek(to: 90, at: 1)
        #expect(playback.frame(at: 1) == 29, "a seek stays inside the work area")
        playback.setWorkArea(nil, at: 1)
        #expect(playback.range == 1...100)
        playback.seek(to: 50, at: 1)
        playback.setWorkAreaEnd(at: 1)
        #expect(playback.range == 1...50)
        playback.seek(to: 70, at: 1)
        #expect(playback.frame(at: 1) == 50)
        playback.setWorkAreaBegin(at: 1)
        #expect(playback.range == 50...50)
        playback.setWorkArea(110...200, at: 1)
        #expect(playback.range == 100...100, "clamped to the sequence")
    }

    @Test func pingPongTurnsRoundAtBothEnds() {
        var playback = Playback(first: 1, last: 4, fps: 1, mode: .pingPong)
        playback.play(at: 0)
        let frames = (0..<10).map { playback.frame(at: Double($0)) }
        #expect(frames == [1, 2, 3, 4, 3, 2, 1, 2, 3, 4])
        #expect(playback.position(at: 4).direction == .reverse)
        playback.pause(at: 4.5)
        playback.play(at: 10)
        #expect(playback.frame(at: 11) == 2, "keeps going down after a pause")
    }

    @Test func onceStopsAtTheEndAndPlayStartsAgain() {
        var playback = Playback(first: 1, last: 5, fps: 1, mode: .once)
        playback.play(at: 0)
        #expect(playback.frame(at: 3) == 4)
        #expect(!playback.position(at: 3).atEnd)
        #expect(playback.frame(at: 100) == 5)
        #expect(playback.position(at: 100).atEnd && playback.position(at: 100).steps == 4)
        playback.pause(at: 100)
        playback.play(at: 101)
        #expect(playback.frame(at: 101) == 1)
    }

    @Test func reverseAndShuttle() {
        var playback = Playback(first: 1, last: 100, fps: 10)
        playback.seek(to: 50, at: 0)
        playback.shuttle(.reverse, at: 0)  // J
        #expect(playback.isPlaying && playback.speed == 1)
        #expect(playback.frame(at: 1) == 40)
        playback.shuttle(.reverse, at: 1)  // J again: 2×
        #expect(playback.frame(at: 2) == 20)
        playback.shuttle(.reverse, at: 2)
        playback.shuttle(.reverse, at: 2)
        playback.shuttle(.reverse, at: 2)
        #expect(playback.speed == Playback.maxSpeed)
        #expect(playback.frame(at: 2.1) == 12)
        playback.shuttle(.forward, at: 2.1)  // L turns round at 1×
        #expect(playback.speed == 1 && playback.frame(at: 3.1) == 22)
        playback.stop(at: 3.1)  // K
        #expect(!playback.isPlaying && playback.frame(at: 9) == 22)
        playback.seek(to: 2, at: 9)
        playback.shuttle(.reverse, at: 9)
        #expect(playback.frame(at: 9.25) == 100, "reverse loops past the first frame to the last")
    }

    @Test func fpsStepsThroughStandardRates() {
        var playback = Playback(first: 1, last: 10, fps: 24)
        playback.stepFPS(faster: true, at: 0)
        #expect(playback.fps == 25)
        playback.stepFPS(faster: false, at: 0)
        playback.stepFPS(faster: false, at: 0)
        #expect(playback.fps == 23.976)
    }
}

/// Distances and play order seen from the playhead, which decoding and caching follow.
@Suite struct PlayFocusTests {
    @Test func loopDistancesWrap() {
        let focus = PlayFocus(frame: 8, range: 1...10)
        #expect(focus.distance(to: 8) == 0)
        #expect(focus.distance(to: 10) == 2)
        #expect(focus.distance(to: 1) == 3)
        #expect(focus.distance(to: 7) == 9)
        #expect(focus.distance(to: 11) == nil)
        #expect(focus.upcoming(5) == [8, 9, 10, 1, 2])
        #expect(focus.upcoming(50).count == 10)
        #expect(focus.behind(3) == [7, 6, 5])
        let reverse = PlayFocus(frame: 2, range: 1...10, direction: .reverse)
        #expect(reverse.upcoming(4) == [2, 1, 10, 9])
        #expect(reverse.distance(to: 9) == 3)
    }

    @Test func onceNeverReachesWhatIsBehind() {
        let focus = PlayFocus(frame: 5, range: 1...10, mode: .once)
        #expect(focus.distance(to: 4) == nil)
        #expect(focus.distance(to: 10) == 5)
        #expect(focus.upcoming(100) == [5, 6, 7, 8, 9, 10])
        #expect(focus.behind(2) == [4, 3])
    }

    @Test func pingPongFollowsTheBounce() {
        let focus = PlayFocus(frame: 3, range: 1...4, mode: .pingPong)
        #expect(focus.upcoming(10) == [3, 4, 2, 1])
        #expect(focus.distance(to: 4) == 1)
        #expect(focus.distance(to: 2) == 3)
        #expect(focus.distance(to: 1) == 4)
        let down = PlayFocus(frame: 3, range: 1...4, direction: .reverse, mode: .pingPong)
        #expect(down.upcoming(10) == [3, 2, 1, 4])
        #expect(down.distance(to: 4) == 5)
        #expect(PlayFocus(frame: 7, range: 7...7, mode: .pingPong).upcoming(3) == [7])
    }
}
