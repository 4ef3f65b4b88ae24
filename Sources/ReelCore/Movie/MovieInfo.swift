/// What a movie file holds, as `reel probe` reports it: its video stream (codec, size, frame
/// rate, frames, bit depth, alpha) and its audio streams. A value.
public struct MovieInfo: Equatable, Sendable {
    /// One audio stream of the file.
    public struct AudioStream: Equatable, Sendable {
        public var index: Int
        public var codec: String
        public var sampleRate: Int
        public var channels: Int
    }

    /// The container's name as FFmpeg gives it ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm").
    public var container: String
    /// The video stream's index in the file, nil for a movie of sound only.
    public var videoStream: Int?
    public var codec: String
    public var width: Int
    public var height: Int
    /// Frames a second: the stream's average frame rate, else its base rate.
    public var fps: Double
    /// The frame rate as a fraction (24000/1001 for 23.976).
    public var fpsNumerator: Int
    public var fpsDenominator: Int
    /// Frames in the stream: up to the last one whose packets can be read (else what the
    /// container says, else its duration at `fps`).
    public var frameCount: Int
    /// What the header promised, when the file is cut short before it (nil otherwise).
    public var expectedFrames: Int? = nil
    /// Seconds from the first frame to the end.
    public var duration: Double
    /// The pixel format's bits per component and whether it has alpha.
    public var bitDepth: Int
    public var hasAlpha: Bool
    public var pixelFormat: String
    public var audioStreams: [AudioStream]
    /// The start timecode the container or a stream carries (a `tmcd` track's), if any.
    public var timecode: String? = nil
}
