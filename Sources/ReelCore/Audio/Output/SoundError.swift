/// Why sound cannot be played. Every case renders as one line.
public enum SoundError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sound file could not be opened.
    case file(MediaError)
    /// PortAudio refused (`Pa_Initialize`, `Pa_OpenStream`, `Pa_StartStream`); `reason` is `Pa_GetErrorText`.
    case device(call: String, reason: String)
    /// `--audio-device NAME` matches no output device.
    case noSuchDevice(name: String, available: [String])

    public var description: String {
        switch self {
        case .file(let error): return error.description
        case let .device(call, reason): return "sound device: \(call) failed: \(reason)"
        case let .noSuchDevice(name, available):
            return "no sound output device named \"\(name)\" (there are: "
                + (available.isEmpty ? "none" : available.joined(separator: ", ")) + "; or use none)"
        }
    }
}
