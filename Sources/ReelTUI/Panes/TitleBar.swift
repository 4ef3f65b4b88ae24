import ReelCore

/// What the title bar says: the file, its size and rate, where playback is and how it plays.
public struct TitleModel: Equatable, Sendable {
    public var name: String
    public var imageSize: (width: Int, height: Int)?
    public var fps: Double
    public var frame: Int
    public var first: Int
    public var last: Int
    public var isPlaying: Bool
    /// The sound: name, output and volume.
    public var audio: String?
    public var workArea: ClosedRange<Int>?
    public var mode: LoopMode
    /// Multiple of the frame rate; negative in reverse.
    public var speed: Int
    public var dropped: Int
    /// "2/3" when several files are open.
    public var fileIndex: (index: Int, count: Int)?
    /// Show the position as a time (audio on its own) instead of a frame number.
    public var showsTime: Bool
    /// What draws the pictures (kitty, sixel, iterm, cells), when the player says.
    public var graphics: String?
    /// How a picture's positions are written (frame numbers without one).
    public var clock: FrameClock?
    /// Playback's rate over the file's own, when it is not 1.
    public var speedFactor: Double?
    /// Loops to play before stopping (`--loops`).
    public var loopLimit: Int?
    /// What an A/B compare shows beside the file: its mode, B's name and frame.
    public var compare: String?

    public init(name: String, imageSize: (width: Int, height: Int)? = nil, fps: Double, frame: Int, first: Int, last: Int,
                isPlaying: Bool, audio: String? = nil, workArea: ClosedRange<Int>? = nil, mode: LoopMode = .loop,
                speed: Int = 1, dropped: Int = 0, fileIndex: (index: Int, count: Int)? = nil, showsTime: Bool = false,
                graphics: String? = nil, clock: FrameClock? = nil) {
        self.name = name
        self.imageSize = imageSize
        self.fps = fps
        self.frame = frame
        self.first = first
        self.last = last
        self.isPlaying = isPlaying
        self.audio = audio
        self.workArea = workArea
        self.mode = mode
        self.speed = speed
        self.dropped = dropped
        self.fileIndex = fileIndex
        self.showsTime = showsTime
        self.graphics = graphics
        self.clock = clock
    }

    public static func == (a: TitleModel, b: TitleModel) -> Bool { a.fields == b.fields }

    /// The fields, left to right.
    public var fields: [String] {
        var fields: [String] = []
        if let file = fileIndex, file.count > 1 { fields.append("\(file.index)/\(file.count)") }
        fields.append(name)
        if let size = imageSize { fields.append("\(size.width)\u{00D7}\(size.height)") }
        // Sound alone is a time (h:mm:ss.mmm); a picture is a frame number, a timecode or a time, with the frame's other names beside.
        let seconds = FrameClock(unit: .seconds, fps: fps, first: first)
        let clock = showsTime ? seconds : self.clock ?? FrameClock(fps: fps, first: first)
        if showsTime {
            fields.append("\(clock.label(frame)) / \(clock.label(last + 1))")
        } else {
            fields.append("\(ByteText.trimmed(fps)) fps" + (speedFactor.map { " (\(ByteText.trimmed($0))\u{00D7})" } ?? ""))
            let range = "[\(clock.label(first))\u{2013}\(clock.label(last))]"
            switch clock.unit {
            case .frames:
                let own = self.clock.flatMap { $0.ownTimecode ? "  \($0.timecode(frame))" : nil } ?? ""
                fields.append("frame \(frame)  \(range)" + own)
            case .timecode, .seconds: fields.append("\(clock.label(frame))  \(range)  frame \(frame)")
            }
        }
        if let compare { fields.append(compare) }
        if let area = workArea {
            // Sound's work area runs to the end of its last frame.
            let end = showsTime ? area.upperBound + 1 : area.upperBound
            fields.append("B\u{2013}N \(clock.label(area.lowerBound))\u{2013}\(clock.label(end))")
        }
        if isPlaying {
            let arrow = speed < 0 ? "\u{25C0}" : "\u{25B6}"
            let times = abs(speed) == 1 ? "" : " \(abs(speed))\u{00D7}"
            fields.append("\(arrow) playing\(times)")
        } else {
            fields.append("\u{2016} paused")
        }
        fields.append(mode.rawValue + (loopLimit.map { " \u{00D7}\($0)" } ?? ""))
        if dropped > 0 { fields.append("\(dropped) dropped") }
        if let audio { fields.append("\u{266A} \(audio)") }
        if let graphics, imageSize != nil { fields.append(graphics) }
        return fields
    }
}

/// Draws the title bar: what is playing and where, in reverse video across the top row.
public enum TitleBar {
    public static func draw(_ fields: [String], in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let style = TextStyle(attributes: [.reverse])
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
                  with: Cell(" ", attributes: [.reverse]))
        var text = " " + fields.joined(separator: "  \u{2502}  ")
        // Too long: names without their folders first (the file is what matters, as in mpv).
        if text.cellCount > rect.width {
            text = " " + fields.map { $0.contains("/") && $0.contains(where: \.isLetter) && !$0.hasPrefix("\u{266A}") ? String($0.split(separator: "/").last ?? "") : $0 }
                .joined(separator: "  \u{2502}  ")
        }
        grid.put(text, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        // The program's name on the right, only where it does not cover a field.
        if text.cellCount + 7 <= rect.width {
            grid.put("reel ", x: rect.x + rect.width - 5, y: rect.y, style: TextStyle(attributes: [.reverse, .bold]))
        }
    }
}
