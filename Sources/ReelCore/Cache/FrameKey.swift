import Synchronization

/// Names one open source (a sequence) for as long as it is open; never reused within a process.
public struct SourceID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    private static let counter = Atomic<Int>(0)

    /// A name no source of this process had before.
    public static func next() -> SourceID {
        SourceID(rawValue: counter.add(1, ordering: .relaxed).newValue)
    }

    public var description: String { "source \(rawValue)" }
}

/// The box a frame is drawn into, in pixels: frames are decoded and cached scaled to fit it.
public struct FrameSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }

    /// Bytes of an RGB frame filling the box.
    public var rgbBytes: Int { width * height * 3 }
}

/// One decoded frame in the global cache: which source, which frame, drawn into which box.
public struct FrameKey: Hashable, Sendable, CustomStringConvertible {
    public var source: SourceID
    public var frame: Int
    public var size: FrameSize

    public init(source: SourceID, frame: Int, size: FrameSize) {
        self.source = source
        self.frame = frame
        self.size = size
    }

    public var description: String { "\(source) frame \(frame) at \(size)" }
}

/// What the player is showing of one source: the box its frames are drawn into and where
/// playback is. The decode pool plans its work by it; the frame cache keeps frames by it.
extension FrameKey {
    /// A fixed order of keys (source, size, frame), to choose between frames the cache wants
    /// equally (two sources' frames needed after the same number of frames).
    func precedes(_ other: FrameKey) -> Bool {
        (source.rawValue, size.width, size.height, frame) < (other.source.rawValue, other.size.width, other.size.height, other.frame)
    }
}

public struct DecodeFocus: Hashable, Sendable {
    public var source: SourceID
    public var size: FrameSize
    public var play: PlayFocus

    public init(source: SourceID, size: FrameSize, play: PlayFocus) {
        self.source = source
        self.size = size
        self.play = play
    }

    public func key(_ frame: Int) -> FrameKey { FrameKey(source: source, frame: frame, size: size) }
}

extension FrameSize {
    /// Reads `WxH` (`1920x1080`); nil unless both are between 1 and `FrameLimit.maxSide`.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...FrameLimit.maxSide).contains(width), (1...FrameLimit.maxSide).contains(height) else { return nil }
        self.init(width: width, height: height)
    }
}
