/// A place sound goes: a PortAudio stream or the paced null output. Both take samples from an
/// `OutputFeed` at the pace of their clock and count the frames played, which is that clock.
///
/// Not thread-safe: the `SoundPlayer` that owns it calls it from one thread.
protocol AudioOutput: AnyObject {
    /// What to show the user ("default", "null (paced)").
    var name: String { get }
    /// Seconds of sound between a frame leaving the feed and reaching the ear.
    var latency: Double { get }
    func start() throws(SoundError)
    /// Stops at once, dropping what is buffered in the device.
    func stop()
    /// Stops and frees the device.
    func close()
}
