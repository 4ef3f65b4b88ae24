import ReelCore

/// How one open file was being looked at when Tab left it: the playhead, the work area, the
/// loop mode and rate, the timeline's and the picture's zoom, the look, the analysis settings.
/// Given back when Tab comes back to the file, as RV keeps them per source. What it holds is
/// small; the frames, sound and analysis themselves are released on the switch as before.
struct FileState {
    var frame: Int
    var workArea: ClosedRange<Int>?
    var mode: LoopMode
    var fps: Double
    var zoomed: Bool
    var pictureZoom: ViewerZoom
    var look: Look
    var analysis: SpectrogramSettings?

    /// The state of `media` as the player shows it now.
    init(of media: MediaSession, at now: Double, zoomed: Bool, pictureZoom: ViewerZoom) {
        let playback = media.session.playback
        frame = media.session.position(at: now).frame
        workArea = playback.workArea
        mode = playback.mode
        fps = playback.fps
        self.zoomed = zoomed
        self.pictureZoom = pictureZoom
        look = media.session.source.look
        analysis = media.analysis?.settings
    }

    /// Gives the state back to `media`, just opened.
    func restore(to media: MediaSession, at now: Double) {
        let session = media.session
        session.perform(.setMode(mode), at: now)
        session.perform(.setFPS(fps), at: now)
        session.perform(.setWorkArea(workArea), at: now)
        session.perform(.seek(frame), at: now)
        if look != session.source.look { session.setLook(look) }
        if let analysis, let opened = media.analysis, opened.settings != analysis { opened.setSettings(analysis) }
    }
}
