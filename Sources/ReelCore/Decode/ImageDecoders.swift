/// The one place a frame's file is decoded by its format: PNG through libpng, JPEG through
/// libjpeg-turbo, TIFF through libtiff, EXR through OpenEXR's C core, DPX through Reel's own
/// reader, each to 8-bit RGB fitting a box.
///
/// Stateless; safe from any thread.
public enum ImageDecoders {
    /// The size the file's header claims, without decoding its pixels.
    public static func size(path: String) throws(MediaError) -> (width: Int, height: Int) {
        switch try format(of: path) {
        case .png: return try PNGDecoder.size(path: path)
        case .jpeg: return try JPEGDecoder.size(path: path)
        case .dpx: return try DPXDecoder.size(path: path)
        case .tiff: return try TIFFDecoder.size(path: path)
        case .exr: return try EXRDecoder.size(path: path)
        }
    }

    /// What the file's header says of its samples (depth, channels, alpha, timecode).
    public static func describe(path: String) throws(MediaError) -> ImageDescription {
        switch try format(of: path) {
        case .png: return try PNGDecoder.describe(path: path)
        case .jpeg: return try JPEGDecoder.describe(path: path)
        case .dpx: return try DPXDecoder.describe(path: path)
        case .tiff: return try TIFFDecoder.describe(path: path)
        case .exr: return try EXRDecoder.describe(path: path)
        }
    }

    /// The file decoded to fit `box` and seen through `look`, with `scratch`'s buffers.
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   look: Look = .identity) throws(MediaError) -> RGBImage {
        switch try format(of: path) {
        case .png: return try PNGDecoder.decodeFrame(path: path, fitting: box, scratch: scratch, look: look)
        case .jpeg:
            var image = try JPEGDecoder.decodeFrame(path: path, fitting: box, scratch: scratch)
            look.apply(rgb: &image)
            return image
        case .dpx: return try DPXDecoder.decodeFrame(path: path, fitting: box, scratch: scratch, look: look)
        case .tiff: return try TIFFDecoder.decodeFrame(path: path, fitting: box, scratch: scratch, look: look)
        case .exr: return try EXRDecoder.decodeFrame(path: path, fitting: box, scratch: scratch, look: look)
        }
    }

    static func format(of path: String) throws(MediaError) -> ImageFormat {
        guard let format = ImageFormat(fileName: splitPath(path).name) else {
            throw .notMedia(path: path, reason: "not a \(ImageFormat.list) file")
        }
        return format
    }
}
