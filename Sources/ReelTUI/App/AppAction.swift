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
    case toggleGaugeDetail
    case toggleHelp
    case toggleZoom
    /// The viewer's picture: fit, a fixed scale, in or out by √2, or pan by a tenth of the view.
    case zoomPicture(PictureZoom)
    /// Sends the whole screen again (Ctrl-L, as in shells and editors).
    case redraw
    case nothing
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
