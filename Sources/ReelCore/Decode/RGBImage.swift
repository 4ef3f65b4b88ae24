/// A picture ready to draw: 8-bit red, green, blue per pixel (alpha already composited), rows top to bottom.
///
/// A value; the pixel buffer is owned by the value (copy-on-write).
public struct RGBImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "RGB buffer size must be width × height × 3")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel at (x, y).
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Bytes the pixel buffer holds.
    public var byteCount: Int { pixels.count }
}
