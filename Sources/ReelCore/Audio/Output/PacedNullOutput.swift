import Foundation
import Synchronization

/// Sound to nowhere at the pace of the monotonic clock: with no device, `--audio-device none`,
/// or a device with no clock of its own (ALSA's null device), it takes samples from the feed as
/// a real device would, so the player's clock runs the same.
///
/// Not thread-safe: its owner calls it from one thread; it consumes on a thread of its own.
final class PacedNullOutput: AudioOutput {
    let name: String
    let latency = 0.0
    private let feed: OutputFeed
    private let running = RunningFlag()
    private var finished: WakeSignal?

    init(feed: OutputFeed, name: String = "none (paced)") {
        self.feed = feed
        self.name = name
    }

    deinit { close() }

    func start() throws(SoundError) {
        stop()
        running.value.store(true, ordering: .releasing)
        let finished = WakeSignal()
        self.finished = finished
        let thread = Thread { [feed, running] in
            Self.consume(feed, while: running)
            finished.signal()
        }
        thread.name = "reel-null-output"
        thread.start()
    }

    /// Takes samples from `feed` as fast as the monotonic clock says a device would, until stopped.
    private static func consume(_ feed: OutputFeed, while running: RunningFlag) {
        let scratch = AudioBuffer<Float>(capacity: 4096 * feed.channels, repeating: 0)
        let start = MonotonicClock.now()
        var done = 0
        while running.value.load(ordering: .acquiring) {
            let due = Int((MonotonicClock.now() - start) * Double(feed.sampleRate))
            while done < due {
                let count = min(4096, due - done)
                _ = feed.render(into: scratch.pointer, frames: count)
                done += count
            }
            usleep(5000)
            }
    }

    func stop() {
        guard let finished else { return }
        running.value.store(false, ordering: .releasing)
        _ = finished.wait(seconds: 5)
        self.finished = nil
    }

    func close() { stop() }
}

/// An atomic flag a thread can share (an `Atomic` itself cannot be captured).
private final class RunningFlag: Sendable {
    let value = Atomic<Bool>(false)
}
