/// A spectrogram at the resolution it is drawn at: `columns × rows` cells per analysed channel,
/// each the strongest power (in dBFS) of the STFT frames centred in its column and the bins of
/// its row, over the sample frames `frames`. Row 0 is the lowest frequency.
///
/// Not thread-safe: written by one analysis pass, read under `AudioAnalysis`'s lock. Its cells
/// are counted in `AudioMemory`.
public final class SpectrogramImage {
    public let columns: Int
    public let rows: Int
    public let channels: Int
    public let frames: Range<Int>
    public let sampleRate: Int
    public let settings: SpectrogramSettings
    /// Columns whose every frame has been analysed (they complete left to right).
    public internal(set) var completedColumns = 0
    private let cells: AudioBuffer<Float>

    init(columns: Int, rows: Int, channels: Int, frames: Range<Int>, sampleRate: Int, settings: SpectrogramSettings) {
        self.columns = columns
        self.rows = rows
        self.channels = channels
        self.frames = frames
        self.sampleRate = sampleRate
        self.settings = settings
        cells = AudioBuffer(capacity: columns * rows * channels, repeating: -.infinity)
    }

    public var byteCount: Int { cells.byteCount }

    /// The cell's level in dBFS (-infinity before its column is complete, or for silence).
    public func decibels(column: Int, row: Int, channel: Int = 0) -> Float {
        cells[index(column: column, row: row, channel: channel)]
    }

    /// The cell's level from 0 (at or below `-rangeDB` after gain) to 1 (0 dBFS after gain),
    /// under `settings` (so range and gain change without a new pass).
    public func level(column: Int, row: Int, channel: Int = 0, settings: SpectrogramSettings? = nil) -> Float {
        let settings = settings ?? self.settings
        let value = (decibels(column: column, row: row, channel: channel) + settings.gainDB + settings.rangeDB) / settings.rangeDB
        return value.isNaN ? 0 : min(max(value, 0), 1)
    }

    /// The row whose band holds `hertz` (nil outside 0...Nyquist, or below the log scale's floor).
    public func row(forHertz hertz: Double) -> Int? {
        let edges = settings.scale.rowEdges(rows: rows, sampleRate: sampleRate)
        guard hertz >= edges[0], hertz <= edges[rows] else { return nil }
        return min(rows - 1, (edges.firstIndex { $0 > hertz } ?? rows) - 1)
    }

    /// The centre frequency of `row` in hertz (for labels).
    public func hertz(ofRow row: Int) -> Double {
        let scale = settings.scale
        let edges = scale.rowEdges(rows: rows, sampleRate: sampleRate)
        return scale.unwarp((scale.warp(edges[row]) + scale.warp(edges[row + 1])) / 2)
    }

    func index(column: Int, row: Int, channel: Int) -> Int {
        (channel * columns + column) * rows + row
    }

    /// The `rows` cells of one column of one channel, for an analysis pass to write.
    func columnPointer(_ column: Int, channel: Int) -> UnsafeMutablePointer<Float> {
        cells.pointer + index(column: column, row: 0, channel: channel)
    }
}
