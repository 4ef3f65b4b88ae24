import CPNG

/// Decodes PNG files to 8-bit RGBA with libpng's simplified API (`png_image_begin_read_from_memory`,
/// `png_image_finish_read`).
///
/// Stateless; safe from any thread (each call has its own `png_image`). Errors never abort the
/// process: the simplified API reports them in the `png_image`, not through longjmp.
public enum PNGDecoder {
    /// Largest PNG file read into memory.
    static let maxFileBytes = 1 << 30

    /// The size a PNG file's header claims, without decoding its pixels.
    public static func size(path: String, limit: FrameLimit = .standalone) throws(MediaError) -> (width: Int, height: Int) {
        let bytes = try FileBytes.read(path: path, limit: maxFileBytes)
        return try withImage(bytes: bytes, count: bytes.count, path: path, limit: limit) { (image) throws(MediaError) in
            (Int(image.pointee.width), Int(image.pointee.height))
        }
    }

    /// Bit depth, channels and alpha from the IHDR chunk (colour type 0 grey, 2 RGB, 3 palette,
    /// 4 grey and alpha, 6 RGBA); the file's header is checked by `size` first.
    public static func describe(path: String) throws(MediaError) -> ImageDescription {
        _ = try size(path: path)
        let header = try FileBytes.read(path: path, prefix: 26)
        guard header.count == 26 else { throw .badPNG(path: path, reason: "no IHDR chunk") }
        let type = header[25]
        let channels = [0: 1, 2: 3, 3: 3, 4: 2, 6: 4][Int(type)] ?? 3
        return ImageDescription(format: .png, bitDepth: Int(header[24]), channels: channels, hasAlpha: type == 4 || type == 6)
    }

    /// Decodes a PNG file to RGBA.
    public static func decode(path: String, limit: FrameLimit = .standalone) throws(MediaError) -> RGBAImage {
        let bytes = try FileBytes.read(path: path, limit: maxFileBytes)
        return try decode(bytes: bytes, path: path, limit: limit)
    }

    /// Decodes PNG bytes to RGBA; `path` only names the file in errors.
    public static func decode(bytes: [UInt8], path: String, limit: FrameLimit = .standalone) throws(MediaError) -> RGBAImage {
        try withImage(bytes: bytes, count: bytes.count, path: path, limit: limit) { (image) throws(MediaError) in
            var pixels: [UInt8] = []
            try finishReadRGBA(image, into: &pixels, path: path)
            return RGBAImage(width: Int(image.pointee.width), height: Int(image.pointee.height), pixels: pixels)
        }
    }

    /// Decodes a PNG file to a frame that fits `box` (aspect kept), with `scratch`'s buffers.
    ///
    /// An opaque 8-bit file shown at its own size goes from libpng straight into the frame's
    /// buffer, with no copy — a spare buffer of an evicted frame when the cache has one: that is
    /// every frame of a review at 1:1. Anything else is read as RGBA into the scratch buffer and
    /// scaled (and composited over black) from there.
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   look: Look = .identity) throws(MediaError) -> RGBImage {
        let count = try FileBytes.read(path: path, limit: maxFileBytes, into: &scratch.fileBytes)
        return try withImage(bytes: scratch.fileBytes, count: count, path: path, limit: scratch.limit) { (image) throws(MediaError) in
            let width = Int(image.pointee.width)
            let height = Int(image.pointee.height)
            let fitted = AreaScaler.fit(width: width, height: height, maxWidth: box.width, maxHeight: box.height)
            let format = image.pointee.format
            if fitted == (width, height) && reel_png_format_has_alpha(format) == 0 && reel_png_format_is_linear(format) == 0 {
                image.pointee.format = reel_png_format_rgb()
                let count = width * height * 3
                var ok = false
                let pixels: [UInt8]
                if var spare = scratch.recycled(count) {
                    ok = spare.withUnsafeMutableBytes { finishRead(image, into: $0) }
                    pixels = spare
                } else {
                    pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                        ok = finishRead(image, into: UnsafeMutableRawBufferPointer(buffer))
                        initialized = ok ? count : 0
                    }
                }
                guard ok else { throw .badPNG(path: path, reason: image.pointee.reason) }
                var frame = RGBImage(width: width, height: height, pixels: pixels)
                look.apply(rgb: &frame)
                return frame
            }
            try finishReadRGBA(image, into: &scratch.rgba, path: path)
            if look != .identity {
                scratch.rgba.withUnsafeMutableBufferPointer { look.apply(rgba: $0.baseAddress!, count: width * height, width: width, exposed: false) }
            }
            return scratch.rgba.withUnsafeBufferPointer { pixels in
                AreaScaler.scale(pixels, width: width, height: height, to: fitted.width, fitted.height,
                                 scratch: &scratch.scaler)
            }
        }
    }

    /// Reads the pixels as 8-bit RGBA into the front of `pixels`, growing it only when too small
    /// (a new, empty array comes back exactly the picture's size).
    private static func finishReadRGBA(
        _ image: UnsafeMutablePointer<png_image>, into pixels: inout [UInt8], path: String
    ) throws(MediaError) {
        let count = Int(image.pointee.width) * Int(image.pointee.height) * 4
        // 16-bit files are read as 16-bit linear and converted here: libpng's own 16-to-8-bit
        // path corrupts Adam7-interlaced files (pnggroup/libpng#853, in Debian's 1.6.39).
        if reel_png_format_is_linear(image.pointee.format) != 0 {
            image.pointee.format = reel_png_format_linear_rgba()
            var wide = [UInt16](repeating: 0, count: count)
            guard wide.withUnsafeMutableBytes({ finishRead(image, into: $0) }) else {
                throw .badPNG(path: path, reason: image.pointee.reason)
            }
            pixels = LinearToSRGB.convert(wide)
            return
        }
        image.pointee.format = reel_png_format_rgba()
        if pixels.count < count { pixels = [UInt8](repeating: 0, count: count) }
        guard pixels.withUnsafeMutableBytes({ finishRead(image, into: $0) }) else {
            throw .badPNG(path: path, reason: image.pointee.reason)
        }
    }

    /// `png_image_finish_read` into `buffer`, which holds the whole picture in the image's
    /// format; false when libpng failed (its reason is in the image).
    private static func finishRead(_ image: UnsafeMutablePointer<png_image>, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        png_image_finish_read(image, nil, buffer.baseAddress, 0, nil) != 0
    }

    /// Runs `body` on a `png_image` whose header has been read from the first `count` of `bytes`
    /// and checked against `limit` (what its decode will hold: 4 bytes a pixel, 12 for 16-bit
    /// files, read wide then narrowed), and frees the image afterwards whatever happens.
    private static func withImage<T>(
        bytes: [UInt8], count: Int, path: String, limit: FrameLimit,
        _ body: (UnsafeMutablePointer<png_image>) throws(MediaError) -> T
    ) throws(MediaError) -> T {
        var image = png_image()
        image.version = reel_png_image_version()
        // `withUnsafeBytes` only rethrows untyped errors, so the outcome travels as a Result.
        let outcome = bytes.withUnsafeBytes { whole in
            let raw = UnsafeRawBufferPointer(rebasing: whole.prefix(count))
            do throws(MediaError) {
                // An empty file is not a PNG, whatever libpng's "invalid argument" suggests.
                guard !raw.isEmpty else { throw MediaError.notMedia(path: path, reason: "the file is empty (0 bytes)") }
                try PNGChunkCheck.validate(raw, path: path)
            } catch {
                return Result<T, MediaError>.failure(error)
            }
            return withUnsafeMutablePointer(to: &image) { pointer -> Result<T, MediaError> in
                defer { png_image_free(pointer) }
                guard png_image_begin_read_from_memory(pointer, raw.baseAddress, raw.count) != 0 else {
                    return .failure(.badPNG(path: path, reason: pointer.pointee.reason))
                }
                let width = Int(pointer.pointee.width)
                let height = Int(pointer.pointee.height)
                let perPixel = reel_png_format_is_linear(pointer.pointee.format) != 0 ? 12 : 4
                guard limit.allows(width: width, height: height, bytesPerPixel: perPixel) else {
                    return .failure(.imageTooLarge(path: path, width: width, height: height, limit: limit.bytes))
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
