/// The measurements behind `reel bench spectrogram` and `reel bench waveform`: one streaming pass
/// over a whole file with the same parts the analysis uses, timing decoding apart from the work.
///
/// Runs on the caller's thread; times are that thread's CPU seconds.
public enum AnalysisBench {
    public struct Result: Equatable, Sendable {
        /// Sample frames decoded.
        public var frames = 0
        public var channels = 0
        /// STFT frames computed (spectrogram) or 0 (waveform).
        public var stftFrames = 0
        /// Bytes of float samples fed to the peak pyramid (waveform) or 0.
        public var sampleBytes = 0
        public var decodeSeconds = 0.0
        public var workSeconds = 0.0
        /// A value that depends on every output, so none of the work can be skipped.
        public var checksum = 0.0
    }

    static let blockFrames = 1 << 16

    /// STFT of every channel at `fftSize` and `hop` with no padding ((frames - size) / hop + 1 per
    /// channel, as the C baseline and scipy's `padded=False`), Hann window, each bin in dBFS.
    public static func spectrogram(path: String, fftSize: Int = 2048, hop: Int = 512) throws(MediaError) -> Result {
        let file = try SampleReaders.open(path)
        let channels = file.info.channels
        var result = Result(channels: channels)
        let block = AudioBuffer<Float>(capacity: blockFrames * channels, repeating: 0)
        let slicer = FrameSlicer(size: fftSize, hop: hop, channels: .separate(channels), firstStart: 0, streamStart: 0,
                                 blockFrames: blockFrames)
        let spectrum = PowerSpectrum(size: fftSize, window: .hann)
        defer { spectrum.release() }
        let decibels = AudioBuffer<Float>(capacity: spectrum.bins, repeating: 0)
        var checksum: Float = 0
        var stftFrames = 0
        readTimed(file, into: block, result: &result) { count in
            slicer.feed(block.pointer, frameCount: count) { _, _, samples in
                spectrum.compute(samples)
                Decibels.convert(spectrum.power.pointer, scale: spectrum.fullScale, into: decibels.pointer, count: spectrum.bins)
                checksum += decibels[spectrum.bins / 2]
                stftFrames += 1
            }
        }
        result.stftFrames = stftFrames
        result.checksum = Double(checksum)
        return result
    }

    /// The peak pyramid of the whole file.
    public static func waveform(path: String) throws(MediaError) -> Result {
        let file = try SampleReaders.open(path)
        let channels = file.info.channels
        var result = Result(channels: channels)
        let block = AudioBuffer<Float>(capacity: blockFrames * channels, repeating: 0)
        let pyramid = PeakPyramid(channels: channels, expectedFrames: file.info.frames)
        readTimed(file, into: block, result: &result) { count in
            pyramid.append(block.pointer, frameCount: count, sourceChannels: channels)
        }
        let finishStart = MonotonicClock.threadCPU()
        pyramid.finish()
        result.workSeconds += MonotonicClock.threadCPU() - finishStart
        result.sampleBytes = result.frames * channels * MemoryLayout<Float>.size
        let top = pyramid.bin(0, level: pyramid.levelCount - 1, channel: 0)
        result.checksum = Double((top?.max ?? 0) - (top?.min ?? 0))
        return result
    }

    /// Reads `file` to its end a block at a time, calling `work` with each block's frame count,
    /// and adds the CPU seconds of reading and of working to `result` apart.
    private static func readTimed(_ file: any SampleReader, into block: AudioBuffer<Float>, result: inout Result, work: (Int) -> Void) {
        while true {
            let decodeStart = MonotonicClock.threadCPU()
            let count = file.read(into: block.pointer, frames: blockFrames)
            let workStart = MonotonicClock.threadCPU()
            result.decodeSeconds += workStart - decodeStart
            if count == 0 { return }
            result.frames += count
            work(count)
            result.workSeconds += MonotonicClock.threadCPU() - workStart
        }
    }
}
