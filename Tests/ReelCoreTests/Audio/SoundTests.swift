import Foundation
import Testing
@testable import ReelCore

extension AudioTests {
    @Suite struct SoundTests {
        @Test func theRingKeepsOrderAcrossItsWrapAndNeverOverfills() {
            let ring = SampleRing(minimumCapacity: 100)
            #expect(ring.capacity == 128)
            var next: Float = 0, expected: Float = 0
            var out = [Float](repeating: 0, count: 128)
            for round in 0..<500 {
                let chunk = (0..<(round % 37 + 1)).map { _ -> Float in defer { next += 1 }; return next }
                let wrote = chunk.withUnsafeBufferPointer { ring.write($0.baseAddress!, count: $0.count) }
                #expect(ring.available <= ring.capacity)
                next -= Float(chunk.count - wrote)  // what did not fit is offered again next time
                let read = out.withUnsafeMutableBufferPointer { ring.read(into: $0.baseAddress!, count: round % 23 + 1) }
                for index in 0..<read {
                    #expect(out[index] == expected)
                    expected += 1
                }
            }
            ring.reset()
            #expect(ring.available == 0)
        }

        @Test func thePacedNullOutputKeepsTimeAndVolumeAndMuteApply() throws {
            let feed = OutputFeed(channels: 1, sampleRate: 8000)
            let ones = [Float](repeating: 1, count: 8)
            _ = ones.withUnsafeBufferPointer { feed.ring.write($0.baseAddress!, count: 8) }
            var out = [Float](repeating: 9, count: 12)
            feed.restart()
            feed.volume = 0.5
            #expect(out.withUnsafeMutableBufferPointer { feed.render(into: $0.baseAddress!, frames: 4) })
            #expect(Array(out[0..<4]) == [0.5, 0.5, 0.5, 0.5])
            feed.muted = true
            _ = out.withUnsafeMutableBufferPointer { feed.render(into: $0.baseAddress!, frames: 8) }
            #expect(out[0..<8].allSatisfy { $0 == 0 }, "muted, and silence where the ring ran dry")
            #expect(feed.framesPlayed == 12)
            // A caller that takes a second of samples at once runs faster than time: no clock.
            _ = out.withUnsafeMutableBufferPointer { pointer in
                (0..<1000).map { _ in feed.render(into: pointer.baseAddress!, frames: 12) }
            }
            #expect(feed.isClockless)
        }

        static func soundFile(_ folder: TemporaryFolder, seconds: Double = 3) throws -> String {
            let path = folder.path + "/track.wav"
            try AudioFixture.write(AudioFixture.sine(hertz: 440, seconds: seconds, rate: 8000, channels: 2), rate: 8000, channels: 2, to: path)
            return path
        }

        @Test func theNullOutputsClockFollowsRealTimeEvenAfterTheFileIsDeleted() throws {
            let folder = TemporaryFolder()
            let path = try Self.soundFile(folder)
            let sound = try SoundPlayer(path: path, device: .none)
            defer { sound.close() }
            #expect(sound.outputName == "none (paced)")
            let start = MonotonicClock.now()
            sound.play(fromSeconds: 1)
            try FileManager.default.removeItem(atPath: path)
            Thread.sleep(forTimeInterval: 0.3)
            let media = try #require(sound.mediaSeconds())
            let elapsed = MonotonicClock.now() - start
            #expect(media > 1 && media <= 1 + elapsed + 0.01, "never ahead of real time")
            sound.stop()
            #expect(sound.mediaSeconds() == nil)
            sound.play(fromSeconds: 0.5)
            #expect((sound.mediaSeconds() ?? -1) >= 0.5)
        }

        @Test func soundPlaysOnlyForwardAtNormalSpeedAndItsClockDrivesThePictures() throws {
            let folder = TemporaryFolder()
            let path = try Self.soundFile(folder, seconds: 10)
            let sound = try SoundPlayer(path: path, device: .none)
            let cache = FrameCache(budgetBytes: 1 << 20)
            let pool = DecodePool(cache: cache, threads: 1)
            defer { pool.stop() }
            let session = PlayerSession(source: RecordingSource(), frames: 1...240, size: FrameSize(width: 4, height: 2),
                                        fps: 24, cache: cache, pool: pool)
            session.attach(sound: sound)
            defer { session.close() }
            let now = MonotonicClock.now
            session.perform(.seek(49), at: now())
            session.perform(.play, at: now())
            #expect(sound.isPlaying)
            Thread.sleep(forTimeInterval: 0.25)
            _ = session.update(at: now())
            // The frame is where the sound is: frame 49 is 2 s into the track.
            let media = try #require(sound.mediaSeconds())
            let frame = session.position(at: now()).frame
            #expect(abs(Double(frame - 1) / 24 - media) <= 2.0 / 24, "frame \(frame) at \(media) s of sound")
            #expect(media >= 2)
            // Scrubbing, other speeds, reverse and pause stop the sound.
            session.perform(.shuttleForward, at: now())
            #expect(!sound.isPlaying, "2x")
            session.perform(.shuttleReverse, at: now())
            #expect(!sound.isPlaying, "reverse")
            session.perform(.stop, at: now())
            session.perform(.step(1), at: now())
            #expect(!sound.isPlaying, "stepping")
            // L after J plays forward at 1× again (Space would resume the last direction, reverse).
            session.perform(.shuttleForward, at: now())
            #expect(sound.isPlaying)
            // A seek while playing restarts the sound where the picture went.
            let seekedAt = now()
            session.perform(.seek(121), at: seekedAt)
            // 5 s, plus however long this thread was kept from running since.
            let resumed = sound.mediaSeconds() ?? 0
            #expect(sound.isPlaying && resumed >= 5 - 0.001 && resumed <= 5 + (now() - seekedAt) + 0.01, "\(resumed) s")
            // A loop's wrap takes the sound back with the picture.
            session.perform(.setWorkArea(1...6), at: now())
            session.perform(.first, at: now())
            for _ in 0..<20 {
                Thread.sleep(forTimeInterval: 0.02)
                _ = session.update(at: now())
            }
            let wrapped = try #require(sound.mediaSeconds())
            #expect(wrapped < 7.0 / 24, "sound stays within frames 1-6 (\(wrapped) s)")
            session.perform(.pause, at: now())
            #expect(!sound.isPlaying)
            session.perform(.toggleMute, at: now())
            session.perform(.changeVolume(-0.3), at: now())
            #expect(sound.muted && abs(sound.volume - 0.7) < 0.001)
        }

        @Test func aDeviceWithNoClockFallsBackToThePacedOutputSilently() throws {
            // ALSA's null device takes samples as fast as they come. Point ALSA at it, as the
            // end-to-end tests do; where PortAudio has no ALSA at all, there is nothing to test.
            let folder = TemporaryFolder()
            let config = folder.path + "/alsa.conf"
            try "</usr/share/alsa/alsa.conf>\npcm.!default { type null }\n".write(toFile: config, atomically: true, encoding: .utf8)
            setenv("ALSA_CONFIG_PATH", config, 1)
            let path = try Self.soundFile(folder)
            let sound = try SoundPlayer(path: path, device: .automatic)
            defer { sound.close() }
            try #require(sound.outputName != "none (no sound device)", "no ALSA device even with the null config")
            let start = MonotonicClock.now()
            sound.play(fromSeconds: 0)
            Thread.sleep(forTimeInterval: 0.2)
            let media = try #require(sound.mediaSeconds())
            Thread.sleep(forTimeInterval: 0.1)
            let later = try #require(sound.mediaSeconds())
            #expect(sound.outputName.hasSuffix("(no clock; paced)"), "\(sound.outputName)")
            #expect(media <= MonotonicClock.now() - start + 0.01 && later > media && later <= MonotonicClock.now() - start + 0.01)
        }
    }
}
