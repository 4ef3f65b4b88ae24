/// The B side of an A/B compare: a second source whose frame follows A's playhead through a
/// `CompareAlignment`, decoded by the same pool into the same cache (under its own source id, so
/// both share the one budget) at a size of its own.
///
/// Not thread-safe: the `PlayerSession` that holds it calls it from its owner's loop. It does
/// not own the source: whoever opened it closes it; `release()` gives back the frames of the look
/// it was seen through, when that is not the source's own.
final class ComparedSource {
    private(set) var source: any FrameSource
    /// The source as opened (its own look), which its opener releases.
    let opened: any FrameSource
    let frames: ClosedRange<Int>
    let alignment: CompareAlignment
    var size: FrameSize
    private var shown: (frame: Int, content: FrameContent)?
    /// The last `view` found B's frame in B's range but not yet decoded.
    private(set) var isWaiting = false

    init(source: any FrameSource, frames: ClosedRange<Int>, alignment: CompareAlignment, size: FrameSize) {
        self.source = source
        self.opened = source
        self.frames = frames
        self.alignment = alignment
        self.size = size
    }

    /// What A's decode focus `focus` asks of B: its aligned frame, in A's range as B has it; nil
    /// when A's range has nothing of B.
    func focus(following focus: PlayFocus) -> DecodeFocus? {
        guard let range = alignment.range(for: focus.range, within: frames) else { return nil }
        let play = PlayFocus(frame: alignment.frame(for: focus.frame), range: range, direction: focus.direction, mode: focus.mode)
        return DecodeFocus(source: source.id, size: size, play: play)
    }

    /// B's view for A's due frame `due`: its frame when cached, else the last one shown (a scrub
    /// shows B a little behind rather than blank); no content when B has no such frame.
    func view(forDue due: Int, cache: FrameCache) -> CompareView {
        let frame = alignment.frame(for: due)
        isWaiting = false
        guard frames.contains(frame) else { return CompareView(due: frame, shownFrame: nil, content: nil) }
        if !source.hasFile(frame) {
            shown = (frame, .missing)
        } else if let content = cache.lookup(FrameKey(source: source.id, frame: frame, size: size), counting: false) {
            shown = (frame, content)
        } else {
            isWaiting = true
        }
        return CompareView(due: frame, shownFrame: shown?.frame, content: shown?.content)
    }

    /// B is seen through `look` from now on (as A is): the old look's frames leave the cache
    /// unless they are the opened source's, which its opener releases.
    func setLook(_ look: Look, pool: DecodePool) {
        guard look != source.look else { return }
        let old = source
        source = look == opened.look ? opened : opened.with(look: look)
        if old.id != opened.id { pool.release(old.id) }
        shown = nil
    }

    /// Gives back the frames of a look other than the opened source's.
    func release(pool: DecodePool) {
        if source.id != opened.id { pool.release(source.id) }
    }
}
