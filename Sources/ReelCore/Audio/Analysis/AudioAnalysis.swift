import Foundation

/// One audio file's analysis: a streaming pass on a background thread builds the waveform's peak
/// pyramid and the spectrogram of the view, then each change of view or settings runs a new
/// spectrogram pass over the range shown. Never holds the file's samples, only one block at a time.
///
/// Thread-safe: the worker thread writes and readers read under one lock. `close()` stops the
/// worker and frees every buffer (peaks, spectrogram, FFT work arrays and plan, filter bank,
/// colour table), after which `AudioMemory` no longer counts any of them.
public final class AudioAnalysis: @unchecked Sendable {
    /// Floats read per block (a block is `blockSamples / channels` sample frames).
    static let blockSamples = 1 << 16
    /// More sample frames than any real file has (a year at 192 kHz): a header claiming more is not believed.
    static let plausibleFrames = 1 << 43

    /// What the spectrogram is computed for: its size in cells and the sample frames it covers.
    public struct View: Equatable, Sendable {
        public var columns: Int
        public var rows: Int
        /// nil: the whole file.
        public var frames: Range<Int>?

        public init(columns: Int, rows: Int, frames: Range<Int>? = nil) {
            self.columns = max(1, min(columns, 4096))
            self.rows = max(1, min(rows, 1024))
            self.frames = frames
        }
    }

    /// How far the analysis is.
    public struct Progress: Equatable, Sendable {
        /// Sample frames read by the peaks pass.
        public var framesRead = 0
        /// The header's frame count (it can be wrong; the pass reads until the stream ends).
        public var expectedFrames = 0
        public var peaksDone = false
        public var spectrogramDone = false

        /// 0...1 over the whole analysis.
        public var fraction: Double {
            if peaksDone { return spectrogramDone ? 1 : 0.99 }
            return min(0.99, Double(framesRead) / Double(max(1, expectedFrames)))
        }

        public var isDone: Bool { peaksDone && spectrogramDone }
    }

    private struct State {
        /// nil once closed.
        var pyramid: PeakPyramid?
        var image: SpectrogramImage?
        var colors: ColorTable?
        /// The filter bank of the last pass, kept while size, scale and rows stay.
        var bank: FilterBank?
        var settings: SpectrogramSettings
        var view: View
        /// Bumped by every request for a new spectrogram pass.
        var request = 0
        var imageRequest = -1
        var progress: Progress
        /// Frames the stream really had, once the peaks pass has ended.
        var totalFrames: Int?
        var closed = false
        var workerDone = false
    }

    public let path: String
    public let info: AudioInfo
    private let condition = NSCondition()
    private var state: State
    /// Used by the worker thread only once it has started (which may open it again).
    private var file: any SampleReader

    /// Opens `path` (throwing the reason it cannot be read) and starts analysing it.
    public init(path: String, settings: SpectrogramSettings = SpectrogramSettings(), view: View) throws(MediaError) {
        let file = try SampleReaders.open(path)
        self.file = file
        self.path = path
        info = file.info
        state = State(pyramid: PeakPyramid(channels: file.info.channels, expectedFrames: file.info.frames),
                      colors: settings.colorMap.table(), settings: settings, view: view,
                      progress: Progress(expectedFrames: file.info.frames))
        let thread = Thread { [self] in work() }
        thread.name = "reel-audio-analysis"
        thread.start()
    }

    deinit {
        close()
    }

    // MARK: Reading

    public var progress: Progress { locked { $0.progress } }

    /// Sample frames the file has: the stream's real length once read, else the header's claim.
    public var frameCount: Int { locked { $0.totalFrames ?? info.frames } }

    public var settings: SpectrogramSettings { locked { $0.settings } }

    /// Samples read so far that were NaN, infinite or absurdly large (see `PeakPyramid.brokenSamples`).
    public var brokenSamples: Int { locked { $0.pyramid?.brokenSamples ?? 0 } }

    /// Waveform peaks of `channel` over `frames` in `columns` slices (see `PeakPyramid.peaks`).
    public func peaks(channel: Int, frames: Range<Int>, columns: Int) -> [PeakValue?] {
        locked { $0.pyramid?.peaks(channel: channel, frames: frames, columns: columns) }
            ?? Array(repeating: nil, count: max(0, columns))
    }

    /// Runs `body` with the current spectrogram (nil while a pass runs), the settings to draw it
    /// with, and the colour table, under the lock.
    public func withSpectrogram<Result>(
        _ body: (SpectrogramImage?, SpectrogramSettings, ColorTable?) throws -> Result
    ) rethrows -> Result {
        condition.lock()
        defer { condition.unlock() }
        return try body(state.image, state.settings, state.colors)
    }

    /// Bytes of every buffer this analysis holds (its share of `AudioMemory`).
    public var byteCount: Int {
        locked {
            ($0.pyramid?.byteCount ?? 0) + ($0.image?.byteCount ?? 0) + ($0.colors?.byteCount ?? 0)
                + ($0.bank?.byteCount ?? 0)
        }
    }

    // MARK: Changing

    /// New settings: a new spectrogram pass when the FFT size, window, scale, hop or channels
    /// change (the old spectrogram is freed at once), else only new colours, range or gain.
    public func setSettings(_ settings: SpectrogramSettings) {
        locked { state in
            let newPass = settings.needsNewPass(comparedTo: state.settings)
            if settings.colorMap != state.settings.colorMap {
                state.colors = nil
                state.colors = settings.colorMap.table()
            }
            state.settings = settings
            if newPass { Self.requestPass(&state) }
        }
        condition.signal()
    }

    /// A new size or range to show: a new spectrogram pass for it, computed from the file.
    public func setView(_ view: View) {
        locked { state in
            guard view != state.view else { return }
            state.view = view
            Self.requestPass(&state)
        }
        condition.signal()
    }

    /// Waits until the analysis is done (or closed, or `timeout` seconds pass); true when done.
    @discardableResult
    public func waitUntilDone(timeout: Double = 600) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !state.progress.isDone && !state.closed {
            if !condition.wait(until: deadline) { break }
        }
        return state.progress.isDone
    }

    /// Stops the worker, waits for it, and frees every buffer.
    public func close() {
        condition.lock()
        state.closed = true
        condition.broadcast()
        while !state.workerDone { condition.wait() }
        state.image = nil
        state.colors = nil
        state.bank = nil
        state.pyramid = nil
        file = ClosedSamples(replacing: file)
        condition.unlock()
        ProcessMemory.trim()
    }

    private static func requestPass(_ state: inout State) {
        state.request += 1
        state.image = nil
        state.progress.spectrogramDone = false
    }

    private func locked<Result>(_ body: (inout State) -> Result) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return body(&state)
    }

    // MARK: The worker thread

    private func work() {
        let blockFrames = max(1, Self.blockSamples / info.channels)
        peaksPass(blockFrames: blockFrames)
        while let (request, job) = nextSpectrogramPass() {
            spectrogramPass(job, request: request, blockFrames: blockFrames)
        }
        locked { $0.workerDone = true }
        condition.broadcast()
    }

    /// The buffer a pass reads into; each pass has its own, so an idle analysis holds none.
    private func makeBlock(frames: Int) -> AudioBuffer<Float> {
        AudioBuffer(capacity: frames * info.channels, repeating: 0)
    }

    /// Reads the whole file once: every block into the pyramid, and into the spectrogram too
    /// while the view asked for is the whole file and no new request has come. The pass's block
    /// and engine are freed before it says it is done, so a waiter sees the memory settled.
    private func peaksPass(blockFrames: Int) {
        let (request, image) = readWholeFile(blockFrames: blockFrames)
        locked { state in
            state.pyramid?.finish()
            state.totalFrames = state.progress.framesRead
            state.progress.peaksDone = true
            // A header that claimed another length gave the spectrogram the wrong range: do it again.
            if let image, state.request == request, state.progress.framesRead == info.frames {
                Self.publish(image, request: request, &state)
            }
        }
        condition.broadcast()
    }

    /// The reading of `peaksPass`; returns the request it served and the spectrogram, if it made one.
    private func readWholeFile(blockFrames: Int) -> (Int, SpectrogramImage?) {
        let block = makeBlock(frames: blockFrames)
        var (request, engine) = locked { state -> (Int, SpectrogramEngine?) in
            // libsndfile says SF_COUNT_MAX for a stream of unknown length: then the pass finds out.
            guard state.view.frames == nil, info.frames > 0, info.frames < Self.plausibleFrames else {
                return (state.request, nil)
            }
            return (state.request, makeEngine(&state, frames: 0..<info.frames, blockFrames: blockFrames))
        }
        while true {
            let count = file.read(into: block.pointer, frames: blockFrames)
            let stop = locked { state -> Bool in
                if count > 0 {
                    state.pyramid?.append(block.pointer, frameCount: count, sourceChannels: info.channels)
                    state.progress.framesRead += count
                }
                if state.request != request { engine = nil }
                return state.closed
            }
            if stop || count == 0 { break }
            engine?.feed(block.pointer, frameCount: count)
        }
        engine?.finish()
        engine?.release()
        return (request, engine?.image)
    }

    /// What a spectrogram pass computes; the engine is built from it on the worker, so it lives
    /// only as long as the pass.
    private struct Job {
        var settings: SpectrogramSettings
        var frames: Range<Int>
        var columns: Int
        var rows: Int
        var bank: FilterBank
    }

    /// Waits for a request the current image does not answer; nil once closed. The job is nil
    /// when there is nothing to read (an empty file).
    private func nextSpectrogramPass() -> (Int, Job?)? {
        condition.lock()
        defer { condition.unlock() }
        while !state.closed && state.imageRequest == state.request { condition.wait() }
        if state.closed { return nil }
        let total = state.totalFrames ?? 0
        let wanted = state.view.frames.map { $0.clamped(to: 0..<total) } ?? 0..<total
        guard !wanted.isEmpty else { return (state.request, nil) }
        let bank = filterBank(&state)
        return (state.request, Job(settings: state.settings, frames: wanted, columns: state.view.columns,
                                   rows: state.view.rows, bank: bank))
    }

    /// Runs `job`'s pass and publishes its image, unless a newer request or close comes first;
    /// the pass's buffers are freed before.
    private func spectrogramPass(_ job: Job?, request: Int, blockFrames: Int) {
        var image: SpectrogramImage?
        if let job {
            guard let made = read(job, request: request, blockFrames: blockFrames) else { return }
            image = made
        }
        locked { state in Self.publish(image, request: request, &state) }
        condition.broadcast()
    }

    /// Reads `job`'s range through a new engine; its image, nil inside when the range cannot be
    /// reached (published as no image), or nil when superseded (nothing to publish).
    private func read(_ job: Job, request: Int, blockFrames: Int) -> SpectrogramImage?? {
        let engine = SpectrogramEngine(settings: job.settings, sampleRate: info.sampleRate, sourceChannels: info.channels,
                                       frames: job.frames, columns: job.columns, rows: job.rows, bank: job.bank,
                                       blockFrames: blockFrames)
        defer { engine.release() }
        let block = makeBlock(frames: blockFrames)
        var position = engine.readRange.lowerBound
        guard moveTo(frame: position, block: block, blockFrames: blockFrames) else { return .some(nil) }
        while position < engine.readRange.upperBound {
            let count = file.read(into: block.pointer, frames: min(blockFrames, engine.readRange.upperBound - position))
            if count == 0 { break }
            if locked({ $0.closed || $0.request != request }) { return nil }
            engine.feed(block.pointer, frameCount: count)
            position += count
        }
        engine.finish()
        return .some(engine.image)
    }

    /// Puts the read position at `frame`: a seek, or, for a stream libsndfile cannot seek in (a
    /// FLAC stream of unknown length), opening the file again and reading up to it.
    private func moveTo(frame: Int, block: AudioBuffer<Float>, blockFrames: Int) -> Bool {
        if file.seek(toFrame: frame) { return true }
        guard let reopened = try? SampleReaders.open(path), reopened.info.channels == info.channels else { return false }
        file = reopened
        var position = 0
        while position < frame {
            let count = file.read(into: block.pointer, frames: min(blockFrames, frame - position))
            if count == 0 { return false }
            position += count
        }
        return true
    }

    private static func publish(_ image: SpectrogramImage?, request: Int, _ state: inout State) {
        guard state.request == request else { return }
        state.image = image
        state.imageRequest = request
        state.progress.spectrogramDone = true
    }

    /// An engine for the current settings and view over `frames`.
    private func makeEngine(_ state: inout State, frames: Range<Int>, blockFrames: Int) -> SpectrogramEngine {
        SpectrogramEngine(settings: state.settings, sampleRate: info.sampleRate, sourceChannels: info.channels,
                          frames: frames, columns: state.view.columns, rows: state.view.rows, bank: filterBank(&state),
                          blockFrames: blockFrames)
    }

    /// The kept filter bank when it still fits the settings and view, else a new one (and the
    /// old one is freed).
    private func filterBank(_ state: inout State) -> FilterBank {
        let settings = state.settings, rows = state.view.rows
        if let bank = state.bank, bank.fits(fftSize: settings.fftSize, sampleRate: info.sampleRate, scale: settings.scale, rows: rows) {
            return bank
        }
        state.bank = nil
        let bank = FilterBank(fftSize: settings.fftSize, sampleRate: info.sampleRate, scale: settings.scale, rows: rows)
        state.bank = bank
        return bank
    }
}
