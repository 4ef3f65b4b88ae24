/// What the presenter has done so far, for the stats file: a script waits on these (a redraw
/// asked for and sent, no repaint still due) instead of sleeping until the screen is probably right.
///
/// A value owned by `PlayerApp`'s main loop; not shared between threads.
struct ScreenCounters: Equatable {
    /// Screens handed to the presenter.
    var presented = 0
    /// Full repaints asked for (resize, Ctrl-L, the second repaint after a resize).
    var redraws = 0
    /// A second repaint after a resize is still to come.
    var repaintPending = false
    /// The shown file's audio analysis has not finished the pass the screen asked for.
    var analysing = false
    /// With an image protocol: pictures sent, the bytes of pictures the terminal holds, the
    /// link's bytes a second, pictures skipped while it drained, and where the picture on screen
    /// is, in the terminal's pixels (x, y, width, height).
    var graphics: String?
    /// How kitty gets the pixels: "shm" (shared memory), "direct" (in the commands); nil otherwise.
    var kittyTransmission: String?
    var picturesSent = 0
    var terminalImageBytes = 0
    var linkBytesPerSecond = 0
    var linkSkipped = 0
    var picturePixels: [Int]?
    /// A cell's size in pixels, as the pictures are laid out.
    var cellPixels: [Int]?

    /// Takes the presenter's picture figures after a screen; `cell` is a cell's size in pixels.
    mutating func note(_ presenter: CursesPresenter, cell: (width: Int, height: Int), at now: Double) {
        guard let placer = presenter.placer else { return }
        graphics = placer.mode.rawValue
        if placer.mode == .kitty { kittyTransmission = placer.encoder.kitty.medium == .direct ? "direct" : "shm" }
        picturesSent = placer.placedCount
        terminalImageBytes = placer.terminalBytes
        linkBytesPerSecond = presenter.link.bytesPerSecond(at: now)
        linkSkipped = presenter.link.skipped
        cellPixels = [cell.width, cell.height]
        picturePixels = placer.shown.map {
            [$0.column * cell.width + placer.shownOffset.x, $0.row * cell.height + placer.shownOffset.y, $0.width, $0.height]
        }
    }
}
