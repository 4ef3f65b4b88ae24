import ReelCore

/// The interactive player: reads keys, advances the transport on the monotonic clock, and
/// draws the screen through the presenter.
///
/// Not thread-safe: `run()` owns the main thread until the user quits.
public final class PlayerApp {
    /// How the player starts.
    public struct Options: Sendable {
        public var fps: Double
        public var startPaused: Bool
        /// A sound track named with `--audio`, shown in the title bar.
        public var audioName: String?

        public init(fps: Double, startPaused: Bool = false, audioName: String? = nil) {
            self.fps = fps
            self.startPaused = startPaused
            self.audioName = audioName
        }
    }

    /// Frame rates `[` and `]` step through, as in DJV and OpenRV.
    public static let standardRates: [Double] = [1, 2, 6, 8, 12, 15, 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60, 120]

    private let sequence: ImageSequence
    private let imageSize: (width: Int, height: Int)?
    private let options: Options
    private let loader: FrameLoader
    private var playback: Playback

    public init(sequence: ImageSequence, imageSize: (width: Int, height: Int)?, options: Options) {
        self.sequence = sequence
        self.imageSize = imageSize
        self.options = options
        loader = FrameLoader(sequence: sequence)
        playback = Playback(first: sequence.first, last: sequence.last, fps: options.fps)
    }

    /// What happens to the transport for a key; false when the key quits.
    static func apply(_ key: Key, to playback: inout Playback, at now: Double) -> Bool {
        switch key {
        case .character("q"), .character("Q"):
            return false
        case .character(" "):
            playback.togglePlay(at: now)
        case .left:
            playback.step(by: -1, at: now)
        case .right:
            playback.step(by: 1, at: now)
        case .shiftLeft:
            playback.step(by: -10, at: now)
        case .shiftRight:
            playback.step(by: 10, at: now)
        case .home:
            playback.seek(to: playback.first, at: now)
        case .end:
            playback.seek(to: playback.last, at: now)
        case .character("["):
            if let slower = standardRates.last(where: { $0 < playback.fps - 0.001 }) { playback.setFPS(slower, at: now) }
        case .character("]"):
            if let faster = standardRates.first(where: { $0 > playback.fps + 0.001 }) { playback.setFPS(faster, at: now) }
        default:
            break
        }
        return true
    }

    /// Plays until the user quits or a termination signal arrives; the terminal is restored
    /// before this returns. Returns the signal that ended it, 0 for a quit key.
    public func run() throws(TerminalError) -> Int32 {
        let terminal = try CursesTerminal()
        defer { terminal.stop() }
        let presenter = CursesPresenter(terminal: terminal)
        if !options.startPaused { playback.play(at: MonotonicClock.now()) }
        while true {
            let signal = receivedTerminationSignal.load(ordering: .relaxed)
            if signal != 0 { return signal }
            let now = MonotonicClock.now()
            presenter.present(screen(at: now, size: terminal.size))
            // Wake for the next frame while playing; otherwise a few times a second.
            let wait = playback.nextFrameTime(after: now).map { $0 - MonotonicClock.now() } ?? 0.25
            guard let key = terminal.readKey(timeoutMilliseconds: Int((max(0, wait) * 1000).rounded(.up))) else {
                continue
            }
            if key == .resize { presenter.invalidate() }
            if !Self.apply(key, to: &playback, at: MonotonicClock.now()) { return 0 }
        }
    }

    /// The screen at `now` for a terminal of `size`.
    func screen(at now: Double, size: (width: Int, height: Int)) -> CellGrid {
        let frame = playback.frame(at: now)
        var content = FrameContent.missing
        if let layout = PlayerScreen.layout(width: size.width, height: size.height) {
            let box = ViewerPane.pixelBox(for: layout.viewer)
            content = loader.content(frame: frame, boxWidth: box.width, boxHeight: box.height)
        }
        let snapshot = PlayerSnapshot(
            name: sequence.displayName, imageSize: imageSize, fps: playback.fps, frame: frame,
            first: sequence.first, last: sequence.last, isPlaying: playback.isPlaying,
            audioName: options.audioName)
        return PlayerScreen.compose(snapshot, content: content, width: size.width, height: size.height)
    }
}
