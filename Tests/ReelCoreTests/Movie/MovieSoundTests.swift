import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    /// A movie's sound through FFmpeg: the same samples as ffmpeg's own decode, seeks to the
    /// sample, and the opener giving it to the analysis and the sound output.
    @Suite struct MovieSoundTests {
        /// ffmpeg's decode of `path`'s first audio stream as interleaved floats.
        static func reference(_ path: String) -> [Float]? {
            guard let data = MovieFixture.ffmpeg(["-i", path, "-map", "0:a:0", "-f", "f32le", "-"]) else { return nil }
            return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }

        static func readAll(_ reader: any SampleReader) -> [Float] {
            var samples: [Float] = []
            var block = [Float](repeating: 0, count: 4096 * reader.info.channels)
            while true {
                let count = block.withUnsafeMutableBufferPointer { reader.read(into: $0.baseAddress!, frames: 4096) }
                if count == 0 { return samples }
                samples += block[0..<(count * reader.info.channels)]
            }
        }

        static func largestDifference(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
            zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
        }

        @Test func theSoundIsFFmpegsOwnDecode() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/clip.mp4"
            try #require(MovieFixture.make(path, frames: 120))
            let expected = try #require(Self.reference(path))
            let reader = try MovieSound(path: path)
            #expect(reader.info.sampleRate == 44100 && reader.info.channels == 1)
            #expect(abs(reader.info.frames - expected.count) <= 1024, "as long as the container says")
            #expect(reader.info.encoding.contains("AAC"))
            let samples = Self.readAll(reader)
            #expect(abs(samples.count - expected.count) <= 1024, "\(samples.count) samples against ffmpeg's \(expected.count)")
            let common = min(samples.count, expected.count)
            #expect(common > 200_000)
            #expect(Self.largestDifference(samples[0..<common], expected[0..<common]) < 1e-6)
        }

        /// Reads 2048 sample frames at each of `targets` after seeking there; the largest difference
        /// from `expected` at each, and the shift (within `shifts`) that makes them closest.
        static func seekAndRead(_ reader: any SampleReader, expected: [Float], targets: [Int],
                                shifts: ClosedRange<Int>) -> [(target: Int, shift: Int, difference: Float)] {
            let channels = reader.info.channels
            return targets.map { target in
                guard reader.seek(toFrame: target) else { return (target, Int.max, .infinity) }
                var block = [Float](repeating: 0, count: 2048 * channels)
                let count = block.withUnsafeMutableBufferPointer { reader.read(into: $0.baseAddress!, frames: 2048) }
                guard count == 2048 else { return (target, Int.max, .infinity) }
                var best = (shift: Int.max, difference: Float.infinity)
                for shift in shifts where target + shift >= 0 && (target + shift + 2048) * channels <= expected.count {
                    let start = (target + shift) * channels
                    let difference = largestDifference(block[...], expected[start..<(start + 2048 * channels)])
                    if difference < best.difference { best = (shift, difference) }
                }
                return (target, best.shift, best.difference)
            }
        }

        @Test func aSeekLandsOnTheSampleAskedFor() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/clip.mp4"
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=310:duration=4", "-f", "lavfi", "-i",
                                              "aevalsrc=0.3*sin(2*PI*(200+300*t)*t):d=4", "-filter_complex", "[0][1]amerge=inputs=2",
                                              "-c:a", "aac", path]) != nil)
            let expected = try #require(Self.reference(path))
            let reader = try MovieSound(path: path)
            #expect(reader.info.channels == 2 && reader.info.sampleRate == 44100)
            // Backwards and forwards, inside a packet and on its edge; a chirp on one channel, so no
            // shift but the right one matches. (Not noise: AAC's decoder makes its own for noisy bands.)
            for found in Self.seekAndRead(reader, expected: expected, targets: [150_001, 1024, 0, 44_100 * 3 + 7, 20_000],
                                          shifts: -64...64) {
                #expect(found.shift == 0 && found.difference < 2e-3, "at sample frame \(found.target): \(found)")
            }
        }

        @Test func opusInMatroskaSeeksToWithinAMillisecond() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/clip.mkv"
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "anoisesrc=duration=4:amplitude=0.3:seed=3",
                                              "-c:a", "libopus", "-b:a", "256k", path]) != nil)
            let expected = try #require(Self.reference(path))
            let reader = try MovieSound(path: path)
            #expect(reader.info.sampleRate == 48000)
            // Matroska keeps times in milliseconds, and Opus's decoder starts afresh after a seek.
            for found in Self.seekAndRead(reader, expected: expected, targets: [150_001, 960, 0, 48_000 * 3 + 7],
                                          shifts: -200...200) {
                #expect(abs(found.shift) <= 48 && found.difference < 0.1, "at sample frame \(found.target): \(found)")
            }
        }

        @Test func aMovieOpensWithItsSoundAndGivesItAllBack() throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/clip.mov"
            try #require(MovieFixture.make(path, frames: 48))
            let audioBefore = AudioMemory.bytes
            let decoderBefore = DecoderMemory.bytes
            try Self.openPlayAndClose(path, decoderBefore: decoderBefore, audioBefore: audioBefore)
            #expect(AudioMemory.bytes == audioBefore, "the sound's ring goes with its player")
        }

        static func openPlayAndClose(_ path: String, decoderBefore: Int, audioBefore: Int) throws {
            let cache = FrameCache(budgetBytes: 1 << 22)
            let pool = DecodePool(cache: cache, threads: 1)
            defer { pool.stop() }
            let media = try MediaSession(MediaItem(path: path), fps: 24, device: SoundPlayer.Device.none, cache: cache, pool: pool,
                                         analysisView: AudioAnalysis.View(columns: 40, rows: 16))
            #expect(media.hasPicture && media.sound != nil && media.analysis != nil)
            #expect(media.analysis?.waitUntilDone(timeout: 60) == true)
            let expected = try #require(Self.reference(path))
            #expect(abs((media.analysis?.frameCount ?? 0) - expected.count) <= 1024, "all of the sound analysed")
            guard case .image = media.movie?.decode(24, fitting: FrameSize(width: 160, height: 96), scratch: DecodeScratch()) else {
                Issue.record("frame 24 did not decode")
                return
            }
            // The decoder's pool holds at least the one 4:2:0 frame it decoded into.
            #expect(DecoderMemory.bytes - decoderBefore >= 160 * 96 * 3 / 2)
            #expect(AudioMemory.bytes > audioBefore)
            media.close()
            #expect(DecoderMemory.bytes == decoderBefore, "the picture's and the sound's decoders are gone")
            #expect(AudioMemory.bytes == audioBefore, "the analysis, its reader and the sound's ring are given back at close")
        }

        @Test(arguments: ["talk.mp4", "talk.mka"]) func aMovieOfSoundOnlyPlaysAsAudio(name: String) throws {
            let folder = TemporaryFolder()
            let path = folder.path + "/" + name
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=500:duration=3", "-c:a", "aac", path]) != nil)
            let cache = FrameCache(budgetBytes: 1 << 20)
            let pool = DecodePool(cache: cache, threads: 1)
            defer { pool.stop() }
            let media = try MediaSession(MediaItem(path: path), fps: 24, device: nil, cache: cache, pool: pool,
                                         analysisView: AudioAnalysis.View(columns: 40, rows: 16))
            defer { media.close() }
            #expect(!media.hasPicture && media.analysis != nil)
            let frames = media.session.playback.last - media.session.playback.first + 1
            #expect(frames >= 72 && frames <= 73, "3 s at 24 fps, and AAC's last frame: \(frames)")
        }

        @Test func aMovieWhoseSoundCannotBeReadPlaysItsPictureAndSaysWhy() throws {
            let folder = TemporaryFolder()
            let good = folder.path + "/good.mkv", broken = folder.path + "/broken.mkv"
            try #require(MovieFixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x36:rate=24:duration=2", "-f", "lavfi", "-i",
                                              "sine=duration=2", "-c:v", "mjpeg", "-c:a", "pcm_s16le", good]) != nil)
            // Matroska's SamplingFrequency element (0xB5, 8 bytes) set from 44100 to 0: a sound that claims no rate.
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: good)))
            let rate = [0xB5, 0x88] + withUnsafeBytes(of: Double(44100).bitPattern.bigEndian, Array.init)
            let at = try #require((0...(bytes.count - rate.count)).first { Array(bytes[$0..<($0 + rate.count)]) == rate })
            bytes.replaceSubrange((at + 2)..<(at + 10), with: [UInt8](repeating: 0, count: 8))
            try Data(bytes).write(to: URL(fileURLWithPath: broken))
            let cache = FrameCache(budgetBytes: 1 << 22)
            let pool = DecodePool(cache: cache, threads: 1)
            defer { pool.stop() }
            let media = try MediaSession(MediaItem(path: broken), fps: 24, device: SoundPlayer.Device.none, cache: cache, pool: pool,
                                         analysisView: AudioAnalysis.View(columns: 40, rows: 16))
            defer { media.close() }
            #expect(media.hasPicture && media.sound == nil && media.analysis == nil)
            #expect(media.session.playback.last == 48)
            guard case .unreadableSound(_, let reason)? = media.soundProblem else {
                Issue.record("no reason given: \(String(describing: media.soundProblem))")
                return
            }
            #expect(reason.description.contains("0 Hz"), "\(reason)")
            // A sound file named on its own that cannot be read is still refused.
            #expect(throws: OpenError.self) {
                _ = try MediaSession(MediaItem(.audio(path: broken)), fps: 24, device: nil, cache: cache, pool: pool, analysisView: nil)
            }
        }
    }
}
