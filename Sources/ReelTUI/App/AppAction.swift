import ReelCore

/// What a key or a click asks of the player: a command for the player core, or something the
/// front end does itself.
enum AppAction: Equatable {
    case command(PlayerCommand)
    case quit
    case nextFile
    case previousFile
    case cycleScale
    case cycleFFTSize
    case cycleColorMap
    case cycleWindow
    /// The audio pane: all channels mixed, or a spectrogram and a waveform per channel.
    case toggleChannels
    case toggleGaugeDetail
    case toggleHelp
    case toggleZoom
    /// Saves the frame shown as a PNG at its own size, in the current folder.
    case exportFrame
    /// Playback speed times this (½ or 2), from ¼× to 4× the file's own rate.
    case changeSpeed(Double)
    /// Hides the audio pane and the gauge (the picture takes their rows), or shows them again.
    case togglePanes
    /// Opens the go-to line at the bottom.
    case openPrompt
    /// Positions as frame numbers, timecode or seconds.
    case cycleTimeUnit
    /// The viewer's picture: fit, a fixed scale, in or out by √2, or pan by a tenth of the view.
    case zoomPicture(PictureZoom)
    /// How the picture is seen: exposure up or down (stops), the next channel view, the
    /// checkerboard under alpha, or all of it back to plain.
    case changeLook(LookChange)
    /// A/B compare with the next file: off, wipe, side by side, toggle, off.
    case cycleCompare
    /// The compare's toggle shows the other side.
    case flipCompare
    /// The wipe's divider moves by this fraction of the viewer's width.
    case moveDivider(Double)
    /// Sends the whole screen again (Ctrl-L, as in shells and editors).
    case redraw
    case nothing
}

/// A change to the picture's `Look`.
enum LookChange: Equatable {
    case exposure(Float)
    case nextChannel
    case checkerboard
    case reset

    /// `look` after this change.
    func applied(to look: Look) -> Look {
        var changed = look
        switch self {
        case .exposure(let stops): changed.exposure = max(-16, min(16, look.exposure + stops))
        case .nextChannel: changed.channel = look.nextChannel
        case .checkerboard: changed.checkerboard.toggle()
        case .reset: changed = .identity
        }
        return changed
    }
}

/// A change to how the viewer shows the frame (`ViewerZoom`).
enum PictureZoom: Equatable {
    case fit
    case scale(Double)
    case zoomIn
    case zoomOut
    /// Pans by a tenth of the view across and down (negative: left, up).
    case pan(x: Int, y: Int)
}
