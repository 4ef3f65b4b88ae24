import Testing
@testable import ReelCore

extension AudioTests {
    @Suite struct PeakPyramidTests {
        /// A signal whose every sample is known: a sawtooth per channel with spikes at known places.
        static func signal(frames: Int, channels: Int) -> [Float] {
            var samples = [Float](repeating: 0, count: frames * channels)
            for frame in 0..<frames {
                for channel in 0..<channels {
                    var value = Float((frame * (channel + 3)) % 997) / 997 - 0.5
                    if frame % 5003 == channel { value = 0.9 + Float(channel) / 100 }
                    if frame % 7919 == 1 { value = -0.95 }
                    samples[frame * channels + channel] = value
                }
            }
            return samples
        }

        static func expected(_ samples: [Float], channels: Int, channel: Int, frames: Range<Int>) -> PeakValue {
            var value = PeakValue(min: .infinity, max: -.infinity)
            for frame in frames {
                value.min = min(value.min, samples[frame * channels + channel])
                value.max = max(value.max, samples[frame * channels + channel])
            }
            return value
        }

        @Test(arguments: [1, 2, 3, 8, 10])
        func binsAreExactAtEveryLevel(channels: Int) {
            let frames = 256 * 37 + 100
            let samples = Self.signal(frames: frames, channels: channels)
            let pyramid = PeakPyramid(channels: channels, expectedFrames: 1000)
            // Blocks of odd sizes, so bins straddle blocks.
            var offset = 0
            for size in [1, 300, 4000, 77, 1_000_000] where offset < frames {
                let count = min(size, frames - offset)
                samples.withUnsafeBufferPointer {
                    pyramid.append($0.baseAddress! + offset * channels, frameCount: count, sourceChannels: channels)
                }
                offset += count
            }
            pyramid.finish()
            #expect(pyramid.frames == frames)
            let kept = min(channels, PeakPyramid.maxChannels)
            #expect(pyramid.channels == kept)
            for level in 0..<pyramid.levelCount {
                let width = 256 << level
                #expect(pyramid.binCount(level: level) == (frames + width - 1) / width)
                for bin in 0..<pyramid.binCount(level: level) {
                    for channel in 0..<kept {
                        let span = (bin * width)..<min(frames, (bin + 1) * width)
                        #expect(pyramid.bin(bin, level: level, channel: channel)
                                == Self.expected(samples, channels: channels, channel: channel, frames: span))
                    }
                }
            }
            #expect(pyramid.binCount(level: pyramid.levelCount - 1) == 1)
        }

        @Test func anyZoomIsDrawnFromTheLevelsWithoutTheSamples() {
            let frames = 256 * 1024
            let samples = Self.signal(frames: frames, channels: 2)
            let pyramid = PeakPyramid(channels: 2, expectedFrames: frames)
            samples.withUnsafeBufferPointer { pyramid.append($0.baseAddress!, frameCount: frames, sourceChannels: 2) }
            pyramid.finish()
            // Columns aligned to bins: exact. 1024 columns of 256, 16 of 16384, 3 over a sub-range.
            for (range, columns) in [(0..<frames, 1024), (0..<frames, 16), (4096..<(4096 + 3 * 2048), 3)] {
                let peaks = pyramid.peaks(channel: 1, frames: range, columns: columns)
                #expect(peaks.count == columns)
                let width = range.count / columns
                for column in 0..<columns {
                    let span = (range.lowerBound + column * width)..<(range.lowerBound + (column + 1) * width)
                    #expect(peaks[column] == Self.expected(samples, channels: 2, channel: 1, frames: span))
                }
            }
            // Zoomed past the base level: each column is its bin.
            let close = pyramid.peaks(channel: 0, frames: 0..<512, columns: 64)
            #expect(close[0] == Self.expected(samples, channels: 2, channel: 0, frames: 0..<256))
            #expect(close[63] == Self.expected(samples, channels: 2, channel: 0, frames: 256..<512))
        }

        @Test func columnsNotYetReadAreUnknown() {
            let pyramid = PeakPyramid(channels: 1)
            let samples = [Float](repeating: 0.25, count: 1000)
            samples.withUnsafeBufferPointer { pyramid.append($0.baseAddress!, frameCount: 1000, sourceChannels: 1) }
            let peaks = pyramid.peaks(channel: 0, frames: 0..<4096, columns: 16)
            #expect(peaks[0] == PeakValue(min: 0.25, max: 0.25))
            #expect(peaks[15] == nil)
        }

        @Test func memoryIsCountedAndGivenBack() {
            let before = AudioMemory.bytes
            do {
                let pyramid = PeakPyramid(channels: 2, expectedFrames: 48_000 * 60)
                let samples = [Float](repeating: 0.1, count: 2 * 48_000)
                for _ in 0..<70 {  // more than the header claimed: the levels grow
                    samples.withUnsafeBufferPointer { pyramid.append($0.baseAddress!, frameCount: 48_000, sourceChannels: 2) }
                }
                pyramid.finish()
                #expect(AudioMemory.bytes - before == pyramid.byteCount)
                // About 16 bytes per channel per 256 frames, with room to grow.
                #expect(pyramid.byteCount < 3 * 2 * 16 * (70 * 48_000 / 256))
            }
            #expect(AudioMemory.bytes == before)
        }
    }
}
