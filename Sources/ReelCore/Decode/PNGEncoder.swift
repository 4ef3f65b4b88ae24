import CPNG

/// Writes 8-bit RGB PNG files and PNG bytes with libpng's simplified API (`png_image_write_to_file`,
/// `png_image_write_to_memory`).
///
/// Stateless; safe from any thread.
public enum PNGEncoder {
    /// Writes `image` to `path`, replacing what is there.
    public static func write(_ image: RGBImage, to path: String) throws(MediaError) {
        var info = png_image()
        info.version = reel_png_image_version()
        info.width = UInt32(image.width)
        info.height = UInt32(image.height)
        info.format = reel_png_format_rgb()
        let ok = image.pixels.withUnsafeBytes { raw in
            png_image_write_to_file(&info, path, 0, raw.baseAddress, 0, nil)
        }
        let reason = info.reason
        png_image_free(&info)
        guard ok != 0 else { throw .writeFailed(path: path, reason: reason) }
    }

    /// `image` as the bytes of a PNG file (`png_image_write_to_memory`).
    public static func encode(_ image: RGBImage) throws(MediaError) -> [UInt8] {
        var info = png_image()
        info.version = reel_png_image_version()
        info.width = UInt32(image.width)
        info.height = UInt32(image.height)
        info.format = reel_png_format_rgb()
        // Room for the pixels stored (deflate's worst case is a little over them), filter
        // bytes and chunks; a picture that needs more is told so and written again.
        var capacity = image.pixels.count + image.pixels.count / 100 + image.height + 4096
        for _ in 0..<2 {
            var size = png_alloc_size_t(capacity)
            var ok: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                ok = image.pixels.withUnsafeBytes { raw in
                    png_image_write_to_memory(&info, buffer.baseAddress, &size, 0, raw.baseAddress, 0, nil)
                }
                count = ok != 0 ? Int(size) : 0
            }
            if ok != 0 {
                png_image_free(&info)
                return bytes
            }
            guard Int(size) > capacity else { break }
            capacity = Int(size)
            info.warning_or_error = 0
        }
        let reason = info.reason
        png_image_free(&info)
        throw .writeFailed(path: "(memory)", reason: reason)
    }
}
