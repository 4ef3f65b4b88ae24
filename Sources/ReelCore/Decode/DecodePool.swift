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

    /// Plans decoding around `focus`. With `newEpoch` (a seek, a new work area, a resize, another
    /// file) every queued job is dropped first; otherwise jobs still wanted keep their place
    /// (reordered by the new playhead) and those no longer wanted leave.
    public func focus(_ focus: DecodeFocus, source: any FrameSource, newEpoch: Bool) {
        precondition(focus.source == source.id, "the focus names the source it is for")
        cache.setFocus(focus)
        // Which frames are wanted, nearest first; the cache budget bounds how many are worth it.
        let fits = max(1, cache.budget / max(1, focus.size.rgbBytes))
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
        let candidates = (ahead + behind).filter(source.hasFile).map(focus.key)

        condition.lock()
        defer { condition.unlock() }
        if newEpoch {
            state.stats.epoch += 1
        }
        let epoch = state.stats.epoch
        // Asked of the cache under the pool's lock: a worker finishing now is either still in
        // flight or already cached, never neither.
        let plan = cache.absent(candidates).filter { !state.inFlight.contains($0) }
        let planned = Set(plan)
        state.stats.discarded += state.queue.count(where: { $0.epoch != epoch || !planned.contains($0.key) })
        state.queue = plan.map { Job(key: $0, epoch: epoch, source: source) }
        if !state.queue.isEmpty { condition.broadcast() }
    }

    /// Empties the queue and starts a new epoch without planning anything (a file closed).
    public func cancelAll() {
        condition.lock()
        defer { condition.unlock() }
        state.stats.epoch += 1
        state.stats.discarded += state.queue.count
        state.queue.removeAll()
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
                    state.stats.decodes += 1
                    condition.unlock()
                    cache.insert(FrameKey(source: key.source, frame: frame, size: key.size), content)
                })
            scratch.trim()
            // Counted before anyone can see the frame, so figures read after it shows include it.
            condition.lock()
            if content != nil { state.stats.decodes += 1 }
            condition.unlock()
            // Into the cache before leaving the in-flight set, so that planning in between sees
            // it in one or the other and never queues it again.
            if let content { cache.insert(key, content) }
            condition.lock()
            state.inFlight.remove(job.key)
            condition.unlock()
            wake()
        }
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
