import ReelCore

/// What the player screen shows at one moment: an immutable snapshot the run loop builds each tick.
public struct PlayerSnapshot: Sendable {
    public var name: String
    public var imageSize: (width: Int, height: Int)?
    public var fps: Double
    public var frame: Int
    public var first: Int
    public var last: Int
    public var isPlaying: Bool
    public var audioName: String?
    /// The B..N range, nil for the whole sequence.
    public var workArea: ClosedRange<Int>?
    public var mode: LoopMode
    /// Multiple of the frame rate; negative in reverse.
    public var speed: Int
    public var dropped: Int

    public init(name: String, imageSize: (width: Int, height: Int)?, fps: Double, frame: Int,
                first: Int, last: Int, isPlaying: Bool, audioName: String? = nil,
                workArea: ClosedRange<Int>? = nil, mode: LoopMode = .loop, speed: Int = 1, dropped: Int = 0) {
        self.name = name
        self.imageSize = imageSize
        self.fps = fps
        self.frame = frame
        self.first = first
        self.last = last
        self.isPlaying = isPlaying
        self.audioName = audioName
        self.workArea = workArea
        self.mode = mode
        self.speed = speed
        self.dropped = dropped
    }
}

/// Lays the player's panes out in a grid of a given size and draws them: title bar, viewer,
/// timeline, key hints, top to bottom.
public enum PlayerScreen {
    /// Smallest grid the layout works in; below it the screen says so in one line.
    public static let minimumWidth = 20
    public static let minimumHeight = 5

    /// The rows of each pane for a `width` × `height` grid, or nil when it is too small.
    public struct Layout: Equatable, Sendable {
        public var title: Rect
        public var viewer: Rect
        public var timeline: Rect
        public var hints: Rect
    }

    public static func layout(width: Int, height: Int) -> Layout? {
        guard width >= minimumWidth, height >= minimumHeight else { return nil }
        return Layout(
            title: Rect(x: 0, y: 0, width: width, height: 1),
            viewer: Rect(x: 0, y: 1, width: width, height: height - 3),
            timeline: Rect(x: 0, y: height - 2, width: width, height: 1),
            hints: Rect(x: 0, y: height - 1, width: width, height: 1))
    }

    public static let hints: [(key: String, action: String)] = [
        ("Space", "play/pause"), ("\u{2190}/\u{2192}", "step"), ("q", "quit"), ("J/K/L", "shuttle"),
        ("B/N", "work area"), ("P", "loop mode"), ("Shift-\u{2190}/\u{2192}", "\u{00B1}10"),
        ("Home/End", "first/last"), ("[ ]", "fps"), ("\\", "clear area"), ("X", "clear cache"),
    ]

    /// The whole screen for `snapshot` with the frame of `view` in the viewer.
    public static func compose(_ snapshot: PlayerSnapshot, view: FrameView, width: Int, height: Int) -> CellGrid {
        compose(snapshot, content: view.content, shownFrame: view.shownFrame ?? snapshot.frame, width: width, height: height)
    }

    /// The whole screen for `snapshot` with `content` (frame `shownFrame`) in the viewer; nil
    /// content while the first frame is still being decoded.
    public static func compose(_ snapshot: PlayerSnapshot, content: FrameContent?, shownFrame: Int? = nil,
                               width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard let layout = layout(width: width, height: height) else {
            // The longest wording that fits the width.
            let wordings = ["Reel needs \(minimumWidth)\u{00D7}\(minimumHeight) (now \(width)\u{00D7}\(height))",
                            "too small: \(width)\u{00D7}\(height)", "too small", "small"]
            let line = wordings.first { $0.cellCount <= width } ?? ""
            grid.put(line, x: 0, y: 0, style: TextStyle(attributes: .bold))
            return grid
        }
        TitleBar.draw(titleFields(snapshot), in: layout.title, into: &grid)
        if let content {
            ViewerPane.draw(content, frame: shownFrame ?? snapshot.frame, in: layout.viewer, into: &grid)
        } else {
            grid.fill(layout.viewer, with: .blank)
            ViewerPane.drawNotice(["decoding frame \(snapshot.frame)\u{2026}"], colour: .rgb(170, 170, 170),
                                  in: layout.viewer, into: &grid)
        }
        TimelinePane.draw(frame: snapshot.frame, first: snapshot.first, last: snapshot.last,
                          workArea: snapshot.workArea, in: layout.timeline, into: &grid)
        HintLine.draw(hints, in: layout.hints, into: &grid)
        return grid
    }

    static func titleFields(_ snapshot: PlayerSnapshot) -> [String] {
        var fields = [snapshot.name]
        if let size = snapshot.imageSize { fields.append("\(size.width)\u{00D7}\(size.height)") }
        let fps = snapshot.fps == snapshot.fps.rounded() ? String(Int(snapshot.fps)) : String(format2(snapshot.fps))
        fields.append("\(fps) fps")
        fields.append("frame \(snapshot.frame)  [\(snapshot.first)\u{2013}\(snapshot.last)]")
        if let area = snapshot.workArea { fields.append("B\u{2013}N \(area.lowerBound)\u{2013}\(area.upperBound)") }
        if snapshot.isPlaying {
            let arrow = snapshot.speed < 0 ? "\u{25C0}" : "\u{25B6}"
            let speed = abs(snapshot.speed) == 1 ? "" : " \(abs(snapshot.speed))\u{00D7}"
            fields.append("\(arrow) playing\(speed)")
        } else {
            fields.append("\u{2016} paused")
        }
        fields.append(snapshot.mode.rawValue)
        if snapshot.dropped > 0 { fields.append("\(snapshot.dropped) dropped") }
        if let audio = snapshot.audioName { fields.append("\u{266A} \(audio)") }
        return fields
    }

    private static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
