import CPortAudio

/// Sound through PortAudio: a stream whose callback takes samples from an `OutputFeed`
/// (`Pa_Initialize`, `Pa_OpenStream`, `Pa_StartStream`, `Pa_AbortStream`, `Pa_CloseStream`,
/// `Pa_Terminate`, each called here and nowhere else).
///
/// Not thread-safe: its owner calls it from one thread; the callback runs on PortAudio's.
/// Neither PortAudio nor ALSA prints: ALSA's error handler is replaced and stderr is silenced
/// while PortAudio probes and opens.
final class PortAudioOutput: AudioOutput {
    let name: String
    let latency: Double
    private let feed: OutputFeed
    private var stream: UnsafeMutableRawPointer?

    /// Opens `device` (nil: the default output; else the first whose name contains it).
    init(feed: OutputFeed, device: String?) throws(SoundError) {
        self.feed = feed
        reel_silence_alsa()
        let initialized = QuietStderr.run { Pa_Initialize() }
        guard initialized == paNoError.rawValue else { throw Self.error("Pa_Initialize", initialized) }
        var opened = false
        defer { if !opened { Pa_Terminate() } }
        let index = try Self.device(named: device)
        guard let info = Pa_GetDeviceInfo(index) else {
            throw .device(call: "Pa_GetDeviceInfo", reason: "device \(index) has no description")
        }
        var parameters = PaStreamParameters(
            device: index, channelCount: Int32(feed.channels), sampleFormat: paFloat32,
            suggestedLatency: info.pointee.defaultHighOutputLatency, hostApiSpecificStreamInfo: nil)
        var stream: UnsafeMutableRawPointer?
        let result = QuietStderr.run {
            Pa_OpenStream(&stream, nil, &parameters, Double(feed.sampleRate), UInt(paFramesPerBufferUnspecified),
                          0, portAudioCallback, Unmanaged.passUnretained(feed).toOpaque())
        }
        guard result == paNoError.rawValue, let stream else { throw Self.error("Pa_OpenStream", result) }
        self.stream = stream
        name = info.pointee.name.map { String(cString: $0) } ?? "device \(index)"
        latency = Pa_GetStreamInfo(stream)?.pointee.outputLatency ?? 0
        opened = true
    }

    deinit { close() }

    func start() throws(SoundError) {
        guard let stream else { return }
        let result = QuietStderr.run { Pa_StartStream(stream) }
        guard result == paNoError.rawValue else { throw Self.error("Pa_StartStream", result) }
    }

    func stop() {
        guard let stream, Pa_IsStreamStopped(stream) == 0 else { return }
        Pa_AbortStream(stream)
    }

    func close() {
        guard let stream else { return }
        stop()
        Pa_CloseStream(stream)
        self.stream = nil
        Pa_Terminate()
    }

    /// Output device names PortAudio lists (PortAudio must be initialised).
    private static func outputDevices() -> [(index: Int32, name: String)] {
        (0..<max(0, Pa_GetDeviceCount())).compactMap { index in
            guard let info = Pa_GetDeviceInfo(index), info.pointee.maxOutputChannels > 0 else { return nil }
            return (index, info.pointee.name.map { String(cString: $0) } ?? "device \(index)")
        }
    }

    private static func device(named name: String?) throws(SoundError) -> Int32 {
        guard let name else {
            let index = Pa_GetDefaultOutputDevice()
            guard index != paNoDevice else { throw .device(call: "Pa_GetDefaultOutputDevice", reason: "no output device") }
            return index
        }
        let devices = outputDevices()
        guard let match = devices.first(where: { $0.name.lowercased().contains(name.lowercased()) }) else {
            throw .noSuchDevice(name: name, available: devices.map(\.name))
        }
        return match.index
    }

    private static func error(_ call: String, _ code: PaError) -> SoundError {
        .device(call: call, reason: Pa_GetErrorText(code).map { String(cString: $0) } ?? "error \(code)")
    }
}

/// PortAudio's callback: fills the device's buffer from the feed; stops the stream when the
/// device turns out to have no clock (it asked for samples faster than real time).
private func portAudioCallback(
    input: UnsafeRawPointer?, output: UnsafeMutableRawPointer?, frameCount: UInt,
    timeInfo: UnsafePointer<PaStreamCallbackTimeInfo>?, statusFlags: PaStreamCallbackFlags,
    userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let output, let userData else { return Int32(paAbort.rawValue) }
    let feed = Unmanaged<OutputFeed>.fromOpaque(userData).takeUnretainedValue()
    let keepGoing = feed.render(into: output.assumingMemoryBound(to: Float.self), frames: Int(frameCount))
    return Int32(keepGoing ? paContinue.rawValue : paComplete.rawValue)
}
