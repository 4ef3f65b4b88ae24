/// Which FFT bins make up each spectrogram row, for one FFT size, sample rate, scale and row
/// count: a row is the strongest bin whose centre falls in its band, or, for a band narrower than
/// a bin (low rows of the log scale), the bin its centre lies in.
///
/// Built once per (size, rate, scale, rows): `AudioAnalysis` keeps the one its passes use and
/// builds another only when one of those changes, freeing the old one. Its two index tables are
/// counted in `AudioMemory`. Immutable after init.
final class FilterBank: Sendable {
    let rows: Int
    let fftSize: Int
    let sampleRate: Int
    let scale: FrequencyScale
    /// First bin of each row.
    private let lower: AudioBuffer<Int32>
    /// One past the last bin of each row.
    private let upper: AudioBuffer<Int32>

    init(fftSize: Int, sampleRate: Int, scale: FrequencyScale, rows: Int) {
        self.rows = rows
        self.fftSize = fftSize
        self.sampleRate = sampleRate
        self.scale = scale
        lower = AudioBuffer(capacity: rows, repeating: 0)
        upper = AudioBuffer(capacity: rows, repeating: 1)
        let binHertz = Double(sampleRate) / Double(fftSize)
        let lastBin = fftSize / 2
        let edges = scale.rowEdges(rows: rows, sampleRate: sampleRate)
        for row in 0..<rows {
            // Bin k covers (k - ½, k + ½) bin widths; a band takes the bins whose centres it holds.
            var first = Int((edges[row] / binHertz).rounded(.up))
            var end = Int((edges[row + 1] / binHertz).rounded(.up))
            if row == rows - 1 { end = lastBin + 1 }
            if end <= first {
                first = Int(((edges[row] + edges[row + 1]) / 2 / binHertz).rounded())
                end = first + 1
            }
            first = min(max(first, 0), lastBin)
            end = min(max(end, first + 1), lastBin + 1)
            lower[row] = Int32(first)
            upper[row] = Int32(end)
        }
    }

    /// Whether this bank serves that size, rate, scale and row count.
    func fits(fftSize: Int, sampleRate: Int, scale: FrequencyScale, rows: Int) -> Bool {
        self.fftSize == fftSize && self.sampleRate == sampleRate && self.scale == scale && self.rows == rows
    }

    var byteCount: Int { lower.byteCount + upper.byteCount }

    /// The bins of `row`.
    func bins(ofRow row: Int) -> Range<Int> { Int(lower[row])..<Int(upper[row]) }

    /// Writes into `rowsOut` each row's strongest power from `power` (`fftSize / 2 + 1` bins),
    /// keeping whichever is larger, the old value or the new (several frames fall in one column).
    func accumulateMax(power: UnsafePointer<Float>, into rowsOut: UnsafeMutablePointer<Float>) {
        for row in 0..<rows {
            var strongest = rowsOut[row]
            for bin in Int(lower[row])..<Int(upper[row]) { strongest = max(strongest, power[bin]) }
            rowsOut[row] = strongest
        }
    }
}
