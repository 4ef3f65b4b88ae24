/// The waveform of a file as min/max peaks per channel at every zoom: level 0 holds one bin per
/// `baseBinFrames` sample frames, and each level above halves the bins (as BBC's audiowaveform),
/// so any zoom is drawn from the nearest level without reading the file again.
///
/// Built in one streaming pass (`append`, then `finish`); memory is about 16 bytes per channel per
/// 256 frames (5.4 MB per channel-hour at 48 kHz, twice that with the levels above), counted in
/// `AudioMemory`. Not thread-safe: `AudioAnalysis` guards it with its lock.
public final class PeakPyramid {
    /// Sample frames per bin of level 0.
    public static let baseBinFrames = 256
    /// Channels kept apart; the waveform of a file with more shows its first `maxChannels`.
    public static let maxChannels = 8
    /// The most frames a header's claim reserves room for.
    static let largestReservation = 1 << 24

    public let channels: Int
    private var levels: [PeakLevel] = []
    /// The level-0 bin being filled: min and max per channel, and how many frames it has.
    /// Min, max per channel of the bin being filled (a buffer reused for every bin).
    private let pending: AudioBuffer<Float>
    private var pendingFrames = 0
    /// Sample frames appended so far.
    public private(set) var frames = 0
    /// Samples that were NaN, infinite or beyond ±`SampleGuard.analysisLimit`: kept as full
    /// scale (a NaN as both ends), so the waveform draws them clipped, and counted here.
    public private(set) var brokenSamples = 0
    public private(set) var isFinished = false

    /// A pyramid for `channels` channels (at most `maxChannels` are kept); `expectedFrames`, the
    /// header's claim, sizes the first allocation (a wrong claim costs a reallocation, nothing more).
    public init(channels: Int, expectedFrames: Int = 0) {
        self.channels = min(max(1, channels), Self.maxChannels)
        pending = AudioBuffer(capacity: 2 * self.channels, repeating: 0)
        Self.clear(pending, channels: self.channels)
        // A header can claim anything (SF_COUNT_MAX for a stream of unknown length): beyond
        // about six minutes at 48 kHz the levels grow as the stream proves its length.
        let expectedBins = min(max(0, expectedFrames), Self.largestReservation) / Self.baseBinFrames + 1
        levels = [PeakLevel(channels: self.channels, capacity: expectedBins)]
    }

    /// Bytes its buffers hold.
    public var byteCount: Int { levels.reduce(pending.byteCount) { $0 + $1.byteCount } }

    /// Level count (level `k` has one bin per `baseBinFrames << k` frames).
    public var levelCount: Int { levels.count }

    /// Adds `frameCount` interleaved frames of `sourceChannels` channels.
    public func append(_ samples: UnsafePointer<Float>, frameCount: Int, sourceChannels: Int) {
        precondition(!isFinished)
        var frame = 0
        while frame < frameCount {
            let take = min(Self.baseBinFrames - pendingFrames, frameCount - frame)
            if sourceChannels == channels, 8 % channels == 0 {
                accumulateVectorised(samples + frame * sourceChannels, count: take * sourceChannels)
            } else {
                accumulate(samples + frame * sourceChannels, frameCount: take, sourceChannels: sourceChannels)
            }
            frame += take
            pendingFrames += take
            frames += take
            if pendingFrames == Self.baseBinFrames { pushPending() }
        }
    }

    /// Min/max of interleaved samples whose channel count divides 8: eight lanes at a time, lane
    /// `i` always holding channel `i % channels`, folded into the pending bin at the end.
    private func accumulateVectorised(_ samples: UnsafePointer<Float>, count: Int) {
        var low = SIMD8<Float>(repeating: .infinity), high = SIMD8<Float>(repeating: -.infinity)
        let limit = SIMD8<Float>(repeating: SampleGuard.analysisLimit)
        let raw = UnsafeRawPointer(samples)
        var index = 0
        while index + 8 <= count {
            var forLow = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            var forHigh = forLow
            // NaN fails both comparisons, so one test finds every broken lane.
            let plausible = (forLow .>= -limit) .& (forLow .<= limit)
            if any(.!plausible) {
                brokenSamples += (0..<8).count { !plausible[$0] }
                for lane in 0..<8 where !plausible[lane] {
                    let value = forLow[lane]
                    forLow[lane] = value.isNaN ? -limit[0] : Swift.min(Swift.max(value, -limit[0]), limit[0])
                    forHigh[lane] = value.isNaN ? limit[0] : forLow[lane]
                }
            }
            // Compare and blend: `pointwiseMin` honours NaN ordering lane by lane and does not vectorise.
            low.replace(with: forLow, where: forLow .< low)
            high.replace(with: forHigh, where: forHigh .> high)
            index += 8
        }
        for lane in 0..<8 {
            let channel = lane % channels
            pending[2 * channel] = min(pending[2 * channel], low[lane])
            pending[2 * channel + 1] = max(pending[2 * channel + 1], high[lane])
        }
        while index < count {
            take(samples[index], channel: index % channels)
            index += 1
        }
    }

    /// Min/max channel by channel, for channel counts the vector path does not take.
    private func accumulate(_ samples: UnsafePointer<Float>, frameCount: Int, sourceChannels: Int) {
        for channel in 0..<channels {
            var index = channel
            for _ in 0..<frameCount {
                take(samples[index], channel: channel)
                index += sourceChannels
            }
        }
    }

    /// One sample into the pending bin of `channel`, a broken one as full scale.
    @inline(__always)
    private func take(_ value: Float, channel: Int) {
        var low = value, high = value
        if !SampleGuard.isPlausible(value) {
            brokenSamples += 1
            let limit = SampleGuard.analysisLimit
            low = value.isNaN ? -limit : Swift.min(Swift.max(value, -limit), limit)
            high = value.isNaN ? limit : low
        }
        pending[2 * channel] = min(pending[2 * channel], low)
        pending[2 * channel + 1] = max(pending[2 * channel + 1], high)
    }

    /// Ends the stream: the last partial bin becomes a bin, and each level gets the bins its odd
    /// tail below still owes it, so every level covers the whole file and the top level has one bin.
    public func finish() {
        guard !isFinished else { return }
        if pendingFrames > 0 { pushPending() }
        var level = 0
        while levels[level].count > 1 {
            if level + 1 == levels.count { addLevel(above: level) }
            while levels[level + 1].count < (levels[level].count + 1) / 2 {
                let first = 2 * levels[level + 1].count
                merge(level: level, bins: first..<min(first + 2, levels[level].count))
            }
            level += 1
        }
        isFinished = true
    }

    /// Min and max of `channel` over each of `columns` equal slices of `range` (sample frames),
    /// from the coarsest level whose bins are no wider than a slice; nil where nothing is known yet.
    public func peaks(channel: Int, frames range: Range<Int>, columns: Int) -> [PeakValue?] {
        guard columns > 0, !range.isEmpty, channel >= 0, channel < channels, !levels.isEmpty else {
            return Array(repeating: nil, count: max(0, columns))
        }
        let perColumn = Double(range.count) / Double(columns)
        var level = 0
        while level + 1 < levels.count, Double(Self.baseBinFrames << (level + 1)) <= perColumn { level += 1 }
        let bins = levels[level]
        let binFrames = Self.baseBinFrames << level
        return (0..<columns).map { column in
            let start = range.lowerBound + column * range.count / columns
            let end = max(start + 1, range.lowerBound + (column + 1) * range.count / columns)
            let first = start / binFrames
            let last = min((end - 1) / binFrames, bins.count - 1)
            guard first <= last else { return nil }
            var value = bins.value(bin: first, channel: channel)
            for bin in (first + 1)..<(last + 1) { value.merge(bins.value(bin: bin, channel: channel)) }
            return value
        }
    }

    /// Bin `bin` of `level`, as stored (for tests and drawing at a known level).
    public func bin(_ bin: Int, level: Int, channel: Int) -> PeakValue? {
        guard level < levels.count, bin < levels[level].count, channel < channels else { return nil }
        return levels[level].value(bin: bin, channel: channel)
    }

    /// Bins stored at `level`.
    public func binCount(level: Int) -> Int { level < levels.count ? levels[level].count : 0 }

    private func pushPending() {
        levels[0].append(pending.pointer)
        Self.clear(pending, channels: channels)
        pendingFrames = 0
        var level = 0
        while levels[level].count % 2 == 0 {
            if level + 1 == levels.count { addLevel(above: level) }
            let last = levels[level].count
            merge(level: level, bins: (last - 2)..<last)
            level += 1
        }
    }

    private func addLevel(above level: Int) {
        levels.append(PeakLevel(channels: channels, capacity: max(16, levels[level].capacity / 2 + 1)))
    }

    /// Appends to `level + 1` one bin: the merge of `bins` of `level`.
    private func merge(level: Int, bins: Range<Int>) {
        levels[level + 1].appendMerge(of: levels[level], bins: bins)
    }

    private static func clear(_ bin: AudioBuffer<Float>, channels: Int) {
        for channel in 0..<channels {
            bin[2 * channel] = .infinity
            bin[2 * channel + 1] = -.infinity
        }
    }
}

/// The lowest and highest sample in a span of one channel.
public struct PeakValue: Equatable, Sendable {
    public var min: Float
    public var max: Float

    public init(min: Float, max: Float) {
        self.min = min
        self.max = max
    }

    mutating func merge(_ other: PeakValue) {
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
    }
}

/// One level of a `PeakPyramid`: bins of min/max per channel, interleaved, growing by half again
/// when full. Not thread-safe.
struct PeakLevel {
    let channels: Int
    private(set) var count = 0
    private var storage: AudioBuffer<Float>

    init(channels: Int, capacity: Int) {
        self.channels = channels
        storage = AudioBuffer(capacity: max(1, capacity) * 2 * channels, repeating: 0)
    }

    var capacity: Int { storage.capacity / (2 * channels) }
    var byteCount: Int { storage.byteCount }

    func value(bin: Int, channel: Int) -> PeakValue {
        let index = (bin * channels + channel) * 2
        return PeakValue(min: storage[index], max: storage[index + 1])
    }

    /// Appends one bin (`2 × channels` floats: min, max per channel).
    mutating func append(_ bin: UnsafePointer<Float>) {
        reserveOne()
        (storage.pointer + count * 2 * channels).update(from: bin, count: 2 * channels)
        count += 1
    }

    /// Appends the merge of `bins` of `source` (the level below).
    mutating func appendMerge(of source: PeakLevel, bins: Range<Int>) {
        reserveOne()
        let target = storage.pointer + count * 2 * channels
        let width = 2 * channels
        target.update(from: source.storage.pointer + bins.lowerBound * width, count: width)
        for bin in bins.dropFirst() {
            let other = source.storage.pointer + bin * width
            for channel in 0..<channels {
                target[2 * channel] = min(target[2 * channel], other[2 * channel])
                target[2 * channel + 1] = max(target[2 * channel + 1], other[2 * channel + 1])
            }
        }
        count += 1
    }

    private mutating func reserveOne() {
        guard count == capacity else { return }
        let grown = AudioBuffer<Float>(capacity: (capacity + capacity / 2 + 16) * 2 * channels, repeating: 0)
        grown.pointer.update(from: storage.pointer, count: count * 2 * channels)
        storage = grown
    }
}
