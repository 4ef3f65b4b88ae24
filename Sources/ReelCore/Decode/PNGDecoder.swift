import CPNG

/// Decodes PNG files to 8-bit RGBA with libpng's simplified API (`png_image_begin_read_from_memory`,
/// `png_image_finish_read`).
///
/// Stateless; safe from any thread (each call has its own `png_image`). Errors never abort the
/// process: the simplified API reports them in the `png_image`, not through longjmp.
public enum PNGDecoder {
    /// Widest or tallest frame Reel decodes; a header claiming more is refused before allocating.
    public static let maxSide = 16384
    /// Largest decoded frame in bytes (RGBA).
    public static let maxBytes = 1 << 30
    /// Largest PNG file read into memory.
    static let maxFileBytes = 1 << 30

    /// The size a PNG file's header claims, without decoding its pixels.
    public static func size(path: String) throws(MediaError) -> (width: Int, height: Int) {
        let bytes = try FileBytes.read(path: path, limit: maxFileBytes)
        return try withImage(bytes: bytes, path: path) { (image) throws(MediaError) in
            (Int(image.pointee.width), Int(image.pointee.height))
        }
    }

    /// Decodes a PNG file to RGBA.
    public static func decode(path: String) throws(MediaError) -> RGBAImage {
        let bytes = try FileBytes.read(path: path, limit: maxFileBytes)
        return try decode(bytes: bytes, path: path)
    }

    /// Decodes PNG bytes to RGBA; `path` only names the file in errors.
    public static func decode(bytes: [UInt8], path: String) throws(MediaError) -> RGBAImage {
        try withImage(bytes: bytes, path: path) { (image) throws(MediaError) in
            let width = Int(image.pointee.width)
            let height = Int(image.pointee.height)
            // 16-bit files are read as 16-bit linear and converted here: libpng's own 16-to-8-bit
            // path corrupts Adam7-interlaced files (pnggroup/libpng#853, in Debian's 1.6.39).
            let wide = reel_png_format_is_linear(image.pointee.format) != 0
            image.pointee.format = wide ? reel_png_format_linear_rgba() : reel_png_format_rgba()
            let pixels = wide
                ? LinearToSRGB.convert(try finishRead(image, as: UInt16.self, path: path))
                : try finishRead(image, as: UInt8.self, path: path)
            return RGBAImage(width: width, height: height, pixels: pixels)
        }
    }

    /// The pixels, four channels of `Channel` each (`png_image_finish_read`).
    private static func finishRead<Channel: FixedWidthInteger>(
        _ image: UnsafeMutablePointer<png_image>, as _: Channel.Type, path: String
    ) throws(MediaError) -> [Channel] {
        var pixels = [Channel](repeating: 0, count: Int(image.pointee.width) * Int(image.pointee.height) * 4)
        let ok = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(image, nil, buffer.baseAddress, 0, nil)
        }
        guard ok != 0 else { throw .badPNG(path: path, reason: image.pointee.reason) }
        return pixels
    }

    /// Runs `body` on a `png_image` whose header has been read from `bytes` and checked against
    /// the size limits, and frees the image afterwards whatever happens.
    private static func withImage<T>(
        bytes: [UInt8], path: String,
        _ body: (UnsafeMutablePointer<png_image>) throws(MediaError) -> T
    ) throws(MediaError) -> T {
        try PNGChunkCheck.validate(bytes, path: path)
        var image = png_image()
        image.version = reel_png_image_version()
        // `withUnsafeBytes` only rethrows untyped errors, so the outcome travels as a Result.
        let outcome = bytes.withUnsafeBytes { raw in
            withUnsafeMutablePointer(to: &image) { pointer -> Result<T, MediaError> in
                defer { png_image_free(pointer) }
                guard png_image_begin_read_from_memory(pointer, raw.baseAddress, raw.count) != 0 else {
                    return .failure(.badPNG(path: path, reason: pointer.pointee.reason))
                }
                let width = Int(pointer.pointee.width)
                let height = Int(pointer.pointee.height)
                guard width <= maxSide, height <= maxSide, width * height * 4 <= maxBytes else {
                    return .failure(.imageTooLarge(path: path, width: width, height: height))
                }
                do throws(MediaError) {
                    return .success(try body(pointer))
                } catch {
                    return .failure(error)
                }
            }
        }
        return try outcome.get()
    }
}

extension png_image {
    /// libpng's message for the last warning or error, as one line.
    var reason: String {
        withUnsafeBytes(of: message) { raw in
            let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            return text.isEmpty ? "libpng gave no reason" : text
        }
    }
}
