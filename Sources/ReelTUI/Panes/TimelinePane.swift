import ReelCore

/// What the timeline shows: the frames in view, the playhead, the work area, and per frame its
/// state in the cache (nil for a file without pictures, whose ruler reads in seconds).
public struct TimelineModel: Equatable, Sendable {
    /// The frames the timeline spans: the whole file, or the work area when zoomed.
    public var visible: ClosedRange<Int>
    public var frame: Int
    public var workArea: ClosedRange<Int>?
    /// One state per frame of `visible`; nil when there is nothing to cache (audio only).
    public var states: [FrameState]?
    /// Or, already summarised, one state per column of the track (what the player passes: the
    /// session counts them per column, so the strip's cost does not grow with the frames).
    public var columnStates: [FrameState]?
    /// Labels in seconds at this rate (audio only) instead of frame numbers.
    public var secondsAt: Double?
    /// The first frame of the file, where seconds count from.
    public var origin: Int
    public var zoomed: Bool
    /// Labels the ruler in timecode when its unit is timecode (seconds and frames as `secondsAt` says).
    public var clock: FrameClock?

    public init(visible: ClosedRange<Int>, frame: Int, workArea: ClosedRange<Int>? = nil, states: [FrameState]? = nil,
                columnStates: [FrameState]? = nil, secondsAt: Double? = nil, origin: Int? = nil, zoomed: Bool = false,
                clock: FrameClock? = nil) {
        self.visible = visible
        self.frame = frame
        self.workArea = workArea
        self.states = states
        self.columnStates = columnStates
        self.secondsAt = secondsAt
        self.origin = origin ?? visible.lowerBound
        self.zoomed = zoomed
        self.clock = clock
    }

    /// Whether the ruler counts in seconds (time or timecode) rather than frames.
    var countsSeconds: Bool { secondsAt != nil || clock?.unit == .timecode }
}

/// Draws the timeline: with three rows, a ruler of frame numbers (or times), a bar with the B..N
/// work area and the playhead, and the cache strip; with one row, the bar with the strip as its
/// background. The bar spans `track` columns (shared with the audio pane); the gutter to its
/// left names the rows.
public enum TimelinePane {
    public static let playhead: Unicode.Scalar = "\u{25BC}"  // ▼
    static let ruleColour = CellColor.rgb(110, 110, 120)
    static let labelColour = CellColor.rgb(170, 170, 170)
    static let areaColour = CellColor.rgb(120, 200, 255)
    static let playheadColour = CellColor.rgb(255, 210, 80)

    /// The strip's colour for a state (nil: not shown).
    public static func colour(_ state: FrameState) -> CellColor {
        switch state {
        case .cached: return .rgb(70, 190, 90)
        case .queued: return .rgb(230, 190, 60)
        case .failed: return .rgb(230, 70, 70)
        case .missing: return .rgb(150, 60, 150)
        case .absent: return .rgb(60, 60, 66)
        }
    }

    /// The state a cell shows for the frames it covers: a failure or a gap first (they must not
    /// hide), then any frame on its way, then cached only if every frame is.
    static func summary(_ states: ArraySlice<FrameState>) -> FrameState {
        FrameState.summary(states)
    }

    /// The strip's state of `column`: given per column, or summarised from the frames under it;
    /// nil when the model has no strip.
    static func state(_ model: TimelineModel, scale: TimelineScale, column: Int) -> FrameState? {
        if let columns = model.columnStates { return column < columns.count ? columns[column] : .absent }
        return model.states.map { summary(slice($0, scale: scale, column: column)) }
    }

    public static func draw(_ model: TimelineModel, in rect: Rect, track: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty, track.width > 0 else { return }
        grid.fill(rect, with: .blank)
        let scale = TimelineScale(frames: model.visible, width: track.width)
        if rect.height >= 3 {
            drawRuler(model, scale: scale, x: track.x, y: rect.y, into: &grid)
            drawBar(model, scale: scale, x: track.x, y: rect.y + 1, stripAsBackground: false, into: &grid)
            drawStrip(model, scale: scale, x: track.x, y: rect.y + 2, into: &grid)
            let gutter = track.x - rect.x
            if gutter >= 6 {
                let style = TextStyle(foreground: labelColour)
                grid.put(model.zoomed ? "zoom" : (model.clock?.unit == .timecode ? "TC" : model.secondsAt == nil ? "frame" : "time"),
                         x: rect.x, y: rect.y, style: style)
                if model.states != nil || model.columnStates != nil { grid.put("cache", x: rect.x, y: rect.y + 2, style: style) }
            }
        } else {
            drawBar(model, scale: scale, x: track.x, y: rect.y, stripAsBackground: true, into: &grid)
        }
    }

    /// A label for `frame`: its number, or its time as m:ss (h:mm:ss past an hour).
    static func label(_ frame: Int, model: TimelineModel) -> String {
        if let clock = model.clock, clock.unit == .timecode { return clock.label(frame) }
        guard let fps = model.secondsAt else { return String(frame) }
        let seconds = Int((Double(frame - model.origin) / fps).rounded(.down))
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    static func drawRuler(_ model: TimelineModel, scale: TimelineScale, x: Int, y: Int, into grid: inout CellGrid) {
        let widest = max(label(model.visible.lowerBound, model: model).cellCount,
                         label(model.visible.upperBound, model: model).cellCount)
        let perSecond = model.secondsAt ?? (model.countsSeconds ? model.clock?.fps : nil)
        let units = perSecond.map { max(1, Int($0.rounded())) } ?? 1
        let step = RulerTicks.step(for: scale, labelWidth: widest, units: units,
                                   in: model.countsSeconds ? RulerTicks.secondSteps : RulerTicks.steps)
        let style = TextStyle(foreground: labelColour)
        var free = x  // the first column a label may start at
        // Frame numbers at multiples of the step (10, 20, 30), times from the file's start.
        let origin = model.countsSeconds ? model.origin : 0
        for frame in RulerTicks.ticks(for: scale, step: step, units: units, origin: origin) {
            let column = x + scale.column(frame: frame)
            let text = label(frame, model: model)
            guard column >= free, column + text.cellCount <= x + scale.width else { continue }
            grid[column, y] = Cell("\u{2577}", foreground: ruleColour)  // ╷ marks the labelled frame
            grid.put(text, x: column + 1, y: y, style: style, maxWidth: x + scale.width - column - 1)
            free = column + text.cellCount + 2
        }
    }

    static func drawBar(_ model: TimelineModel, scale: TimelineScale, x: Int, y: Int, stripAsBackground: Bool,
                        into grid: inout CellGrid) {
        for column in 0..<scale.width {
            var background = CellColor.terminalDefault
            if stripAsBackground, let state = state(model, scale: scale, column: column) {
                background = colour(state)
            }
            grid[x + column, y] = Cell("\u{2500}", foreground: ruleColour, background: background)  // ─
        }
        if let area = model.workArea, area.overlaps(model.visible) {
            let begin = scale.column(frame: area.lowerBound)
            let end = scale.column(frame: area.upperBound)
            for column in begin...end {
                grid[x + column, y].character = "\u{2501}"  // ━
                grid[x + column, y].foreground = areaColour
                grid[x + column, y].attributes = .bold
            }
            if model.visible.contains(area.lowerBound) { grid[x + begin, y].character = "[" }
            if model.visible.contains(area.upperBound) { grid[x + end, y].character = "]" }
        }
        if model.visible.contains(model.frame) {
            let column = x + scale.column(frame: model.frame)
            grid[column, y].character = playhead
            grid[column, y].foreground = playheadColour
            grid[column, y].attributes = .bold
        }
    }

    static func drawStrip(_ model: TimelineModel, scale: TimelineScale, x: Int, y: Int, into grid: inout CellGrid) {
        guard model.states != nil || model.columnStates != nil else { return }
        for column in 0..<scale.width {
            let state = state(model, scale: scale, column: column) ?? .absent
            // Frames in the cache fill the cell; others are a thin line, so the eye finds the gaps.
            let character: Unicode.Scalar = switch state {
            case .cached: "\u{2588}"   // █
            case .queued: "\u{2584}"   // ▄
            case .failed: "\u{2716}"   // ✖
            case .missing: "\u{00B7}"  // ·
            case .absent: "\u{2581}"   // ▁
            }
            grid[x + column, y] = Cell(character, foreground: colour(state))
        }
    }

    static func slice(_ states: [FrameState], scale: TimelineScale, column: Int) -> ArraySlice<FrameState> {
        let frames = scale.frames(column: column)
        let lower = frames.lowerBound - scale.frames.lowerBound, upper = frames.upperBound - scale.frames.lowerBound
        guard lower >= 0, upper < states.count else { return [] }
        return states[lower...upper]
    }
}
