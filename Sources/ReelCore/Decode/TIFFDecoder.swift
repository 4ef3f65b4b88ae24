import CTIFF
#if canImport(Glibc)
import Glibc
#endif

/// Decodes TIFF files with libtiff (`TIFFFdOpenExt`, `TIFFReadRGBAImageOriented`,
/// `TIFFReadScanline`, `TIFFReadTile`, `TIFFClose`): 8- and 16-bit files of any layout libtiff
/// reads (strips, tiles, palettes, YCbCr) through its RGBA reader, and 32-bit float ones as
/// scene-linear through `SceneLinear`.
///
/// Stateless; safe from any thread: each call opens its own handle, with its errors kept in its
/// own buffer (never printed) and no single allocation past the per-frame limit.
public enum TIFFDecoder {
    /// The size the file's header claims.
    public static func size(path: String) throws(MediaError) -> (width: Int, height: Int) {
        try withTIFF(path, limit: .standalone) { tif, _ throws(MediaError) in try dimensions(tif, path: path) }
    }

    /// Bits and samples per pixel, extra samples (alpha) and the sample format, from the first directory.
    public static func describe(path: String) throws(MediaError) -> ImageDescription {
        try withTIFF(path, limit: .standalone) { tif, _ throws(MediaError) in
            _ = try dimensions(tif, path: path)
            var bits: UInt16 = 0, samples: UInt16 = 0, format: UInt16 = 1, photometric: UInt16 = 0
            _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_BITSPERSAMPLE), &bits)
            _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_SAMPLESPERPIXEL), &samples)
            _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_SAMPLEFORMAT), &format)
            _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_PHOTOMETRIC), &photometric)
            let grey = photometric == UInt16(PHOTOMETRIC_MINISBLACK) || photometric == UInt16(PHOTOMETRIC_MINISWHITE)
            return ImageDescription(format: .tiff, bitDepth: Int(bits), channels: Int(samples),
                                    hasAlpha: Int(samples) > (grey ? 1 : 3), isFloat: format == UInt16(SAMPLEFORMAT_IEEEFP))
        }
    }

    /// Decodes a TIFF file to a frame that fits `box` (aspect kept), with `scratch`'s buffers.
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   look: Look = .identity) throws(MediaError) -> RGBImage {
        try withTIFF(path, limit: scratch.limit) { tif, reason throws(MediaError) in
            let (width, height) = try dimensions(tif, path: path)
            var format: UInt16 = 1
            _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_SAMPLEFORMAT), &format)
            let float = format == UInt16(SAMPLEFORMAT_IEEEFP)
            guard scratch.limit.allows(width: width, height: height, bytesPerPixel: float ? 20 : 4) else {
                throw .imageTooLarge(path: path, width: width, height: height, limit: scratch.limit.bytes)
            }
            if scratch.rgba.count < width * height * 4 { scratch.rgba = [UInt8](repeating: 0, count: width * height * 4) }
            if float {
                try readFloat(tif, width: width, height: height, path: path, reason: reason, exposure: look.exposure, into: &scratch.rgba)
            } else {
                let read = scratch.rgba.withUnsafeMutableBytes { raw in
                    TIFFReadRGBAImageOriented(tif, UInt32(width), UInt32(height), raw.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                              ORIENTATION_TOPLEFT, 0)
                }
                guard read == 1 else { throw refuse(path, reason()) }
            }
            if look != .identity {
                scratch.rgba.withUnsafeMutableBufferPointer { look.apply(rgba: $0.baseAddress!, count: width * height, width: width, exposed: float) }
            }
            let fitted = AreaScaler.fit(width: width, height: height, maxWidth: box.width, maxHeight: box.height)
            return scratch.rgba.withUnsafeBufferPointer { pixels in
                AreaScaler.scale(pixels, width: width, height: height, to: fitted.width, fitted.height, scratch: &scratch.scaler)
            }
        }
    }

    private static func refuse(_ path: String, _ reason: String) -> MediaError {
        .badImage(path: path, format: "TIFF", reason: reason)
    }

    private static func dimensions(_ tif: OpaquePointer, path: String) throws(MediaError) -> (Int, Int) {
        var width: UInt32 = 0, height: UInt32 = 0
        guard reel_tiff_get_u32(tif, UInt32(TIFFTAG_IMAGEWIDTH), &width) == 1,
              reel_tiff_get_u32(tif, UInt32(TIFFTAG_IMAGELENGTH), &height) == 1, width > 0, height > 0 else {
            throw refuse(path, "no image size in its first directory")
        }
        guard width <= FrameLimit.maxSide, height <= FrameLimit.maxSide else {
            throw .imageTooLarge(path: path, width: Int(width), height: Int(height), limit: FrameLimit.standalone.bytes)
        }
        return (Int(width), Int(height))
    }

    /// Reads a 32-bit float file (one, three or four samples a pixel, interleaved; strips or
    /// tiles) and converts it to 8-bit sRGB RGBA in `out`.
    private static func readFloat(_ tif: OpaquePointer, width: Int, height: Int, path: String, reason: () -> String,
                                  exposure: Float, into out: inout [UInt8]) throws(MediaError) {
        var bits: UInt16 = 0, samples: UInt16 = 0, planar: UInt16 = 0
        _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_BITSPERSAMPLE), &bits)
        _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_SAMPLESPERPIXEL), &samples)
        _ = reel_tiff_get_u16(tif, UInt32(TIFFTAG_PLANARCONFIG), &planar)
        guard bits == 32 else { throw refuse(path, "\(bits)-bit floating point samples (32-bit ones are read)") }
        guard samples >= 1, planar == UInt16(PLANARCONFIG_CONTIG) else {
            throw refuse(path, "floating point samples in separate planes")
        }
        let channels = Int(samples)
        var linear = [Float](repeating: 0, count: width * height * channels)
        try linear.withUnsafeMutableBufferPointer { (image) throws(MediaError) in
            if TIFFIsTiled(tif) != 0 {
                var tileWidth: UInt32 = 0, tileHeight: UInt32 = 0
                _ = reel_tiff_get_u32(tif, UInt32(TIFFTAG_TILEWIDTH), &tileWidth)
                _ = reel_tiff_get_u32(tif, UInt32(TIFFTAG_TILELENGTH), &tileHeight)
                let tw = Int(tileWidth), th = Int(tileHeight)
                guard tw > 0, th > 0, tw <= FrameLimit.maxSide, th <= FrameLimit.maxSide,
                      Int(TIFFTileSize(tif)) == tw * th * channels * 4 else { throw refuse(path, "its tiles are not the size they claim") }
                var tile = [Float](repeating: 0, count: tw * th * channels)
                for y in stride(from: 0, to: height, by: th) {
                    for x in stride(from: 0, to: width, by: tw) {
                        let read = tile.withUnsafeMutableBytes { TIFFReadTile(tif, $0.baseAddress, UInt32(x), UInt32(y), 0, 0) }
                        guard read > 0 else { throw refuse(path, reason()) }
                        for row in 0..<min(th, height - y) {
                            let count = min(tw, width - x) * channels
                            for i in 0..<count { image[((y + row) * width + x) * channels + i] = tile[row * tw * channels + i] }
                        }
                    }
                }
            } else {
                guard Int(TIFFScanlineSize(tif)) == width * channels * 4 else { throw refuse(path, "its rows are not the size they claim") }
                for row in 0..<height {
                    guard TIFFReadScanline(tif, image.baseAddress! + row * width * channels, UInt32(row), 0) == 1 else {
                        throw refuse(path, reason())
                    }
                }
            }
        }
        linear.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                // Four samples or more: the first three and the fourth as alpha, as TIFF's extra samples are.
                SceneLinear.convert(source.baseAddress!, channels: channels, count: width * height, exposure: exposure,
                                    into: target.baseAddress!, stride: channels)
            }
        }
    }

    /// Runs `body` with the open file and a function giving libtiff's first error (or a general
    /// reason), and closes the file afterwards whatever happens.
    private static func withTIFF<T>(_ path: String, limit: FrameLimit,
                                    _ body: (OpaquePointer, () -> String) throws(MediaError) -> T) throws(MediaError) -> T {
        let file = try RegularFile(path: path)
        guard file.size > 0 else {
            file.close()
            throw .notMedia(path: path, reason: "the file is empty (0 bytes)")
        }
        let fd = file.take()
        let errors = UnsafeMutablePointer<reel_tiff_errors>.allocate(capacity: 1)
        errors.initialize(to: reel_tiff_errors())
        defer { errors.deallocate() }
        func reason() -> String {
            let text = withUnsafeBytes(of: errors.pointee.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return text.isEmpty ? "libtiff gave no reason" : text
        }
        guard let tif = reel_tiff_open(fd, path, errors, tmsize_t(min(limit.bytes, Int(Int32.max)))) else {
            // libtiff leaves the descriptor open when it cannot open the file.
            close(fd)
            throw refuse(path, reason())
        }
        defer { TIFFClose(tif) }
        return try body(tif, reason)
    }
}
