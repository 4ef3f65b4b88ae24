/// Keeps a sound track with the pictures: sound plays while playback goes forward at 1× and at
/// the rate the sound belongs to (no stretch that keeps its pitch is at hand: at another rate,
/// or shuttling, it is silent), from where the picture is, and while it plays the sound
/// device's clock is the session's clock.
///
/// Not thread-safe: owned by a `PlayerSession`. Session time is the monotonic clock plus an
/// offset; while sound plays it is the time the sound started plus how far the device has
/// played since, and the offset follows, so stopping the sound does not make time jump.
final class SoundSync {
    let sound: SoundPlayer
    /// The sequence frame the sound's first sample belongs to.
    let firstFrame: Int
    /// The frame rate the sound belongs to: the one playback had when it was attached.
    let mediaFPS: Double
    private var offset = 0.0
    /// Session time and media seconds when the sound last started.
    private var anchor: (session: Double, media: Double)?
    /// The device's position, smoothed between its steps.
    private var clock = DeviceClock()

    init(sound: SoundPlayer, firstFrame: Int, mediaFPS: Double) {
        self.sound = sound
        self.firstFrame = firstFrame
        self.mediaFPS = mediaFPS
    }

    /// Whether `playback`'s rate is not the sound's, so the sound is kept silent.
    func isOffRate(_ playback: Playback) -> Bool {
        abs(playback.fps - mediaFPS) > 1e-6 * mediaFPS
    }

    /// The session's time at monotonic time `now`.
    func time(at now: Double) -> Double {
        guard let anchor, let reported = sound.mediaSeconds() else { return now + offset }
        let time = anchor.session + (clock.position(reported: reported, at: now) - anchor.media)
        offset = time - now
        return time
    }

    /// Starts, restarts or stops the sound so that it matches `playback` at session time `time`:
    /// started when playback goes forward at 1× (and again after a seek or a loop's wrap, when the
    /// picture and the sound part by more than two frames), stopped otherwise.
    func follow(_ playback: Playback, at time: Double) {
        let position = playback.position(at: time)
        guard playback.isPlaying, playback.speed == 1, !isOffRate(playback), position.direction == .forward, !position.atEnd else {
            if sound.isPlaying { sound.stop() }
            anchor = nil
            return
        }
        let frameLength = 1 / playback.fps
        let frameStart = (playback.nextFrameTime(after: time) ?? time + frameLength) - frameLength
        let picture = Double(position.frame - firstFrame) * frameLength + max(0, time - frameStart)
        if let anchor, sound.isPlaying, abs(anchor.media + (time - anchor.session) - picture) < 2 * frameLength {
            return
        }
        sound.play(fromSeconds: picture)
        anchor = (time, picture)
        clock.reset()
    }

    func stop() {
        sound.stop()
        anchor = nil
    }
}
