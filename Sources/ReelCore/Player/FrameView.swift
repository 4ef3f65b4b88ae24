/// What the player shows at one tick: the frame that is due, and the frame on screen with its content.
///
/// They differ while the due frame is still being decoded: the newest cached frame before it
/// stays on screen meanwhile (nil before anything was decoded).
public struct FrameView: Equatable, Sendable {
    public var due: Int
    public var shownFrame: Int?
    public var content: FrameContent?

    /// The due frame is on screen.
    public var isCurrent: Bool { shownFrame == due }
}
