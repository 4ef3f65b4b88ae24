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
}
