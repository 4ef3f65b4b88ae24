/// A decoded picture: 8-bit sRGB red, green, blue, alpha per pixel, rows top to bottom, no row padding.
///
/// A value; the pixel buffer is owned by the value (copy-on-write).
public struct RGBAImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "RGBA buffer size must be width × height × 4")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Bytes the pixel buffer holds.
    public var byteCount: Int { pixels.count }
}
