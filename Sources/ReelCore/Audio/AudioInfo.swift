/// What an audio file is, as libsndfile reads its header.
public struct AudioInfo: Equatable, Sendable {
    public var sampleRate: Int
    public var channels: Int
    /// Sample frames (one sample per channel each).
    public var frames: Int
    /// Container, as libsndfile names it ("WAV (Microsoft)", "FLAC (Free Lossless Audio Codec)").
    public var format: String
    /// Sample encoding ("Signed 16 bit PCM", "Vorbis").
    public var encoding: String

    public init(sampleRate: Int, channels: Int, frames: Int, format: String, encoding: String) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.format = format
        self.encoding = encoding
    }

    /// Length in seconds (0 when the rate is unknown).
    public var duration: Double {
        sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0
    }
}
