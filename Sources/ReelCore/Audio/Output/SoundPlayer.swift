import Foundation
import Synchronization

/// Plays one sound file: a feeder thread decodes blocks into a ring, the output (PortAudio, or
/// the paced null output) takes them at its clock's pace, and `mediaSeconds()` says where the
/// sound is by that clock, which is what drives the player's clock while sound plays.
///
/// Not thread-safe: one owner (the player session) calls it; the feeder and the device's
/// callback are its own threads. `close()` stops both and frees the ring.
public final class SoundPlayer {
    /// Which output to use.
    public enum Device: Equatable, Sendable {
        /// PortAudio's default output, or the paced null output when there is none.
        case automatic
        /// The paced null output (`--audio-device none`).
        case none
        /// The first PortAudio output whose name contains this.
        case named(String)

        public init(argument: String?) {
            switch argument?.lowercased() {
            case nil, "auto", "default": self = .automatic
            case "none", "null": self = .none
            default: self = .named(argument!)
            }
        }
    }

    public let path: String
    public let info: AudioInfo
    /// Where the sound goes, as the title shows it.
    public private(set) var outputName: String
    public private(set) var isPlaying = false
    private let feed: OutputFeed
    private var output: any AudioOutput
    private var file: any SampleReader
    private var feeder: Feeder?
    /// Media seconds at which the current play began, and when by the monotonic clock.
    private var startMedia = 0.0
    private var startWall = 0.0

    public init(path: String, device: Device) throws(SoundError) {
        do {
            file = try SampleReaders.open(path)
        } catch {
            throw .file(error)
        }
        self.path = path
        info = file.info
        feed = OutputFeed(channels: min(file.info.channels, 2), sampleRate: file.info.sampleRate)
        switch device {
        case .none:
            output = PacedNullOutput(feed: feed)
        case .automatic:
            do {
                output = try PortAudioOutput(feed: feed, device: nil)
            } catch {
                output = PacedNullOutput(feed: feed, name: "none (no sound device)")
            }
        case .named(let name):
            output = try PortAudioOutput(feed: feed, device: name)
        }
        outputName = output.name
    }

    deinit { close() }

    public var volume: Float {
        get { feed.volume }
        set { feed.volume = newValue }
    }

    public var muted: Bool {
        get { feed.muted }
        set { feed.muted = newValue }
    }

    /// Starts sound at `seconds` into the file (stopping what plays).
    public func play(fromSeconds seconds: Double) {
        stop()
        let frame = Int(max(0, seconds) * Double(info.sampleRate))
        file.seek(toFrame: min(frame, max(0, info.frames)))
        feed.ring.reset()
        feed.restart()
        startMedia = max(0, seconds)
        startWall = MonotonicClock.now()
        feeder = Feeder(file: file, feed: feed)
        do {
            try output.start()
        } catch {
            fallBackToPacedOutput(reason: "could not start")
        }
        isPlaying = true
    }

    /// Stops sound at once (scrubbing, pause, other speeds).
    public func stop() {
        guard isPlaying else { return }
        output.stop()
        feeder?.stop()
        feeder = nil
        isPlaying = false
    }

    /// Where the sound is, in seconds into the file, by the output's clock; nil while stopped.
    public func mediaSeconds() -> Double? {
        guard isPlaying else { return nil }
        if feed.isClockless, output is PortAudioOutput {
            // The device took samples faster than time passes (ALSA's null device): from here on
            // the paced null output keeps time, starting where the wall clock says the sound is.
            let now = startMedia + (MonotonicClock.now() - startWall)
            fallBackToPacedOutput(reason: "no clock")
            play(fromSeconds: now)
            return now
        }
        let frames = max(0, feed.framesPlayed - Int(output.latency * Double(info.sampleRate)))
        return startMedia + Double(frames) / Double(info.sampleRate)
    }

    /// Stops, closes the device, frees the ring and lets the file go; it plays no more after it.
    public func close() {
        stop()
        output.close()
        feed.ring.release()
        file = ClosedSamples(replacing: file)
    }

    private func fallBackToPacedOutput(reason: String) {
        output.stop()
        output.close()
        output = PacedNullOutput(feed: feed, name: "\(outputName) (\(reason); paced)")
        outputName = output.name
        try? output.start()
    }
}

/// The thread that keeps a `SoundPlayer`'s ring full: reads blocks of the file, keeps the first
/// two channels, writes them into the ring, and sleeps while the ring is full.
private final class Feeder: @unchecked Sendable {
    private let running = Atomic<Bool>(true)
    private let finished = WakeSignal()

    init(file: any SampleReader, feed: OutputFeed) {
        let thread = Thread { [self] in
            run(file: file, feed: feed)
            finished.signal()
        }
        thread.name = "reel-sound-feeder"
        thread.start()
    }

    /// Stops the thread and waits for it.
    func stop() {
        running.store(false, ordering: .releasing)
        _ = finished.wait(seconds: 5)
    }

    private func run(file: any SampleReader, feed: OutputFeed) {
        let blockFrames = 2048
        let sourceChannels = file.info.channels
        let block = AudioBuffer<Float>(capacity: blockFrames * sourceChannels, repeating: 0)
        let converted = AudioBuffer<Float>(capacity: blockFrames * feed.channels, repeating: 0)
        var ended = false
        while running.load(ordering: .acquiring) {
            let room = feed.ring.capacity - feed.ring.available
            guard !ended, room >= blockFrames * feed.channels else {
                usleep(2000)
                continue
            }
            let count = file.read(into: block.pointer, frames: blockFrames)
            if count == 0 {
                ended = true
                continue
            }
            for frame in 0..<count {
                for channel in 0..<feed.channels {
                    converted[frame * feed.channels + channel] = SampleGuard.playable(block[frame * sourceChannels + channel])
                }
            }
            _ = feed.ring.write(converted.pointer, count: count * feed.channels)
        }
    }
}
