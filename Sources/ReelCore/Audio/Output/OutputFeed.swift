import Synchronization

/// What a sound output takes its samples from, and what it reports back: the ring, volume and
/// mute, and the count of frames it has played, which is the clock.
///
/// Thread-safe: the device's real-time callback (or the paced null output's thread) calls
/// `render`; the player sets volume and mute and reads `framesPlayed`. Only atomics, so the
/// callback never blocks.
final class OutputFeed: @unchecked Sendable {
    let ring: SampleRing
    let channels: Int
    let sampleRate: Int
    private let volumeBits = Atomic<UInt32>(Float(1).bitPattern)
    private let mutedFlag = Atomic<Bool>(false)
    private let frames = Atomic<Int>(0)
    private let startBits = Atomic<UInt64>(0)
    private let clocklessFlag = Atomic<Bool>(false)
    /// How far a device may run ahead of the monotonic clock before it counts as having none.
    static let clockTolerance = 0.5

    init(channels: Int, sampleRate: Int, seconds: Double = 0.5) {
        self.channels = channels
        self.sampleRate = sampleRate
        ring = SampleRing(minimumCapacity: Int(seconds * Double(sampleRate)) * channels)
    }

    var volume: Float {
        get { Float(bitPattern: volumeBits.load(ordering: .relaxed)) }
        set { volumeBits.store(min(max(newValue, 0), 1).bitPattern, ordering: .relaxed) }
    }

    var muted: Bool {
        get { mutedFlag.load(ordering: .relaxed) }
        set { mutedFlag.store(newValue, ordering: .relaxed) }
    }

    /// Frames the output has consumed since `restart`.
    var framesPlayed: Int { frames.load(ordering: .acquiring) }

    /// The device consumed samples faster than real time: it has no clock (ALSA's null device).
    var isClockless: Bool { clocklessFlag.load(ordering: .acquiring) }

    /// Zeroes the count and the clockless flag and notes the start time; before the output starts.
    func restart() {
        frames.store(0, ordering: .releasing)
        clocklessFlag.store(false, ordering: .releasing)
        startBits.store(MonotonicClock.now().bitPattern, ordering: .releasing)
    }

    /// Fills `count` frames of `target` from the ring (silence where it runs dry), at the volume;
    /// false when the caller is running faster than the clock allows (then it should stop).
    func render(into target: UnsafeMutablePointer<Float>, frames count: Int) -> Bool {
        let samples = count * channels
        let got = ring.read(into: target, count: samples)
        if got < samples { (target + got).initialize(repeating: 0, count: samples - got) }
        let gain = muted ? 0 : volume
        if gain != 1 {
            for index in 0..<got { target[index] = SampleGuard.playable(target[index] * gain) }
        }
        let played = frames.add(count, ordering: .acquiringAndReleasing).newValue
        let elapsed = MonotonicClock.now() - Double(bitPattern: startBits.load(ordering: .acquiring))
        if Double(played) > (elapsed + Self.clockTolerance) * Double(sampleRate) {
            clocklessFlag.store(true, ordering: .releasing)
            return false
        }
        return true
    }
}
