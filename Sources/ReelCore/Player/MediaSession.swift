/// One file while it is open: its player session, its sound and its audio analysis, made from
/// what the user named (a sequence with its sound, a movie with its own, or sound alone). The
/// player opens through it and the front end only shows what it opened; `render`, `soak` and
/// `bench` open pictures through `Picture`, which needs no sound.
///
/// Not thread-safe: its owner's loop uses it. `close()` gives back everything it holds (the
/// cache's frames of it, the queued decodes, a movie's decoders, the analysis' buffers and its
/// reader, the sound's ring) and trims the heap once.
public final class MediaSession {
    public let item: MediaItem
    public let session: PlayerSession
    public let sound: SoundPlayer?
    public let analysis: AudioAnalysis?
    /// The sequence, when the item is one.
    public let picture: PictureSource?
    /// The movie's video stream, when the item is a movie that has one (its sound is `sound`).
    public let movie: MovieSource?
    public let name: String
    /// Why a movie plays without its sound (its audio stream could not be read), if it does.
    public let soundProblem: OpenError?
    /// The rate the file was opened at (a movie's own), which its times and timecode count in.
    public let fps: Double
    /// The timecode of the first frame: the file's own (an EXR's `timeCode`, a DPX header's, a
    /// movie's `tmcd` track), else counted from frame 0 (a sequence's frame 1001 is 1001 frames
    /// in, a movie's first frame is 00:00:00:00).
    public let startTimecode: Timecode
    /// Whether `startTimecode` is the file's own.
    public let hasOwnTimecode: Bool

    /// Opens `item` for the shared `cache` and `pool`, its sound on `device` (nil: no sound
    /// output, the analysis only) and its analysis for `analysisView` (nil: none).
    public init(_ item: MediaItem, fps: Double, device: SoundPlayer.Device?, cache: FrameCache, pool: DecodePool,
                analysisView: AudioAnalysis.View?) throws(OpenError) {
        self.item = item
        var audioPath: String?
        switch item.kind {
        case .sequence(let path, let audio):
            picture = try PictureSource(path: path)
            movie = nil
            audioPath = audio
        case .movie(let path):
            picture = nil
            do throws(MediaError) {
                // A movie of sound only plays as an audio file does.
                let streams = try MovieFile(path: path).info
                guard streams.videoStream != nil || !streams.audioStreams.isEmpty else {
                    throw MediaError.badMovie(path: path, reason: "it has no video or audio stream")
                }
                movie = streams.videoStream == nil ? nil : try MovieSource(id: .next(), path: path)
                audioPath = streams.audioStreams.isEmpty ? nil : path
            } catch {
                throw .noPicture(path: path, reason: error)
            }
        case .audio(let path):
            picture = nil
            movie = nil
            audioPath = path
        }
        name = picture?.sequence.displayName ?? item.displayName
        // The sound first: an audio file on its own sets the clock's length.
        var info: AudioInfo?
        var opened: (analysis: AudioAnalysis?, sound: SoundPlayer?) = (nil, nil)
        var problem: OpenError?
        if let path = audioPath {
            do {
                opened.analysis = try analysisView.map { view throws(MediaError) in try AudioAnalysis(path: path, view: view) }
                if let analysis = opened.analysis { info = analysis.info } else { info = try SampleReaders.open(path).info }
                do {
                    opened.sound = try device.map { device throws(SoundError) in try SoundPlayer(path: path, device: device) }
                } catch {
                    opened.analysis?.close()
                    opened.analysis = nil
                    problem = .unplayableSound(path: path, reason: error)
                }
            } catch {
                problem = .unreadableSound(path: path, reason: error)
            }
            // A movie's picture plays on without a sound it cannot read, and says why; sound named
            // on its own must open, and a sound device asked for must be there.
            if let problem {
                if movie == nil { throw problem }
                if case .unplayableSound = problem { throw problem }
            }
        }
        analysis = opened.analysis
        sound = opened.sound
        soundProblem = problem
        if let picture {
            session = PlayerSession(sequence: picture.sequence, size: FrameSize(width: 1, height: 1), fps: fps, cache: cache, pool: pool)
        } else if let movie {
            // A movie plays at its own rate.
            session = PlayerSession(source: movie, frames: movie.frames, size: FrameSize(width: 1, height: 1),
                                    fps: movie.info.fps, cache: cache, pool: pool)
        } else {
            // The clock runs in frames of `fps` over the sound's length.
            let seconds = Double(max(1, info?.frames ?? 1)) / Double(max(1, info?.sampleRate ?? 1))
            let frames = max(1, Int((seconds * fps).rounded(.up)))
            session = PlayerSession(source: NoPictureSource(), frames: 0...(frames - 1), size: FrameSize(width: 1, height: 1),
                                    fps: fps, cache: cache, pool: pool)
        }
        if let sound { session.attach(sound: sound) }
        self.fps = movie?.info.fps ?? fps
        let rate = Timecode.Rate(fps: self.fps)
        var written: String?
        if let movie { written = movie.info.timecode }
        if let sequence = picture?.sequence, let path = sequence.path(frame: sequence.first) {
            written = try? ImageDecoders.describe(path: path).timecode
        }
        let own = written.flatMap { Timecode(parsing: $0, rate: rate) }
        hasOwnTimecode = own != nil
        startTimecode = own ?? Timecode(frame: max(0, picture?.sequence.first ?? 0), rate: rate)
    }

    /// The picture's size in pixels, when it has one that can be read.
    public var imageSize: (width: Int, height: Int)? {
        if let movie { return (movie.info.width, movie.info.height) }
        return picture?.imageSize.map { ($0.width, $0.height) }
    }

    /// False for an audio file on its own.
    public var hasPicture: Bool { picture != nil || movie != nil }

    public func close() {
        session.close()
        sound?.close()
        analysis?.close()
        ProcessMemory.trim()
    }
}
