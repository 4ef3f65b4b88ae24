import ReelCore

/// The interactive player: reads keys and the mouse, turns them into player commands, ticks the
/// shown file's session on the monotonic clock, samples the memory figures four times a second
/// (gauge, sparkline, stats file) and draws the screen through the presenter.
///
/// Not thread-safe: `run()` owns the main thread until the user quits. Decode workers wake the
/// loop through a `WakePipe` when a frame lands, so a frame shows as soon as it is decoded.
public final class PlayerApp {
    /// How the player starts.
    public struct Options: Sendable {
        public var fps: Double
        public var startPaused: Bool
        /// Decode threads; nil for one per core.
        public var threads: Int?
        /// The frame cache's budget in bytes.
        public var cacheBytes: Int
        public var audioDevice: SoundPlayer.Device
        /// How pictures reach the terminal; nil to ask it (`TerminalProbe`).
        public var graphics: GraphicsMode?
        /// The block symbols of the cells back end.
        public var symbols: CellSymbols
        /// Loops to play before stopping (nil: on for ever).
        public var loops: Int?
        /// Keys a config file binds, over the player's own.
        public var bindings: [PlayerConfig.KeyBinding] = []
        /// The spectrogram's settings each file's analysis starts with.
        public var analysisSettings = SpectrogramSettings()
        /// A line to show at the bottom when the player starts (a config file's first problem).
        public var startMessage: String?
        /// Compare the first file with the second from the start, in this mode (`--compare`).
        public var compareAtStart: CompareMode?
        /// How a compare lines B's frames up with A's (`--align`).
        public var compareAlignment = CompareAlignment.Basis.frame

        public init(fps: Double, startPaused: Bool = false, threads: Int? = nil,
                    cacheBytes: Int = ProcessMemory.defaultCacheBudget(), audioDevice: SoundPlayer.Device = .automatic,
                    graphics: GraphicsMode? = .cells, symbols: CellSymbols = .half, loops: Int? = nil) {
            self.fps = fps
            self.startPaused = startPaused
            self.threads = threads
            self.cacheBytes = cacheBytes
            self.audioDevice = audioDevice
            self.graphics = graphics
            self.symbols = symbols
            self.loops = loops
        }
    }

    /// The terminal's side of drawing pictures, as found at start-up.
    struct Display {
        var mode: GraphicsMode = .cells
        var symbols: CellSymbols = .half
        /// A cell's size in the terminal's pixels (what an image protocol's picture is sized by).
        var cellPixels: (width: Int, height: Int) = (10, 20)
    }

    /// Seconds between samples of the memory figures.
    static let sampleInterval = 0.25

    let items: [MediaItem]
    let options: Options
    let statsFile: StatsFile?

    // The run's state, set up by `run()`.
    var index = 0
    var current: MediaSession?
    var openFailure: String?
    var zoomed = false
    /// How the viewer shows the frame; back to fit for each file, or as Tab left it.
    var pictureZoom = ViewerZoom()
    /// How each file Tab has left was being looked at, by its index.
    var fileStates: [Int: FileState] = [:]
    /// A middle or right button went down on the viewer: drags pan, from this cell.
    var panningFrom: (x: Int, y: Int)?
    var gaugeDetailed = false
    /// The go-to line being typed (`:`), nil while it is closed.
    var prompt: String?
    /// A line for the bottom row until the next key (why a go-to went nowhere).
    var message: String?
    /// The audio pane and the gauge are hidden: the picture has the screen (H).
    var panesHidden = false
    /// How positions are written in the title and the ruler (for every file).
    var timeUnit = FrameClock.Unit.frames
    var showHelp = false
    var stats = MemoryStats()
    var history = MemoryHistory()
    var nextSample = 0.0
    /// The last screen's layout and timeline scale, for the mouse.
    var lastLayout: ScreenLayout?
    var lastScale: TimelineScale?
    /// A button went down on the timeline or the audio pane: drags scrub until it is released.
    var scrubbing = false
    /// When to send the whole screen again after a resize: the terminal may still be moving its
    /// lines around (tmux reflows on every step of a storm of resizes) after the first repaint.
    var repaintAt: Double? { didSet { counters.repaintPending = repaintAt != nil } }
    var counters = ScreenCounters()
    var display = Display()
    /// The viewer's picture for an image protocol, made by the last `screen`.
    var picture: PlacedPicture?
    /// The A/B compare, while one is on.
    var compare: CompareState?
    /// A left press on the viewer moves a wipe's divider: drags move it on until the release.
    var movingDivider = false

    /// Plays `items` (Tab moves between them), starting with the first.
    public init(items: [MediaItem], options: Options, statsFile: StatsFile? = nil) {
        precondition(!items.isEmpty, "at least one file to play")
        self.items = items
        self.options = options
        self.statsFile = statsFile
    }

    /// Plays until the user quits or a termination signal arrives; the terminal is restored
    /// before this returns. Returns the signal that ended it, 0 for a quit key.
    public func run() throws(TerminalError) -> Int32 {
        let wake = try WakePipe()
        let cache = FrameCache(budgetBytes: options.cacheBytes)
        let pool = DecodePool(cache: cache, threads: options.threads, wake: { wake.signal() })
        defer { pool.stop() }
        let found = Self.findDisplay(options)
        display = found.display
        let terminal = try CursesTerminal(trueColor: found.replies?.trueColor ?? false)
        defer { terminal.stop() }
        let presenter = CursesPresenter(terminal: terminal, placer: found.placer,
                                        synchronized: found.replies?.synchronizedOutput ?? false)
        // Before the terminal is given back (defers run last first): no picture is left in it.
        defer { presenter.finish() }
        if found.placer?.usesPlaceholders == true { terminal.reportFocus() }
        open(0, cache: cache, pool: pool, size: terminal.size)
        defer {
            stopCompare()
            current?.close()
        }
        message = options.startMessage
        if let mode = options.compareAtStart { startCompare(mode) }
        if !options.startPaused { current?.session.playWhenShown(at: MonotonicClock.now()) }
        while true {
            let signal = receivedTerminationSignal.load(ordering: .relaxed)
            if signal != 0 { return signal }
            let now = MonotonicClock.now()
            if let at = repaintAt, now >= at {
                invalidate(presenter)
                repaintAt = nil
            }
            let grid = screen(at: now, size: terminal.size)
            try presenter.present(grid, pictureRows: lastLayout?.pictureRows ?? 0..<0, picture: picture)
            counters.presented += 1
            counters.note(presenter, cell: display.cellPixels, at: MonotonicClock.now())
            // Wake for the next frame while playing, when a frame lands, and for the next sample.
            var wait = max(0, nextSample - MonotonicClock.now())
            if let at = repaintAt { wait = min(wait, max(0, at - MonotonicClock.now())) }
            if let next = current?.session.secondsToNextFrame(at: MonotonicClock.now()) { wait = min(wait, max(0, next)) }
            // A picture skipped while the link drained is sent when it has.
            if picture != nil, presenter.link.isBusy(at: MonotonicClock.now()) {
                wait = min(wait, max(0, presenter.link.busyUntil - MonotonicClock.now()))
            }
            guard let key = terminal.readKey(timeoutMilliseconds: Int((wait * 1000).rounded(.up)), wake: wake) else {
                continue
            }
            if key == .resize {
                invalidate(presenter)
                repaintAt = MonotonicClock.now() + 0.3
                continue
            }
            // tmux drops what passes through while a pane is hidden: the picture is sent again.
            if key == .focusIn {
                invalidate(presenter)
                continue
            }
            if case .mouse(let event) = key {
                mouse(event, at: MonotonicClock.now())
                continue
            }
            message = nil
            if prompt != nil {
                typeIntoPrompt(key, at: MonotonicClock.now())
                continue
            }
            // Any key closes the help (and does nothing else).
            if showHelp {
                showHelp = false
                continue
            }
            switch KeyMap.action(for: key, bindings: options.bindings) {
            case .quit: return 0
            case .nextFile: switchFile(by: 1, cache: cache, pool: pool, size: terminal.size)
            case .previousFile: switchFile(by: -1, cache: cache, pool: pool, size: terminal.size)
            case .redraw: invalidate(presenter)
            case let action: perform(action, at: MonotonicClock.now())
            }
        }
    }

    /// The next screen is sent whole.
    func invalidate(_ presenter: CursesPresenter) {
        presenter.invalidate()
        counters.redraws += 1
    }

    /// Shows file `newIndex`: closes the one shown first, so its frames, sound and analysis are
    /// given back before the next one takes memory.
    func open(_ newIndex: Int, cache: FrameCache, pool: DecodePool, size: (width: Int, height: Int)) {
        stopCompare()
        current?.close()
        current = nil
        index = newIndex
        zoomed = false
        pictureZoom.fit()
        let item = items[newIndex]
        // A first view for the analysis from the layout it will have; the tick keeps it current.
        let layout = ScreenLayout(width: size.width, height: size.height, picture: item.hasPicture, audio: true,
                                  gaugeDetailed: gaugeDetailed)
        let view = AudioAnalysis.View(columns: layout?.track.width ?? 80,
                                      rows: max(1, AudioPane.split(height: layout?.audio?.height ?? 8).spectrogram * 2))
        do {
            current = try MediaSession(item, fps: options.fps, device: options.audioDevice, cache: cache, pool: pool,
                                       analysisView: view)
            openFailure = nil
            if let loops = options.loops { current?.session.perform(.setLoopLimit(loops), at: MonotonicClock.now()) }
            if let analysis = current?.analysis, analysis.settings != options.analysisSettings { analysis.setSettings(options.analysisSettings) }
        } catch {
            openFailure = error.description
        }
        nextSample = 0
    }

    /// Shows the file `step` away, keeping how this one was looked at and giving the next back
    /// how it was left.
    func switchFile(by step: Int, cache: FrameCache, pool: DecodePool, size: (width: Int, height: Int)) {
        guard items.count > 1 else { return }
        let wasPlaying = current?.session.playback.isPlaying ?? !options.startPaused
        // A compare goes on with the next file as A and the one after it as B.
        let comparing = compare.map { (mode: $0.mode, divider: $0.divider) }
        if let current {
            fileStates[index] = FileState(of: current, at: MonotonicClock.now(), zoomed: zoomed, pictureZoom: pictureZoom)
        }
        open((index + step + items.count) % items.count, cache: cache, pool: pool, size: size)
        if let current, let state = fileStates[index] {
            state.restore(to: current, at: MonotonicClock.now())
            zoomed = state.zoomed && current.session.playback.workArea != nil
            pictureZoom = state.pictureZoom
        }
        if let comparing {
            startCompare(comparing.mode)
            compare?.divider = comparing.divider
        }
        if wasPlaying { current?.session.playWhenShown(at: MonotonicClock.now()) }
    }

    func perform(_ action: AppAction, at now: Double) {
        guard let current else { return }
        let session = current.session
        switch action {
        case .command(let command):
            session.perform(command, at: now)
            if command == .clearWorkArea { zoomed = false }
            if command == .clearCache { nextSample = 0 }
        case .toggleZoom: zoomed = session.playback.workArea != nil && !zoomed
        case .zoomPicture(let change): zoomPicture(change, at: nil)
        case .changeLook(let change): session.setLook(change.applied(to: session.source.look))
        case .toggleGaugeDetail: gaugeDetailed.toggle()
        case .openPrompt: prompt = ""
        case .togglePanes: panesHidden.toggle()
        case .changeSpeed(let factor):
            let speed = min(4, max(0.25, session.playback.fps / current.fps * factor))
            session.perform(.setFPS(current.fps * speed), at: now)
        case .exportFrame:
            let frame = session.update(at: now).due
            do {
                let saved = try FrameExport.export(current, frame: frame)
                message = "frame \(frame) saved as \(SafeText.escaped(saved.path)) (\(saved.width)\u{00D7}\(saved.height))"
            } catch {
                message = error.description
            }
        case .cycleTimeUnit: timeUnit = timeUnit.next
        case .cycleCompare: cycleCompare()
        case .flipCompare:
            if compare?.mode == .toggle { compare?.showsB.toggle() }
        case .moveDivider(let step):
            if let divider = compare?.divider { compare?.divider = min(1, max(0, divider + step)) }
        case .toggleHelp: showHelp.toggle()
        case .cycleScale, .cycleFFTSize, .cycleColorMap, .cycleWindow, .toggleChannels:
            guard let analysis = current.analysis else { return }
            var settings = analysis.settings
            switch action {
            case .cycleScale: settings.scale = settings.scale.next
            case .cycleFFTSize: settings.fftSize = settings.nextFFTSize
            case .cycleWindow: settings.window = settings.window.next
            case .toggleChannels: settings.channels = settings.channels == .mix ? .separate : .mix
            default: settings.colorMap = settings.colorMap.next
            }
            analysis.setSettings(settings)
        case .quit, .nextFile, .previousFile, .redraw, .nothing: break
        }
    }

    /// A press or drag on the timeline or the audio pane seeks to the frame under the pointer;
    /// on the viewer the wheel zooms at the pointer and the middle or right button drags the picture.
    func mouse(_ event: MouseEvent, at now: Double) {
        if viewerMouse(event) || compareMouse(event) { return }
        // The wheel over the timeline or the audio pane steps a frame: down (or away) forward, up back.
        if let layout = lastLayout, let session = current?.session, event.kind == .press, event.button == 64 || event.button == 65 {
            if layout.isTrackRow(event.y) { session.perform(.step(event.button == 65 ? 1 : -1), at: now) }
            return
        }
        guard let layout = lastLayout, let scale = lastScale, let session = current?.session, event.button == 0 else {
            scrubbing = false
            return
        }
        switch event.kind {
        case .press:
            guard layout.isTrackRow(event.y), event.x >= layout.track.x, event.x < layout.track.x + layout.track.width else { return }
            scrubbing = true
        case .drag:
            guard scrubbing else { return }
        case .release:
            guard scrubbing else { return }
            scrubbing = false
        }
        let column = min(max(event.x - layout.track.x, 0), layout.track.width - 1)
        session.perform(.seek(scale.frame(column: column)), at: now)
    }
}

extension MediaItem {
    /// Whether it has a picture (a sequence or a movie), before it is opened.
    var hasPicture: Bool {
        if case .audio = kind { return false }
        return true
    }
}
