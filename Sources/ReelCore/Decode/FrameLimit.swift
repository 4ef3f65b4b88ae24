/// What decoding one frame may cost, checked against a file's claims before anything is
/// allocated: every decoder asks `allows` with the bytes its decode needs at the declared size.
///
/// The limit follows the cache budget, because a frame far larger than what the cache holds
/// is not one a review needs, but stays between 256 MiB (4K at 16 bits per channel decodes) and
/// 1 GiB (a hard ceiling, whatever the budget). A value; safe anywhere.
public struct FrameLimit: Equatable, Sendable {
    public static let ceiling = 1 << 30
    public static let floor = 256 << 20
    /// Widest or tallest frame any decoder accepts.
    public static let maxSide = 16384
    /// The most a deflate stream can inflate (258 bytes from 2 bits, plus framing): a PNG whose
    /// declared pixels need more than this many times its image data is lying about its size.
    public static let deflateRatio = 1032

    /// Bytes one frame's decode may hold.
    public let bytes: Int

    public init(bytes: Int) {
        self.bytes = min(Self.ceiling, max(1, bytes))
    }

    /// The limit for a cache of `cacheBudget` bytes: an eighth of it, within floor and ceiling.
    public init(cacheBudget: Int) {
        self.init(bytes: max(Self.floor, cacheBudget / 8))
    }

    /// For one-off decodes (probe, render): the ceiling.
    public static let standalone = FrameLimit(bytes: ceiling)

    /// Whether a frame of `width` × `height` that needs `bytesPerPixel` bytes a pixel to decode fits.
    public func allows(width: Int, height: Int, bytesPerPixel: Int) -> Bool {
        guard width > 0, height > 0, width <= Self.maxSide, height <= Self.maxSide else { return false }
        return width * height * bytesPerPixel <= bytes
    }
}
