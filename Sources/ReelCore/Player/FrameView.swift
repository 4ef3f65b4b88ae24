/// What the player shows at one tick: the frame that is due, and the frame on screen with its content.
///
/// They differ while the due frame is still being decoded: the newest cached frame before it
/// stays on screen meanwhile (nil before anything was decoded).
public struct FrameView: Equatable, Sendable {
    public var due: Int
    public var shownFrame: Int?
    public var content: FrameContent?
    /// While comparing, B's view: its frame for this due frame, and what is on screen of it
    /// (no content when B has no such frame, or nothing of it is decoded yet).
    public var compared: CompareView?

    /// The due frame is on screen.
    public var isCurrent: Bool { shownFrame == due }

    public init(due: Int, shownFrame: Int?, content: FrameContent?) {
        self.due = due
        self.shownFrame = shownFrame
        self.content = content
    }
}

/// B's side of a `FrameView`: the frame aligned with A's due frame and what is on screen of B.
public struct CompareView: Equatable, Sendable {
    public var due: Int
    public var shownFrame: Int?
    public var content: FrameContent?

    public init(due: Int, shownFrame: Int?, content: FrameContent?) {
        self.due = due
        self.shownFrame = shownFrame
        self.content = content
    }
}
