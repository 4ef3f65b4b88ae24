import ReelCore
#if canImport(Glibc)
import Glibc
#endif

/// What the audio pane shows: an analysis, the sample frames the timeline spans, and the playhead.
public struct AudioPaneModel: Sendable {
    public var analysis: AudioAnalysis
    /// The sample frames under the track, left edge to right edge.
    public var samples: Range<Int>
    /// The playhead's column in the track; nil when it is outside the span.
    public var playheadColumn: Int?

    public init(analysis: AudioAnalysis, samples: Range<Int>, playheadColumn: Int?) {
        self.analysis = analysis
        self.samples = samples
        self.playheadColumn = playheadColumn
    }
}

/// Draws the audio pane: the spectrogram in half-block cells (two rows of the image per cell, low
/// frequencies at the bottom) above the min/max waveform, both over the timeline's track so a
/// column is the same moment in all three, the playhead through both, frequency labels in the
/// gutter and, while the analysis runs, its progress.
///
/// Reads the analysis under its lock while drawing; never touches samples or the file.
public enum AudioPane {
    static let labelColour = CellColor.rgb(170, 170, 170)
    static let waveColour = CellColor.rgb(90, 200, 220)
    static let clipColour = CellColor.rgb(255, 80, 80)
    static let playheadColour = CellColor.rgb(255, 210, 80)

    /// Rows of the spectrogram and of the waveform in a pane of `height` rows.
    public static func split(height: Int) -> (spectrogram: Int, waveform: Int) {
        if height <= 1 { return (max(0, height), 0) }
        let waveform = max(1, height / 3)
        return (height - waveform, waveform)
    }

    /// The spectrogram the pane wants for `track` columns in a pane of `height` rows.
    public static func view(track: Rect, height: Int, samples: Range<Int>) -> AudioAnalysis.View {
        AudioAnalysis.View(columns: track.width, rows: max(1, split(height: height).spectrogram * 2), frames: samples)
    }

    public static func draw(_ model: AudioPaneModel, in rect: Rect, track: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty, track.width > 0 else { return }
        grid.fill(rect, with: .blank)
        let (spectrogramRows, waveformRows) = split(height: rect.height)
        let spectrogramRect = Rect(x: track.x, y: rect.y, width: track.width, height: spectrogramRows)
        let waveformRect = Rect(x: track.x, y: rect.y + spectrogramRows, width: track.width, height: waveformRows)
        let gutterWidth = track.x - rect.x
        let (settings, imageChannels) = model.analysis.withSpectrogram { image, settings, colors in
            if let image, let colors { drawSpectrogram(image, settings: settings, colors: colors, in: spectrogramRect, into: &grid) }
            return (settings, image?.channels ?? 1)
        }
        // Per channel, each channel has a band of its own, top to bottom, labelled in the gutter.
        let bands = lanes(settings.channels == .separate ? imageChannels : 1, rows: spectrogramRows, least: 2)
        for (index, band) in bands.enumerated() {
            let gutter = Rect(x: rect.x, y: rect.y + band.lowerBound, width: gutterWidth, height: band.count)
            drawFrequencyLabels(settings.scale, sampleRate: model.analysis.info.sampleRate, gutter: gutter, into: &grid)
            if bands.count > 1 { drawChannelName(index, of: bands.count, gutter: gutter, into: &grid) }
        }
        let waveChannels = settings.channels == .separate ? min(model.analysis.info.channels, PeakPyramid.maxChannels) : 1
        let waveLanes = lanes(waveChannels, rows: waveformRows, least: 1)
        for (index, lane) in waveLanes.enumerated() {
            let laneRect = Rect(x: track.x, y: waveformRect.y + lane.lowerBound, width: track.width, height: lane.count)
            drawWaveform(model, channels: waveLanes.count > 1 ? index...index : 0...(min(2, model.analysis.info.channels) - 1),
                         in: laneRect, into: &grid)
            if waveLanes.count > 1 {
                drawChannelName(index, of: waveLanes.count, gutter: Rect(x: rect.x, y: laneRect.y, width: gutterWidth, height: lane.count),
                                into: &grid)
            }
        }
        if let column = model.playheadColumn, column >= 0, column < track.width {
            for y in spectrogramRect.y..<(spectrogramRect.y + spectrogramRect.height) {
                grid[track.x + column, y] = Cell("\u{2502}", foreground: playheadColour,  // │
                                                 background: grid[track.x + column, y].background)
            }
            for y in waveformRect.y..<(waveformRect.y + waveformRect.height) {
                grid[track.x + column, y].foreground = playheadColour
                if grid[track.x + column, y].character == " " { grid[track.x + column, y].character = "\u{2502}" }
            }
        }
        drawCaption(model, settings: settings, in: spectrogramRect, into: &grid)
    }

    /// Settings and progress along the top of the spectrogram, right-aligned.
    static func drawCaption(_ model: AudioPaneModel, settings: SpectrogramSettings, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let perChannel = settings.channels == .separate && model.analysis.info.channels > 1 ? " \u{00B7} per channel" : ""
        var caption = " \(settings.scale.rawValue) \u{00B7} FFT \(settings.fftSize)\(settings.window == .hann ? "" : " " + settings.window.rawValue) \u{00B7} \(settings.colorMap.rawValue)\(perChannel) "
        let progress = model.analysis.progress
        let broken = model.analysis.brokenSamples
        if broken > 0 { caption = " \(broken) broken samples \u{00B7}" + caption }
        if !progress.isDone {
            caption = " analysing \(Int(progress.fraction * 100))%" + " \u{00B7}" + caption
        }
        guard caption.cellCount <= rect.width else {
            if !progress.isDone { grid.put(" \(Int(progress.fraction * 100))% ", x: rect.x, y: rect.y, style: TextStyle(attributes: .reverse)) }
            return
        }
        let captionStyle = TextStyle(foreground: .rgb(230, 230, 230), background: .rgb(30, 30, 36))
        grid.put(caption, x: rect.x + rect.width - caption.cellCount, y: rect.y, style: captionStyle)
        drawLegend(settings, right: rect.x + rect.width - caption.cellCount, left: rect.x, y: rect.y, style: captionStyle, into: &grid)
    }

    /// Cells of the colour map's levels in a strip.
    static let legendCells = 10

    /// The dB colour legend left of the caption: the quietest level drawn, the map's colours
    /// from it to the loudest, and the loudest (`-90 ▇▇▇▇ 0 dB`, with the gain where it is set).
    static func drawLegend(_ settings: SpectrogramSettings, right: Int, left: Int, y: Int, style: TextStyle,
                           into grid: inout CellGrid) {
        let top = Int(settings.gainDB.rounded()), bottom = Int((settings.gainDB - settings.rangeDB).rounded())
        let low = " \(bottom) ", high = " \(top) dB "
        let width = low.cellCount + legendCells + high.cellCount
        guard right - width - 1 >= left else { return }
        var x = grid.put(low, x: right - width - 1, y: y, style: style)
        let table = settings.colorMap.table()
        for cell in 0..<legendCells {
            let rgb = table.rgb(level: (Float(cell) + 0.5) / Float(legendCells))
            grid[x, y] = Cell(" ", background: .rgb(UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF)))
            x += 1
        }
        grid.put(high, x: x, y: y, style: style)
    }

    /// Splits `rows` into up to `count` lanes, top to bottom, each `least` rows or more (fewer
    /// lanes when they do not fit); row ranges relative to the first row.
    static func lanes(_ count: Int, rows: Int, least: Int) -> [Range<Int>] {
        let shown = max(1, min(count, rows / max(1, least)))
        return (0..<shown).map { (rows * $0 / shown)..<(rows * ($0 + 1) / shown) }
    }

    /// `L`, `R` for stereo, else the channel's number, in the gutter's first column.
    static func drawChannelName(_ index: Int, of count: Int, gutter: Rect, into grid: inout CellGrid) {
        guard gutter.width >= 1, gutter.height >= 1 else { return }
        let name = count == 2 ? (index == 0 ? "L" : "R") : String(index + 1)
        grid.put(name, x: gutter.x, y: gutter.y + (gutter.height - 1) / 2, style: TextStyle(foreground: .rgb(230, 230, 230), attributes: .bold),
                 maxWidth: gutter.width)
    }

    /// The spectrogram: one band per channel of `image` when it has several (per channel, as far
    /// as two rows a band fit), else its one channel.
    static func drawSpectrogram(_ image: SpectrogramImage, settings: SpectrogramSettings, colors: ColorTable,
                                in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty, image.columns > 0, image.rows > 0 else { return }
        for (channel, band) in lanes(image.channels, rows: rect.height, least: 2).enumerated() {
            drawSpectrogram(image, channel: channel, settings: settings, colors: colors,
                            in: Rect(x: rect.x, y: rect.y + band.lowerBound, width: rect.width, height: band.count), into: &grid)
        }
    }

    static func drawSpectrogram(_ image: SpectrogramImage, channel: Int, settings: SpectrogramSettings, colors: ColorTable,
                                in rect: Rect, into grid: inout CellGrid) {
        let pixelRows = rect.height * 2
        func colour(column: Int, pixelRow: Int) -> CellColor {
            // The image may be of another size (the previous pass, or a band of one channel's
            // rows): map it proportionally, and where several image rows fall in one pixel show
            // the loudest, so a pure tone one row high never falls between pixels.
            let low = min(image.rows - 1, pixelRow * image.rows / pixelRows)
            let high = min(image.rows, max(low + 1, (pixelRow + 1) * image.rows / pixelRows))
            var level: Float = 0
            for row in low..<high { level = max(level, image.level(column: column, row: row, channel: channel, settings: settings)) }
            let rgb = colors.rgb(level: level)
            return .rgb(UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF))
        }
        for x in 0..<rect.width {
            let column = x * image.columns / rect.width
            guard column < image.completedColumns else { continue }
            for y in 0..<rect.height {
                let lowerPixel = (rect.height - 1 - y) * 2  // row 0 of the image is the lowest frequency
                grid[rect.x + x, rect.y + y] = Cell(Cell.upperHalfBlock, foreground: colour(column: column, pixelRow: lowerPixel + 1),
                                                    background: colour(column: column, pixelRow: lowerPixel))
            }
        }
    }

    /// Round frequencies at the rows that hold them, as many as fit without touching; the top
    /// row names the Nyquist frequency (half the sample rate, the highest there is). On the linear
    /// scale the labels are evenly spaced (a step of 1, 2 or 5 × 10ⁿ Hz), as Sonic Visualiser's.
    static func drawFrequencyLabels(_ scale: FrequencyScale, sampleRate: Int, gutter: Rect, into grid: inout CellGrid) {
        guard gutter.width >= 4, gutter.height >= 1 else { return }
        let pixelRows = gutter.height * 2
        let edges = scale.rowEdges(rows: pixelRows, sampleRate: sampleRate)
        var taken = Set<Int>()
        func label(_ text: String, y: Int, colour: CellColor = labelColour) {
            taken.insert(y)
            grid.put(text + " ", x: gutter.x + gutter.width - text.cellCount - 1, y: gutter.y + y, style: TextStyle(foreground: colour))
        }
        let nyquist = Double(sampleRate) / 2
        label(hertzText(nyquist), y: 0, colour: .rgb(230, 200, 120))
        let candidates: [Double]
        if scale == .linear {
            // The smallest 1-2-5 step whose labels are two rows apart or more.
            let rowsPerHertz = Double(gutter.height) / max(1, nyquist - edges[0])
            let step = [1.0, 2, 5].flatMap { base in (1...5).map { base * pow(10, Double($0)) } }.sorted()
                .first { $0 * rowsPerHertz >= 2 } ?? nyquist
            candidates = stride(from: step, to: nyquist, by: step).map { $0 }
        } else {
            // Decades first, so 100, 1k and 10k are there whatever else fits between them.
            candidates = [1_000, 10_000, 100, 5_000, 500, 2_000, 200, 20_000, 50]
        }
        for hertz in candidates where hertz >= edges[0] && hertz <= edges[pixelRows] {
            let pixel = min(pixelRows - 1, max(0, (edges.firstIndex { $0 > hertz } ?? pixelRows) - 1))
            let y = gutter.height - 1 - pixel / 2
            guard !taken.contains(y), !taken.contains(y - 1), !taken.contains(y + 1) else { continue }
            label(hertzText(hertz), y: y)
        }
    }

    /// `22k`, `1.5k`, `440`: a frequency in at most five cells.
    static func hertzText(_ hertz: Double) -> String {
        guard hertz >= 1000 else { return String(Int(hertz.rounded())) }
        let kilo = hertz / 1000
        return kilo == kilo.rounded() || kilo >= 10 ? "\(Int(kilo.rounded(.down)))k" : "\(ByteText.trimmed((kilo * 10).rounded(.down) / 10))k"
    }

    /// The min/max waveform of `channels` (their peaks together) in `rect`.
    static func drawWaveform(_ model: AudioPaneModel, channels: ClosedRange<Int>, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let analysis = model.analysis
        var columns = analysis.peaks(channel: channels.lowerBound, frames: model.samples, columns: rect.width)
        for channel in channels.dropFirst() {
            let more = analysis.peaks(channel: channel, frames: model.samples, columns: rect.width)
            for i in columns.indices {
                guard let a = columns[i], let b = more[i] else { continue }
                columns[i] = PeakValue(min: Swift.min(a.min, b.min), max: Swift.max(a.max, b.max))
            }
        }
        let halves = rect.height * 2
        // Half-cell index from the top for an amplitude in -1...1.
        func half(_ value: Float) -> Int {
            SampleGuard.index(((1 - SampleGuard.drawable(value)) / 2 * Float(halves)).rounded(.down), last: halves - 1)
        }
        let centre = rect.y + (rect.height - 1) / 2
        for x in 0..<rect.width {
            grid[rect.x + x, centre] = Cell("\u{2500}", foreground: .rgb(60, 60, 70))  // ─ the zero line
            guard let peak = columns[x] else { continue }
            let top = half(peak.max), bottom = half(peak.min)
            // Written so that a NaN peak counts as clipped.
            let clipped = !(peak.max < 0.999) || !(peak.min > -0.999)
            for y in 0..<rect.height {
                let upper = (top...bottom).contains(2 * y), lower = (top...bottom).contains(2 * y + 1)
                let character: Unicode.Scalar
                switch (upper, lower) {
                case (true, true): character = "\u{2588}"   // █
                case (true, false): character = "\u{2580}"  // ▀
                case (false, true): character = "\u{2584}"  // ▄
                case (false, false): continue
                }
                grid[rect.x + x, rect.y + y] = Cell(character, foreground: clipped ? clipColour : waveColour)
            }
        }
    }
}
