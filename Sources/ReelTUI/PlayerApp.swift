import ReelCore

/// The interactive player: reads keys, turns them into player commands, ticks the player
/// session on the monotonic clock and draws the screen through the presenter.
///
/// Not thread-safe: `run()` owns the main thread until the user quits. Decode workers wake the
/// loop through a `WakePipe` when a frame lands, so a frame shows as soon as it is decoded.
public final class PlayerApp {
    /// How the player starts.
    public struct Options: Sendable {
        public var fps: Double
        public var startPaused: Bool
        /// A sound track named with `--audio`, shown in the title bar.
        public var audioName: String?
        /// Decode threads; nil for one per core.
        public var threads: Int?
        /// The frame cache's budget in bytes.
        public var cacheBytes: Int

        public init(fps: Double, startPaused: Bool = false, audioName: String? = nil, threads: Int? = nil,
                    cacheBytes: Int = ProcessMemory.defaultCacheBudget()) {
            self.fps = fps
            self.startPaused = startPaused
            self.audioName = audioName
            self.threads = threads
            self.cacheBytes = cacheBytes
        }
    }

    /// What a key does.
    enum Action: Equatable {
        case quit
        case command(PlayerCommand)
        case nothing
    }

    private let sequence: ImageSequence
    private let imageSize: (width: Int, height: Int)?
    private let options: Options
    private let sound: SoundPlayer?

    /// Plays `sequence`, with `sound` in sync when given (opened before the terminal is taken,
    /// so PortAudio's probing happens while stderr can still be silenced).
    public init(sequence: ImageSequence, imageSize: (width: Int, height: Int)?, options: Options, sound: SoundPlayer? = nil) {
        self.sequence = sequence
        self.imageSize = imageSize
        self.options = options
        self.sound = sound
    }

    /// The action of a key (the conventions of DJV, OpenRV, After Effects and mpv).
    static func action(for key: Key) -> Action {
        switch key {
        case .character("q"), .character("Q"): return .quit
        case .character(" "): return .command(.togglePlay)
        case .left: return .command(.step(-1))
        case .right: return .command(.step(1))
        case .shiftLeft: return .command(.step(-10))
        case .shiftRight: return .command(.step(10))
        case .home: return .command(.first)
        case .end: return .command(.last)
        case .character("["): return .command(.slower)
        case .character("]"): return .command(.faster)
        case .character("j"), .character("J"): return .command(.shuttleReverse)
        case .character("k"), .character("K"): return .command(.stop)
        case .character("l"), .character("L"): return .command(.shuttleForward)
        case .character("b"), .character("B"): return .command(.setWorkAreaBegin)
        case .character("n"), .character("N"): return .command(.setWorkAreaEnd)
        case .backspace, .character("\\"), .character("\u{02}"): return .command(.clearWorkArea)
        case .character("p"), .character("P"): return .command(.cycleMode)
        case .character("x"), .character("X"): return .command(.clearCache)
        case .character("m"), .character("M"): return .command(.toggleMute)
        case .character("9"): return .command(.changeVolume(-0.1))
        case .character("0"): return .command(.changeVolume(0.1))
        default: return .nothing
        }
    }

    /// Plays until the user quits or a termination signal arrives; the terminal is restored
    /// before this returns. Returns the signal that ended it, 0 for a quit key.
    public func run() throws(TerminalError) -> Int32 {
        let wake = try WakePipe()
        let cache = FrameCache(budgetBytes: options.cacheBytes)
        let pool = DecodePool(cache: cache, threads: options.threads, wake: { wake.signal() })
        defer { pool.stop() }
        let terminal = try CursesTerminal()
        defer { terminal.stop() }
        let presenter = CursesPresenter(terminal: terminal)
        let session = PlayerSession(sequence: sequence, size: FrameSize(width: 1, height: 1), fps: options.fps,
                                    cache: cache, pool: pool)
        if let sound { session.attach(sound: sound) }
        defer { session.close() }
        if !options.startPaused { session.perform(.play, at: MonotonicClock.now()) }
        while true {
            let signal = receivedTerminationSignal.load(ordering: .relaxed)
            if signal != 0 { return signal }
            let now = MonotonicClock.now()
            presenter.present(screen(session, at: now, size: terminal.size))
            // Wake for the next frame while playing, when a frame lands, or a few times a second.
            let wait = session.secondsToNextFrame(at: MonotonicClock.now()) ?? 0.25
            guard let key = terminal.readKey(timeoutMilliseconds: Int((max(0, wait) * 1000).rounded(.up)), wake: wake) else {
                continue
            }
            if key == .resize { presenter.invalidate() }
            switch Self.action(for: key) {
            case .quit: return 0
            case .command(let command): session.perform(command, at: MonotonicClock.now())
            case .nothing: break
            }
        }
    }

    /// The sound track as the title shows it: name, output, and volume or mute.
    private var audioTitle: String? {
        guard let sound else { return options.audioName }
        let name = options.audioName ?? sound.path.split(separator: "/").last.map(String.init) ?? sound.path
        let level = sound.muted ? "muted" : "vol \(Int((sound.volume * 100).rounded()))%"
        return "\(name) → \(sound.outputName), \(level)"
    }

    /// The screen at `now` for a terminal of `size`.
    func screen(_ session: PlayerSession, at now: Double, size: (width: Int, height: Int)) -> CellGrid {
        if let layout = PlayerScreen.layout(width: size.width, height: size.height) {
            let box = ViewerPane.pixelBox(for: layout.viewer)
            session.resize(to: FrameSize(width: max(1, box.width), height: max(1, box.height)))
        }
        let view = session.update(at: now)
        let playback = session.playback
        let position = session.position(at: now)
        let snapshot = PlayerSnapshot(
            name: sequence.displayName, imageSize: imageSize, fps: playback.fps, frame: view.due,
            first: sequence.first, last: sequence.last, isPlaying: playback.isPlaying,
            audioName: audioTitle, workArea: playback.workArea, mode: playback.mode,
            speed: playback.speed * position.direction.rawValue, dropped: session.dropped)
        return PlayerScreen.compose(snapshot, view: view, width: size.width, height: size.height)
    }
}
