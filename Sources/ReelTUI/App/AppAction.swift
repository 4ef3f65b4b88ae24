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
    /// Sends the whole screen again (Ctrl-L, as in shells and editors).
    case redraw
    case nothing
}
