import ReelCore

/// What the memory gauge shows: the figures of one moment and the RSS of the last minute.
public struct GaugeModel: Equatable, Sendable {
    public var stats: MemoryStats
    /// RSS per second, oldest first (see `MemoryHistory`).
    public var rssHistory: [Int]
    /// The detailed block instead of one line (`G`).
    public var detailed: Bool
    /// With an image protocol: bytes of pictures the terminal holds, and the link's bytes a second.
    public var terminalImageBytes: Int?
    public var linkBytesPerSecond: Int?

    public init(stats: MemoryStats, rssHistory: [Int] = [], detailed: Bool = false) {
        self.stats = stats
        self.rssHistory = rssHistory
        self.detailed = detailed
    }
}

/// Draws the memory gauge: the cache's bytes against its budget as a bar, frames held, RSS with
/// its sparkline, heap, audio buffers, decode jobs, epoch, hit rate and dropped frames — in one
/// line (as many fields as fit) or, detailed, one subject per row.
public enum GaugePane {
    /// Rows the detailed gauge takes.
    public static let detailedHeight = 5
    static let labelStyle = TextStyle(foreground: .rgb(150, 150, 160))
    static let valueStyle = TextStyle(attributes: .bold)
    static let barColour = CellColor.rgb(70, 190, 90)
    static let fullColour = CellColor.rgb(230, 160, 60)
    static let emptyColour = CellColor.rgb(60, 60, 66)
    static let sparkColour = CellColor.rgb(120, 200, 255)

    /// A run of the gauge's text: a label, a value, or a bar or sparkline with its own colour.
    struct Piece {
        var text: String
        var style: TextStyle
    }

    public static func draw(_ model: GaugeModel, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, with: .blank)
        if model.detailed && rect.height >= detailedHeight {
            for (row, pieces) in detailedRows(model, width: rect.width - 2).enumerated() where row < rect.height {
                put(pieces, x: rect.x + 1, y: rect.y + row, width: rect.width - 1, into: &grid)
            }
        } else {
            // Fields in order of importance; those that do not fit are left out whole.
            var x = rect.x + 1
            let end = rect.x + rect.width
            for (index, wide) in compactFields(model).enumerated() {
                let separator = index == 0 ? [] : [Piece(text: " \u{2502} ", style: labelStyle)]
                var field = wide
                // Too narrow for the cache's bar: its bytes alone.
                if index == 0 && x + width(field) > end {
                    field = [Piece(text: "cache ", style: labelStyle), Piece(text: ByteText.format(model.stats.cacheBytes), style: valueStyle)]
                }
                let width = width(separator + field)
                guard x + width <= end else { break }
                x = put(separator + field, x: x, y: rect.y, width: end - x, into: &grid)
            }
        }
    }

    static func width(_ pieces: [Piece]) -> Int { pieces.reduce(0) { $0 + $1.text.cellCount } }

    static func bar(used: Int, budget: Int, width: Int) -> [Piece] {
        guard width > 0 else { return [] }
        let fraction = budget > 0 ? min(1, Double(used) / Double(budget)) : 0
        let filled = Int((fraction * Double(width)).rounded())
        let colour = fraction >= 0.95 ? fullColour : barColour
        return [Piece(text: String(repeating: "\u{2588}", count: filled), style: TextStyle(foreground: colour)),
                Piece(text: String(repeating: "\u{2591}", count: width - filled), style: TextStyle(foreground: emptyColour))]
    }

    static func hitRate(_ stats: MemoryStats) -> String {
        stats.hits + stats.misses == 0 ? "\u{2013}" : ByteText.fixed(stats.hitRate * 100, decimals: 1) + "%"
    }

    static func compactFields(_ model: GaugeModel) -> [[Piece]] {
        let s = model.stats
        func field(_ label: String, _ value: String) -> [Piece] {
            [Piece(text: label + " ", style: labelStyle), Piece(text: value, style: valueStyle)]
        }
        var fields = [
            [Piece(text: "cache ", style: labelStyle)] + bar(used: s.cacheBytes, budget: s.cacheBudget, width: 8)
                + [Piece(text: " " + ByteText.format(s.cacheBytes), style: valueStyle),
                   Piece(text: "/" + ByteText.format(s.cacheBudget) + " \(s.cachedFrames) fr", style: labelStyle)],
            field("RSS", ByteText.format(s.rssBytes))
                + [Piece(text: " " + Sparkline.text(model.rssHistory, width: 12), style: TextStyle(foreground: sparkColour))],
            field("heap", ByteText.format(s.heapBytes)),
            field("audio", ByteText.format(s.audioBytes)),
            field("jobs", "\(s.queued)+\(s.running)"),
            field("hit", hitRate(s)),
            field("dropped", String(s.dropped)),
            field("epoch", String(s.epoch)),
        ]
        // A movie's decoders and the terminal's pictures are Reel's memory too; they come right
        // after the audio buffers.
        var extra: [[Piece]] = []
        if s.decoderBytes > 0 { extra.append(field("decoder", ByteText.format(s.decoderBytes))) }
        if let bytes = model.terminalImageBytes { extra.append(field("term", ByteText.format(bytes))) }
        if let rate = model.linkBytesPerSecond { extra.append(field("link", ByteText.format(rate) + "/s")) }
        fields.insert(contentsOf: extra, at: 4)
        return fields
    }

    static func detailedRows(_ model: GaugeModel, width: Int) -> [[Piece]] {
        let s = model.stats
        func label(_ text: String) -> Piece { Piece(text: text, style: labelStyle) }
        func value(_ text: String) -> Piece { Piece(text: text, style: valueStyle) }
        let percent = s.cacheBudget > 0 ? " (\(Int((Double(s.cacheBytes) / Double(s.cacheBudget) * 100).rounded()))%)" : ""
        let cacheText = [value(" " + ByteText.format(s.cacheBytes)), label(" of " + ByteText.format(s.cacheBudget) + percent + "  "),
                         value("\(s.cachedFrames)"), label(" frames  "), value("\(s.evictions)"), label(" evicted")]
        let cacheTextWidth = cacheText.reduce(0) { $0 + $1.text.cellCount }
        let barWidth = max(4, min(40, width - 8 - cacheTextWidth))
        let history = model.rssHistory
        var rssRow = [label("RSS     "), value(ByteText.format(s.rssBytes)), label("  ")]
        let sparkWidth = max(0, min(60, width - 60))
        if !history.isEmpty {
            rssRow.append(Piece(text: Sparkline.text(history, width: max(8, sparkWidth)), style: TextStyle(foreground: sparkColour)))
            rssRow.append(label("  last \(history.count) s, \(ByteText.format(history.min()!))\u{2013}\(ByteText.format(history.max()!))"))
        }
        return [
            [label("cache   ")] + bar(used: s.cacheBytes, budget: s.cacheBudget, width: barWidth) + cacheText,
            rssRow,
            [label("heap    "), value(ByteText.format(s.heapBytes)), label("   audio buffers "), value(ByteText.format(s.audioBytes))]
                + (s.decoderBytes > 0 ? [label("   decoders "), value(ByteText.format(s.decoderBytes))] : [])
                + (model.terminalImageBytes.map { [label("   terminal pictures "), value(ByteText.format($0))] } ?? [])
                + (model.linkBytesPerSecond.map { [label("   link "), value(ByteText.format($0) + "/s")] } ?? []),
            [label("decode  queued "), value("\(s.queued)"), label("  running "), value("\(s.running)"),
             label("  decoded "), value("\(s.decodes)"), label("  epoch "), value("\(s.epoch)")],
            [label("lookups hits "), value("\(s.hits)"), label("  misses "), value("\(s.misses)"),
             label("  hit rate "), value(hitRate(s)), label("  dropped frames "), value("\(s.dropped)")],
        ]
    }

    @discardableResult
    static func put(_ pieces: [Piece], x: Int, y: Int, width: Int, into grid: inout CellGrid) -> Int {
        var column = x
        let end = x + width
        for piece in pieces where column < end {
            column = grid.put(piece.text, x: column, y: y, style: piece.style, maxWidth: end - column)
        }
        return column
    }
}
