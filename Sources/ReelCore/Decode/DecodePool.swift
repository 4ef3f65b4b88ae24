import Foundation

/// A fixed set of worker threads that decode the frames playback needs next into the frame cache.
///
/// Thread-safe. The player calls `focus` whenever the playhead, the work area, the size or the
/// source changes; the pool then plans the frames it wants — a window ahead of the playhead in
/// play order and a shorter one behind it, never more than the cache budget holds — and queues
/// those that are not cached, queued or being decoded, nearest first. A new epoch (a seek, a new
/// work area, a resize, another file) empties the queue at once, so no job of an old epoch starts
/// afterwards. Nothing here grows with playback time: the queue is at most the window, jobs in
/// flight at most the workers, and each worker reuses its buffers (`DecodeScratch`).
/// Workers keep the pool alive until `stop()`.
public final class DecodePool: @unchecked Sendable {
    /// How far ahead of and behind the playhead frames are decoded (as tlRender's read-ahead and
    /// read-behind).
    public struct Window: Sendable {
        public var ahead: Int
        public var behind: Int

        public init(ahead: Int = 48, behind: Int = 12) {
            self.ahead = max(1, ahead)
            self.behind = max(0, behind)
        }

        public var total: Int { ahead + behind }
    }

    /// The pool's work at one moment.
    public struct Stats: Equatable, Sendable {
        public var queued = 0
        public var running = 0
        public var epoch = 0
        /// Frames decoded since the pool started.
        public var decodes = 0
        /// Jobs that left the queue unstarted: an old epoch, or out of the window.
        public var discarded = 0
    }

    private struct Job {
        var key: FrameKey
        var epoch: Int
        var source: any FrameSource
    }

    /// Guarded by `condition`.
    private struct State {
        var queue: [Job] = []
        var inFlight: Set<FrameKey> = []
        /// Sources given back (`release`) while a decode of theirs was in flight: what it
        /// finishes is dropped, not cached. Emptied as those decodes end.
        var released: Set<SourceID> = []
        var stats = Stats()
        var stopping = false
        var workers = 0
    }

    public let cache: FrameCache
    public let window: Window
    public let threadCount: Int
    private let wake: @Sendable () -> Void
    private let condition = NSCondition()
    private var state = State()

    /// Starts `threads` workers (default one per core) that decode into `cache`; `wake` is called
    /// from a worker after each frame it finishes.
    public init(cache: FrameCache, threads: Int? = nil, window: Window = Window(),
                wake: @escaping @Sendable () -> Void = {}) {
        self.cache = cache
        self.window = window
        self.threadCount = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        self.wake = wake
        state.workers = threadCount
        for index in 0..<threadCount {
            let thread = Thread { [self] in work() }
            thread.name = "reel-decode-\(index)"
            thread.start()
        }
    }

    public var stats: Stats {
        condition.lock()
        defer { condition.unlock() }
        var stats = state.stats
        stats.queued = state.queue.count
        stats.running = state.inFlight.count
        return stats
    }

    /// Frames of `source` at `size` waiting in the queue or being decoded now.
    public func pending(source: SourceID, size: FrameSize) -> Set<Int> {
        condition.lock()
        defer { condition.unlock() }
        var frames = Set(state.inFlight.lazy.filter { $0.source == source && $0.size == size }.map(\.frame))
        for job in state.queue where job.key.source == source && job.key.size == size { frames.insert(job.key.frame) }
        return frames
    }

    /// What to decode for one source: where its playback is, and the source itself.
    public struct Target: Sendable {
        public var focus: DecodeFocus
        public var source: any FrameSource

        public init(focus: DecodeFocus, source: any FrameSource) {
            precondition(focus.source == source.id, "the focus names the source it is for")
            self.focus = focus
            self.source = source
        }
    }

    /// Plans decoding around `focus`. With `newEpoch` (a seek, a new work area, a resize, another
    /// file) every queued job is dropped first; otherwise jobs still wanted keep their place
    /// (reordered by the new playhead) and those no longer wanted leave.
    public func focus(_ focus: DecodeFocus, source: any FrameSource, newEpoch: Bool) {
        self.focus([Target(focus: focus, source: source)], newEpoch: newEpoch)
    }

    /// Plans decoding around each of `targets` at once (an A/B compare plays two sources): the
    /// budget is shared by the frames of all of them, and their frames are queued in turn,
    /// nearest first, so both sides of a compare arrive together.
    public func focus(_ targets: [Target], newEpoch: Bool) {
        for target in targets { cache.setFocus(target.focus) }
        // Which frames are wanted, nearest first; the cache budget bounds how many are worth it.
        let fits = max(1, cache.budget / max(1, targets.reduce(0) { $0 + $1.focus.size.rgbBytes }))
        let wanted = targets.map { target in
            (keys: wantedFrames(target.focus, source: target.source, fits: fits), source: target.source)
        }
        var candidates: [(key: FrameKey, source: any FrameSource)] = []
        for rank in 0..<(wanted.map(\.keys.count).max() ?? 0) {
            for side in wanted where rank < side.keys.count { candidates.append((side.keys[rank], side.source)) }
        }

        condition.lock()
        defer { condition.unlock() }
        if newEpoch {
            state.stats.epoch += 1
        }
        let epoch = state.stats.epoch
        // Asked of the cache under the pool's lock: a worker finishing now is either still in
        // flight or already cached, never neither.
        let absent = Set(cache.absent(candidates.map(\.key)))
        let plan = candidates.filter { absent.contains($0.key) && !state.inFlight.contains($0.key) }
        let planned = Set(plan.map(\.key))
        state.stats.discarded += state.queue.count(where: { $0.epoch != epoch || !planned.contains($0.key) })
        state.queue = plan.map { Job(key: $0.key, epoch: epoch, source: $0.source) }
        if !state.queue.isEmpty { condition.broadcast() }
    }

    /// The frames of `source` worth decoding around `focus`, nearest first, when `fits` frames
    /// fit the budget.
    private func wantedFrames(_ focus: DecodeFocus, source: any FrameSource, fits: Int) -> [FrameKey] {
        // A range that does not fit is read ahead only as far as the workers need to keep
        // up, so the rest of the budget keeps the frames the cache ranks next: those at the start
        // of the loop, which a sliding window as deep as the budget would evict every loop.
        // Frames behind the playhead are read only then: otherwise the cache would evict them
        // as soon as they came, and they would be decoded again at every step.
        let rangeFits = focus.play.range.count <= fits
        let ahead = focus.play.upcoming(min(window.ahead, fits, rangeFits ? fits : max(2 * threadCount, fits / 4)))
        let aheadSet = Set(ahead)
        let behindCount = rangeFits ? max(0, min(window.behind, fits - ahead.count)) : 0
        let behind = focus.play.behind(behindCount).filter { !aheadSet.contains($0) }
        return (ahead + behind).filter(source.hasFile).map(focus.key)
    }

    /// Empties the queue and starts a new epoch without planning anything (a file closed).
    public func cancelAll() {
        condition.lock()
        defer { condition.unlock() }
        state.stats.epoch += 1
        state.stats.discarded += state.queue.count
        state.queue.removeAll()
    }

    /// Gives back everything of `source`: its queued jobs leave, a decode of it in flight is
    /// dropped when it ends instead of cached, and its frames leave the cache; nothing of it
    /// lands in the cache afterwards (a file closed, a look changed, a compare ended).
    public func release(_ source: SourceID) {
        condition.lock()
        defer { condition.unlock() }
        let before = state.queue.count
        state.queue.removeAll { $0.key.source == source }
        state.stats.discarded += before - state.queue.count
        if state.inFlight.contains(where: { $0.source == source }) { state.released.insert(source) }
        // Under the pool's lock, as workers land their frames: none can slip in after this.
        cache.release(source)
    }

    /// Stops the workers once their current frame is done, and waits for them.
    public func stop() {
        condition.lock()
        defer { condition.unlock() }
        state.stopping = true
        state.stats.discarded += state.queue.count
        state.queue.removeAll()
        condition.broadcast()
        while state.workers > 0 { condition.wait() }
    }

    /// One worker's life: take the nearest job, decode it, put it in the cache.
    private func work() {
        let scratch = DecodeScratch(limit: FrameLimit(cacheBudget: cache.budget),
                                    recycled: { [cache] count in cache.takeSpare(count: count) })
        while let job = nextJob() {
            let key = job.key
            let content = job.source.decode(
                key.frame, fitting: key.size, scratch: scratch,
                isCached: { [cache] in cache.contains(FrameKey(source: key.source, frame: $0, size: key.size)) },
                alongside: { [self] frame, content in
                    condition.lock()
                    defer { condition.unlock() }
                    land(FrameKey(source: key.source, frame: frame, size: key.size), content)
                })
            scratch.trim()
            condition.lock()
            // Into the cache as it leaves the in-flight set, under one lock, so that planning
            // sees it in one or the other and never queues it again.
            if let content { land(key, content) }
            state.inFlight.remove(job.key)
            if state.released.contains(key.source), !state.inFlight.contains(where: { $0.source == key.source }) {
                state.released.remove(key.source)
            }
            condition.unlock()
            wake()
        }
    }

    /// A decoded frame into the cache, unless its source was released meanwhile; counted before
    /// anyone can see it, so figures read after it shows include it. The caller holds the lock.
    private func land(_ key: FrameKey, _ content: FrameContent) {
        state.stats.decodes += 1
        guard !state.released.contains(key.source) else { return }
        cache.insert(key, content)
    }

    /// Waits for a job and marks it in flight; nil when the pool stops.
    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while state.queue.isEmpty && !state.stopping { condition.wait() }
        guard !state.stopping else {
            state.workers -= 1
            condition.broadcast()
            return nil
        }
        let job = state.queue.removeFirst()
        state.inFlight.insert(job.key)
        return job
    }
}
