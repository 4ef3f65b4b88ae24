import ReelCore

/// What the screen shows at one moment: an immutable snapshot the run loop builds each tick
/// from the player core, and `PlayerScreen.compose` draws.
public struct PlayerSnapshot: Sendable {
    /// What the viewer shows.
    public enum Viewer: Equatable, Sendable {
        /// A frame (or why it cannot be shown); `shown` is the frame it is.
        case frame(FrameContent, shown: Int)
        /// The frame is being decoded and nothing was on screen before it.
        case decoding(Int)
        /// Lines of text instead of a picture (a file that cannot be opened).
        case notice([String])
        /// No picture: an audio file on its own.
        case none
    }

    public var title: TitleModel
    public var viewer: Viewer
    public var timeline: TimelineModel
    public var audio: AudioPaneModel?
    public var gauge: GaugeModel
    public var showHelp: Bool
    /// Pictures go to the terminal as images: the viewer leaves their cells blank.
    public var picturesAsImages = false
    /// The block symbols pictures are drawn with in cells.
    public var symbols: CellSymbols = .half
    /// The go-to line being typed, which the bottom row shows instead of the hints.
    public var prompt: String?
    /// A line the bottom row shows instead of the hints (why a go-to went nowhere).
    public var message: String?

    public init(title: TitleModel, viewer: Viewer, timeline: TimelineModel, audio: AudioPaneModel? = nil,
                gauge: GaugeModel, showHelp: Bool = false) {
        self.title = title
        self.viewer = viewer
        self.timeline = timeline
        self.audio = audio
        self.gauge = gauge
        self.showHelp = showHelp
    }
}
