/// One pass of STFT over a range of sample frames, into a `SpectrogramImage` of the size it will
/// be drawn at: blocks of samples go in (`feed`), frames are cut (`FrameSlicer`), windowed and
/// transformed (`PowerSpectrum`), reduced to rows (`FilterBank`), and each column turned into
/// dBFS once its last frame is in.
///
/// Not thread-safe: one analysis thread drives it. `release()` (or deinit) gives back its FFT
/// plan; everything else it holds is counted in `AudioMemory` and freed with it.
final class SpectrogramEngine {
    let image: SpectrogramImage
    /// Sample frames to read: from half a frame before the range to half a frame after it.
    let readRange: Range<Int>
    private let slicer: FrameSlicer
    private let spectrum: PowerSpectrum
    private let bank: FilterBank
    private let scratch: AudioBuffer<Float>
    /// The column frames are being gathered into.
    private var column = 0
    private var columnHasFrame = false

    /// `bank` must fit the settings' FFT size and scale, the rate and `rows` (see `FilterBank.fits`).
    init(settings: SpectrogramSettings, sampleRate: Int, sourceChannels: Int, frames range: Range<Int>,
         columns: Int, rows: Int, bank: FilterBank, blockFrames: Int) {
        precondition(bank.fits(fftSize: settings.fftSize, sampleRate: sampleRate, scale: settings.scale, rows: rows))
        let size = settings.fftSize
        let mode: FrameSlicer.Channels = settings.channels == .separate && sourceChannels <= PeakPyramid.maxChannels
            ? .separate(sourceChannels) : .mix(sourceChannels)
        let hop = settings.hopFrames(columns: columns, frames: range.count)
        image = SpectrogramImage(columns: columns, rows: rows, channels: mode.analysed, frames: range,
                                 sampleRate: sampleRate, settings: settings)
        // Frames are centred on the range's first sample, or on each column's middle when one
        // frame stands for a column.
        let firstCentre = settings.hop == .columnWidth ? range.lowerBound + hop / 2 : range.lowerBound
        let readStart = max(0, firstCentre - size / 2)
        readRange = readStart..<(range.upperBound + size / 2)
        slicer = FrameSlicer(size: size, hop: hop, channels: mode, firstStart: firstCentre - size / 2,
                             streamStart: readStart, blockFrames: blockFrames)
        spectrum = PowerSpectrum(size: size, window: settings.window)
        self.bank = bank
        scratch = AudioBuffer(capacity: rows, repeating: 0)
    }

    deinit { release() }

    func release() { spectrum.release() }

    /// Bytes of what it holds for itself: the image, the slicer's samples, the FFT arrays.
    var byteCount: Int {
        image.byteCount + slicer.byteCount + spectrum.byteCount + scratch.byteCount
    }

    /// Adds `frameCount` interleaved frames that follow the ones fed before (the first ones are
    /// sample frame `readRange.lowerBound`).
    func feed(_ samples: UnsafePointer<Float>, frameCount: Int) {
        slicer.feed(samples, frameCount: frameCount) { start, channel, frame in analyse(start: start, channel: channel, frame) }
    }

    /// The stream ended (at the range's end or the file's): the last frames are padded with
    /// zeros and every column is completed.
    func finish() {
        let size = spectrum.size
        slicer.finish(end: image.frames.upperBound - size / 2) { start, channel, frame in
            analyse(start: start, channel: channel, frame)
        }
        completeColumns(through: image.columns - 1)
    }

    private func analyse(start: Int, channel: Int, _ frame: UnsafePointer<Float>) {
        let range = image.frames
        let centre = start + spectrum.size / 2
        guard centre >= range.lowerBound, centre < range.upperBound else { return }
        let target = (centre - range.lowerBound) * image.columns / range.count
        if target > column { completeColumns(through: target - 1) }
        spectrum.compute(frame)
        bank.accumulateMax(power: spectrum.power.pointer, into: image.columnPointer(column, channel: channel))
        columnHasFrame = true
    }

    /// Turns columns up to `last` into decibels; a column no frame fell in (zoomed in further
    /// than the hop) repeats the one before it.
    private func completeColumns(through last: Int) {
        guard column <= last else { return }
        for channel in 0..<image.channels {
            for target in column...last {
                let cells = image.columnPointer(target, channel: channel)
                if target == column && columnHasFrame {
                    // Cells start at -inf ("nothing yet"); the filter bank's max took the powers over.
                    Decibels.convert(cells, scale: spectrum.fullScale, into: cells, count: image.rows)
                } else if target > 0 {
                    cells.update(from: image.columnPointer(target - 1, channel: channel), count: image.rows)
                }
            }
        }
        column = last + 1
        columnHasFrame = false
        image.completedColumns = min(image.columns, column)
    }
}
