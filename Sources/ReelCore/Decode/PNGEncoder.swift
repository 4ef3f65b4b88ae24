import CPNG

/// Writes 8-bit RGB PNG files with libpng's simplified API (`png_image_write_to_file`).
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
}
