/// What writing pictures to the terminal costs: bytes and the time the writes took, over the
/// last few seconds. A write blocks while the terminal (or ssh, or tmux) is still reading the
/// last one, so the time is the link's, not Reel's.
///
/// A value owned by the presenter.
public struct LinkMeter: Equatable, Sendable {
    /// Seconds of writes the rate is taken over.
    public static let window = 2.0

    private var writes: [(at: Double, bytes: Int, seconds: Double)] = []
    /// Every byte of pictures written so far.
    public private(set) var totalBytes = 0
    /// Pictures not sent because the last write had not long finished (`isBusy`).
    public var skipped = 0
    /// Until when another picture would be written faster than the link takes them.
    public private(set) var busyUntil = -Double.infinity

    public init() {}

    public static func == (a: LinkMeter, b: LinkMeter) -> Bool {
        a.totalBytes == b.totalBytes && a.skipped == b.skipped && a.busyUntil == b.busyUntil
    }

    /// A write of `bytes` that began at `at` and took `seconds`.
    public mutating func record(bytes: Int, seconds: Double, at: Double) {
        writes.append((at, bytes, seconds))
        totalBytes += bytes
        writes.removeAll { $0.at < at - Self.window }
        // Writing may take at most half the time: a write of d seconds waits d more before the
        // next, so the link drains and the picture falls behind by frames skipped, not by lag.
        busyUntil = at + 2 * seconds
    }

    /// Whether a picture now would be written before the last one has drained.
    public func isBusy(at now: Double) -> Bool { now < busyUntil }

    /// Bytes a second written over the last `window` seconds at `now`.
    public func bytesPerSecond(at now: Double) -> Int {
        let recent = writes.filter { $0.at >= now - Self.window }
        guard !recent.isEmpty else { return 0 }
        return Int(Double(recent.reduce(0) { $0 + $1.bytes }) / Self.window)
    }
}
