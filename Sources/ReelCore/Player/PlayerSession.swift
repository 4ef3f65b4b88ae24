/// One open sequence being played: the transport, what the decode pool works on, the frame on
/// screen, and the dropped-frame count.
///
/// Not thread-safe: one owner — the UI's run loop or `reel soak` — calls it. The cache and the
/// pool it uses are shared and thread-safe. `update(at:)` is the tick: it finds the frame due,
/// shows it if it is cached and otherwise keeps the newest cached frame before it on screen,
/// counts frames that were due but never shown, and tells the pool where playback is.
public final class PlayerSession {
    public private(set) var source: any FrameSource
    public let cache: FrameCache
    public let pool: DecodePool
    public private(set) var playback: Playback
    /// The box frames are decoded into (the viewer's size in pixels, or the source's).
    public private(set) var size: FrameSize
    /// Frames that were due while playing and never shown.
    public private(set) var dropped = 0

    private var shown: (frame: Int, content: FrameContent)?
    private var lastPosition: Playback.Position?
    /// Session time of the last `update`.
    private var lastUpdateTime: Double?
    /// When `playWhenShown` asked to play (monotonic), until the due frame is on screen.
    private var playAsked: Double?
    private var lastGeneration = -1
    private var lastDueShown = true
    private var lastCountedDue: Int?
    private var lastFocus: DecodeFocus?
    private var needsNewEpoch = true
    /// The sound track, when one plays with the pictures; its device's clock is then the session's.
    private var soundSync: SoundSync?
    /// The B side of an A/B compare, while one is on.
    private var compared: ComparedSource?

    /// Plays `frames` of `source`, decoded into boxes of `size`, with the shared cache and pool.
    public init(source: any FrameSource, frames: ClosedRange<Int>, size: FrameSize, fps: Double,
                cache: FrameCache, pool: DecodePool) {
        self.source = source
        self.size = size
        self.cache = cache
        self.pool = pool
        self.playback = Playback(first: frames.lowerBound, last: frames.upperBound, fps: fps)
    }

    /// Plays an image sequence.
    public convenience init(sequence: ImageSequence, size: FrameSize, fps: Double, cache: FrameCache, pool: DecodePool) {
        self.init(source: ImageSequenceSource(id: .next(), sequence: sequence), frames: sequence.first...sequence.last,
                  size: size, fps: fps, cache: cache, pool: pool)
    }

    /// Plays `sound` with the pictures from now on: its first sample belongs to the first frame.
    public func attach(sound: SoundPlayer) {
        soundSync = SoundSync(sound: sound, firstFrame: playback.first, mediaFPS: playback.fps)
    }

    /// Whether a sound is attached but kept silent because playback runs at another rate than
    /// the sound's (its pitch cannot be kept).
    public var soundOffRate: Bool { soundSync.map { $0.isOffRate(playback) } ?? false }

    /// The sound track attached, if any.
    public var sound: SoundPlayer? { soundSync?.sound }

    /// The session's time at monotonic time `now`: `now` itself, or, while sound plays, the time
    /// by the sound device's clock. Playback positions are in this time.
    public func time(at now: Double) -> Double {
        soundSync?.time(at: now) ?? now
    }

    /// Seconds from monotonic `now` until the frame after the one the last `update` found due
    /// (nil while paused); zero or less when it is already due.
    public func secondsToNextFrame(at now: Double) -> Double? {
        let time = time(at: now)
        // Counted from the last tick, not from now: a frame that fell due while the screen was
        // drawn must be shown at once, not skipped by waiting for the one after it.
        let from = lastUpdateTime.map { min($0, time) } ?? time
        return playback.nextFrameTime(after: from).map { $0 - time }
    }

    /// Where playback is at monotonic time `now`.
    public func position(at now: Double) -> Playback.Position {
        playback.position(at: time(at: now))
    }

    /// Longest wait in `playWhenShown` for the first frame before playing anyway.
    public static let prerollLimit = 2.0

    /// Plays from the next `update` that has the due frame on screen (or after `prerollLimit`
    /// seconds), as players do on opening a file: the clock and the sound do not start while the
    /// first frames are still being decoded, so a start drops nothing. Any command cancels it.
    public func playWhenShown(at monotonicNow: Double) {
        playAsked = monotonicNow
    }

    public func perform(_ command: PlayerCommand, at monotonicNow: Double) {
        playAsked = nil
        let now = time(at: monotonicNow)
        switch command {
        case .togglePlay: playback.togglePlay(at: now)
        case .play: playback.play(at: now)
        case .pause: playback.pause(at: now)
        case .step(let count): playback.step(by: count, at: now)
        case .first: playback.seek(to: playback.range.lowerBound, at: now)
        case .last: playback.seek(to: playback.range.upperBound, at: now)
        case .seek(let frame): playback.seek(to: frame, at: now)
        case .shuttleForward: playback.shuttle(.forward, at: now)
        case .shuttleReverse: playback.shuttle(.reverse, at: now)
        case .stop: playback.stop(at: now)
        case .setWorkAreaBegin: playback.setWorkAreaBegin(at: now)
        case .setWorkAreaEnd: playback.setWorkAreaEnd(at: now)
        case .clearWorkArea: playback.setWorkArea(nil, at: now)
        case .setWorkArea(let area): playback.setWorkArea(area, at: now)
        case .cycleMode: playback.cycleMode(at: now)
        case .setMode(let mode): playback.setMode(mode, at: now)
        case .setLoopLimit(let count): playback.setLoopLimit(count, at: now)
        case .slower: playback.stepFPS(faster: false, at: now)
        case .faster: playback.stepFPS(faster: true, at: now)
        case .setFPS(let fps): playback.setFPS(fps, at: now)
        case .clearCache:
            cache.clear()
            ProcessMemory.trim()
        case .toggleMute:
            if let sound { sound.muted.toggle() }
        case .changeVolume(let delta):
            if let sound { sound.volume = ((sound.volume + delta) * 10).rounded() / 10 }
        }
        if command.startsNewEpoch { needsNewEpoch = true }
        soundSync?.follow(playback, at: now)
    }

    /// Shows `source` (frames `frames`) beside this one from the next `update`, its frame
    /// following the playhead through `alignment`, decoded into boxes of `size` by the same
    /// pool and cache (the budget is shared). It is seen through this session's look. The
    /// caller opened `source` and closes it after `stopComparing()`.
    public func compare(with source: any FrameSource, frames: ClosedRange<Int>, alignment: CompareAlignment, size: FrameSize) {
        stopComparing()
        let side = ComparedSource(source: source, frames: frames, alignment: alignment, size: size)
        side.setLook(self.source.look, pool: pool)
        compared = side
        needsNewEpoch = true
    }

    /// Ends the compare: no more of B is decoded, and the frames of B's look (when it is not
    /// its own) leave the cache; the opener releases the rest by closing B.
    public func stopComparing() {
        guard let side = compared else { return }
        compared = nil
        pool.cancelAll()
        side.release(pool: pool)
        needsNewEpoch = true
    }

    /// Whether a compare is on.
    public var isComparing: Bool { compared != nil }

    /// B's frames are drawn into boxes of `newSize` pixels from now on.
    public func resizeCompared(to newSize: FrameSize) {
        guard let side = compared, side.size != newSize else { return }
        side.size = newSize
        needsNewEpoch = true
    }

    /// The size B's frames are decoded at, while comparing.
    public var comparedSize: FrameSize? { compared?.size }

    /// Frames are seen through `look` from now on: the same pictures as another source, decoded
    /// again; the frames of the old look leave the cache (the decodes in flight of them are
    /// cancelled), so a change of look costs no memory.
    public func setLook(_ look: Look) {
        guard look != source.look else { return }
        let old = source
        source = old.with(look: look)
        pool.cancelAll()
        pool.release(old.id)
        compared?.setLook(look, pool: pool)
        needsNewEpoch = true
    }

    /// Frames are drawn into a box of `newSize` pixels from now on: decoded again at that size.
    public func resize(to newSize: FrameSize) {
        guard newSize != size else { return }
        size = newSize
        needsNewEpoch = true
    }

    /// The tick: where playback is at `now` and what is on screen.
    public func update(at monotonicNow: Double) -> FrameView {
        let now = time(at: monotonicNow)
        lastUpdateTime = now
        var position = playback.position(at: now)
        countDrops(position)
        if position.atEnd {
            playback.pause(at: now)
            position = playback.position(at: now)
        }
        soundSync?.follow(playback, at: now)
        lastPosition = position
        lastGeneration = playback.generation
        let due = position.frame
        let focus = DecodeFocus(source: source.id, size: size, play: playback.focus(at: position))
        show(due, focus: focus)
        if let asked = playAsked, shown?.frame == due || monotonicNow - asked >= Self.prerollLimit {
            // From this tick on: the frame on screen is the first one played.
            perform(.play, at: monotonicNow)
        }
        var view = FrameView(due: due, shownFrame: shown?.frame, content: shown?.content)
        var targets = [DecodePool.Target(focus: focus, source: source)]
        if let side = compared {
            view.compared = side.view(forDue: due, cache: cache)
            if let followed = side.focus(following: focus.play) {
                targets.append(DecodePool.Target(focus: followed, source: side.source))
            }
        }
        // The pool plans when the focus moves; the cache can lose a planned frame meanwhile
        // (refused or evicted while the playhead was elsewhere), so while the due frame (A's or
        // B's) is not on screen the pool plans again (it never queues a frame twice, so this
        // costs nothing).
        if focus != lastFocus || needsNewEpoch || !lastDueShown || compared?.isWaiting == true {
            pool.focus(targets, newEpoch: needsNewEpoch)
            lastFocus = focus
            needsNewEpoch = false
        }
        return view
    }

    /// Frames the clock moved past without their being shown: every frame between the last due
    /// frame and this one, and the last one too if it never made it to the screen.
    private func countDrops(_ position: Playback.Position) {
        guard playback.isPlaying, let last = lastPosition, lastGeneration == playback.generation else { return }
        let advanced = position.steps - last.steps
        guard advanced > 0 else { return }
        dropped += advanced - 1 + (lastDueShown ? 0 : 1)
    }

    private func show(_ due: Int, focus: DecodeFocus) {
        guard source.hasFile(due) else {
            shown = (due, .missing)
            lastDueShown = true
            return
        }
        // A frame counts as one hit or one miss, however many ticks look at it.
        let counting = due != lastCountedDue
        lastCountedDue = due
        if let content = cache.lookup(focus.key(due), counting: counting) {
            shown = (due, content)
            lastDueShown = true
            return
        }
        lastDueShown = false
        // Not decoded in time: the newest cached frame between the one on screen and the due one.
        guard playback.isPlaying, let onScreen = shown?.frame else { return }
        for frame in focus.play.behind(16) {
            if frame == onScreen { break }
            if let content = cache.lookup(focus.key(frame), counting: false) {
                shown = (frame, content)
                break
            }
        }
    }

    /// The state of each frame of `frames`, in order, for the timeline's strip: missing where the
    /// sequence has no file, else cached or failed as the cache holds it at the current size,
    /// queued while the pool has it, absent otherwise.
    public func frameStates(_ frames: ClosedRange<Int>) -> [FrameState] {
        let held = cache.states(of: source.id, size: size)
        let pending = pool.pending(source: source.id, size: size)
        return frames.map { frame in
            if !source.hasFile(frame) { return .missing }
            if let state = held[frame] { return state }
            return pending.contains(frame) ? .queued : .absent
        }
    }

    /// The strip's state of each of `columns` (frame ranges), summarised as `FrameState.summary`
    /// does frame by frame, from counts: the cost follows the columns, not the frames held or
    /// the frames under them (the strip is drawn every tick).
    public func frameStates(columns: [ClosedRange<Int>]) -> [FrameState] {
        let counts = cache.counts(of: source.id, size: size, in: columns)
        let pending = pool.pending(source: source.id, size: size)
        return zip(columns, counts).map { frames, count in
            let queued = pending.contains { frames.contains($0) && !cache.contains(FrameKey(source: source.id, frame: $0, size: size)) }
            return FrameState.summary(failed: count.failed > 0, missing: source.missingCount(in: frames) > 0, queued: queued,
                                      allCached: !frames.isEmpty && count.held == frames.count)
        }
    }

    /// The memory figures now.
    public func stats() -> MemoryStats {
        let cacheStats = cache.stats
        let poolStats = pool.stats
        var stats = MemoryStats()
        stats.cacheBytes = cacheStats.bytes
        stats.cacheBudget = cacheStats.budget
        stats.cachedFrames = cacheStats.frames
        stats.hits = cacheStats.hits
        stats.misses = cacheStats.misses
        stats.evictions = cacheStats.evictions
        stats.queued = poolStats.queued
        stats.running = poolStats.running
        stats.epoch = poolStats.epoch
        stats.decodes = poolStats.decodes
        stats.dropped = dropped
        stats.rssBytes = ProcessMemory.residentBytes()
        stats.heapBytes = ProcessMemory.heapBytes()
        stats.audioBytes = AudioMemory.bytes
        stats.decoderBytes = DecoderMemory.bytes
        return stats
    }

    /// Stops the pool's work for this sequence, gives back its frames and closes its source.
    public func close() {
        stopComparing()
        soundSync?.stop()
        pool.cancelAll()
        source.close()
        pool.release(source.id)
        ProcessMemory.trim()
    }
}
