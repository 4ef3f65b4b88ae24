import CTurboJPEG

/// Decodes JPEG files with libjpeg-turbo's TurboJPEG API (`tjInitDecompress`,
/// `tjDecompressHeader3`, `tjDecompress2`, `tjDestroy`), at the smallest of the DCT scales 1, 1/2,
/// 1/4 and 1/8 that lands exactly on the box or at least twice its size: the decoder then skips
/// part of its work (a 1/8 decode computes one pixel per 8×8 block) and the area scaler does the
/// rest. Twice, not just covering: a reduced inverse DCT followed by a small non-integer shrink
/// loses up to 13 dB against a full decode scaled down; from twice the size it loses nothing.
///
/// Stateless; safe from any thread (each call has its own handle). A warning from the decoder
/// (a truncated or damaged file) fails the frame rather than showing grey where data is missing.
public enum JPEGDecoder {
    /// Largest JPEG file read into memory.
    static let maxFileBytes = 1 << 30

    /// The DCT scales tried, largest first: libjpeg-turbo's fast reduced-size inverse DCTs.
    static let scales: [(num: Int, den: Int)] = [(1, 1), (1, 2), (1, 4), (1, 8)]

    /// The size a JPEG file's header claims, without decoding its pixels.
    public static func size(path: String) throws(MediaError) -> (width: Int, height: Int) {
        let bytes = try FileBytes.read(path: path, limit: maxFileBytes)
        return try withHeader(bytes, count: bytes.count, path: path) { _, header throws(MediaError) in
            (header.width, header.height)
        }
    }

    /// The scale a `width` × `height` picture is decoded at to fit `fitted` (the size it ends up
    /// at): the smallest that gives `fitted` exactly or at least twice it in both directions.
    static func scale(width: Int, height: Int, fitted: (width: Int, height: Int)) -> (num: Int, den: Int) {
        scales.last { scale in
            let w = scaled(width, scale), h = scaled(height, scale)
            return (w == fitted.width && h == fitted.height) || (w >= 2 * fitted.width && h >= 2 * fitted.height)
        } ?? (1, 1)
    }

    /// `dimension` at `scale`, rounded up as TurboJPEG's `TJSCALED` does.
    static func scaled(_ dimension: Int, _ scale: (num: Int, den: Int)) -> Int {
        (dimension * scale.num + scale.den - 1) / scale.den
    }

    /// Decodes a JPEG file to a frame that fits `box` (aspect kept), with `scratch`'s buffers;
    /// `fullScale` decodes every pixel first, whatever the box (the reference the scaled decode
    /// is held to).
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   fullScale: Bool = false) throws(MediaError) -> RGBImage {
        let count = try FileBytes.read(path: path, limit: maxFileBytes, into: &scratch.fileBytes)
        return try withHeader(scratch.fileBytes, count: count, path: path) { decoder, header throws(MediaError) in
            guard scratch.limit.allows(width: header.width, height: header.height, bytesPerPixel: 4) else {
                throw .imageTooLarge(path: path, width: header.width, height: header.height, limit: scratch.limit.bytes)
            }
            let fitted = AreaScaler.fit(width: header.width, height: header.height, maxWidth: box.width, maxHeight: box.height)
            let chosen = fullScale ? (1, 1) : scale(width: header.width, height: header.height, fitted: fitted)
            let width = scaled(header.width, chosen), height = scaled(header.height, chosen)
            if (width, height) == fitted {
                // Decoded straight into the frame's buffer.
                var pixels = scratch.recycled(width * height * 3) ?? [UInt8](unsafeUninitializedCapacity: width * height * 3) {
                    _, initialized in initialized = width * height * 3
                }
                try decompress(decoder, path: path, source: scratch.fileBytes, count: count, into: &pixels,
                               width: width, height: height, format: TJPF_RGB)
                return RGBImage(width: width, height: height, pixels: pixels)
            }
            if scratch.rgba.count < width * height * 4 { scratch.rgba = [UInt8](repeating: 0, count: width * height * 4) }
            try decompress(decoder, path: path, source: scratch.fileBytes, count: count, into: &scratch.rgba,
                           width: width, height: height, format: TJPF_RGBA)
            return scratch.rgba.withUnsafeBufferPointer { pixels in
                AreaScaler.scale(pixels, width: width, height: height, to: fitted.width, fitted.height, scratch: &scratch.scaler)
            }
        }
    }

    /// Channels from the header's colour space (grey, CMYK, or three); JPEG has 8 bits and no alpha.
    public static func describe(path: String) throws(MediaError) -> ImageDescription {
        let bytes = try FileBytes.read(path: path, limit: maxFileBytes)
        return try withHeader(bytes, count: bytes.count, path: path) { _, header throws(MediaError) in
            let channels = header.colorspace == Int32(TJCS_GRAY.rawValue) ? 1
                : header.colorspace == Int32(TJCS_CMYK.rawValue) || header.colorspace == Int32(TJCS_YCCK.rawValue) ? 4 : 3
            return ImageDescription(format: .jpeg, bitDepth: 8, channels: channels, hasAlpha: false)
        }
    }

    private struct Header {
        var width: Int
        var height: Int
        var colorspace: Int32
    }

    /// Runs `body` with a decompressor that has read the header of the first `count` of `bytes`,
    /// and destroys the decompressor afterwards.
    private static func withHeader<T>(_ bytes: [UInt8], count: Int, path: String,
                                      _ body: (tjhandle, Header) throws(MediaError) -> T) throws(MediaError) -> T {
        guard count > 0 else { throw .notMedia(path: path, reason: "the file is empty (0 bytes)") }
        guard let decoder = tjInitDecompress() else { throw .badImage(path: path, format: "JPEG", reason: "cannot start libjpeg-turbo") }
        defer { tjDestroy(decoder) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let read = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(decoder, $0.baseAddress, UInt(count), &width, &height, &subsampling, &colorspace)
        }
        guard read == 0 else { throw .badImage(path: path, format: "JPEG", reason: message(decoder)) }
        guard width > 0, height > 0 else { throw .badImage(path: path, format: "JPEG", reason: "its header claims \(width)x\(height)") }
        return try body(decoder, Header(width: Int(width), height: Int(height), colorspace: colorspace))
    }

    /// `tjDecompress2` of the first `count` of `source` into `pixels` at `width` × `height`.
    private static func decompress(_ decoder: tjhandle, path: String, source: [UInt8], count: Int, into pixels: inout [UInt8],
                                   width: Int, height: Int, format: TJPF) throws(MediaError) {
        let result = source.withUnsafeBufferPointer { input in
            pixels.withUnsafeMutableBufferPointer { output in
                tjDecompress2(decoder, input.baseAddress, UInt(count), output.baseAddress, Int32(width), 0, Int32(height),
                              Int32(format.rawValue), reel_tj_flag_stop_on_warning())
            }
        }
        guard result == 0 else { throw .badImage(path: path, format: "JPEG", reason: message(decoder)) }
    }

    /// libjpeg-turbo's words for the last error of `decoder`.
    private static func message(_ decoder: tjhandle) -> String {
        guard let text = tjGetErrorStr2(decoder) else { return "libjpeg-turbo gave no reason" }
        return String(cString: text)
    }
}
