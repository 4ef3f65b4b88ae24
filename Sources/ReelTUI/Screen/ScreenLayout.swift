/// Where each pane goes in a grid of a given size, for what is loaded: title bar, viewer, audio
/// pane, timeline, memory gauge and hint line, top to bottom (DESIGN.md's screen).
///
/// The timeline and the audio pane share one track (the same columns), so a column is one
/// moment in both; the gutter to its left holds their labels.
public struct ScreenLayout: Equatable, Sendable {
    /// Smallest grid the layout works in; below it the screen says so in one line.
    public static let minimumWidth = 20
    public static let minimumHeight = 5

    public var title: Rect
    /// nil when there is no picture (an audio file on its own).
    public var viewer: Rect?
    /// nil without audio, or when the screen is too short for both it and the picture.
    public var audio: Rect?
    public var timeline: Rect
    public var gauge: Rect
    public var hints: Rect
    /// The columns the timeline's bar and the audio pane's image span (its rows are the timeline's).
    public var track: Rect

    /// Whether row `y` is the timeline's or the audio pane's (where the mouse scrubs and steps).
    public func isTrackRow(_ y: Int) -> Bool {
        let onTimeline = y >= timeline.y && y < timeline.y + timeline.height
        return onTimeline || (audio.map { y >= $0.y && y < $0.y + $0.height } ?? false)
    }

    /// The rows of the viewer and the audio pane, which show pictures (empty when neither does).
    public var pictureRows: Range<Int> {
        guard let top = viewer?.y ?? audio?.y else { return 0..<0 }
        return top..<timeline.y
    }

    /// The layout for a `width` × `height` grid, or nil when it is too small. Without `gauge`
    /// (and with the audio pane left out) the picture has the rows they would take.
    public init?(width: Int, height: Int, picture: Bool, audio: Bool, gaugeDetailed: Bool, gauge: Bool = true) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        let timelineRows = height >= 14 ? 3 : 1
        var gaugeRows = gauge ? 1 : 0
        if gauge, gaugeDetailed, height - 2 - timelineRows - GaugePane.detailedHeight >= 3 { gaugeRows = GaugePane.detailedHeight }
        let rest = height - 2 - timelineRows - gaugeRows
        var viewerRows = rest, audioRows = 0
        if audio && !picture {
            viewerRows = 0
            audioRows = rest
        } else if audio && picture && rest >= 9 {
            audioRows = max(3, rest / 3)
            viewerRows = rest - audioRows
        }
        title = Rect(x: 0, y: 0, width: width, height: 1)
        viewer = viewerRows > 0 ? Rect(x: 0, y: 1, width: width, height: viewerRows) : nil
        self.audio = audioRows > 0 ? Rect(x: 0, y: 1 + viewerRows, width: width, height: audioRows) : nil
        timeline = Rect(x: 0, y: 1 + rest, width: width, height: timelineRows)
        self.gauge = Rect(x: 0, y: 1 + rest + timelineRows, width: width, height: gaugeRows)
        hints = Rect(x: 0, y: height - 1, width: width, height: 1)
        // A gutter for labels (frequencies, row names) where there is room, and a margin on the right.
        let gutter = width >= 40 ? 6 : 0
        track = Rect(x: gutter, y: timeline.y, width: width - gutter - (gutter > 0 ? 1 : 0), height: timelineRows)
    }
}
