import COpenEXR

/// Decodes OpenEXR files with the library's C core (`exr_start_read`, `exr_read_scanline_chunk_info`,
/// `exr_read_tile_chunk_info`, `exr_decoding_initialize`/`update`/`run`/`destroy`, `exr_finish`):
/// the first part, scanline or tiled (level 0), half, float or uint channels as float; R, G, B
/// (and A), or Y alone as grey. The data window is placed inside the display window, which is the
/// picture's size (what lies outside the data window is black). Shown through `SceneLinear`;
/// alpha is premultiplied in EXR, so colour over black is the colour as stored.
///
/// Stateless; safe from any thread (each call has its own context; its errors are kept, not printed).
public enum EXRDecoder {
    /// The display window's size, from the header.
    public static func size(path: String) throws(MediaError) -> (width: Int, height: Int) {
        let file = try EXRFile(path: path)
        return (file.display.width, file.display.height)
    }

    /// The first part's channels (their count, the widest sample type, alpha) and its timecode.
    public static func describe(path: String) throws(MediaError) -> ImageDescription {
        try EXRFile(path: path).describe()
    }

    /// Decodes an EXR file to a frame that fits `box` (aspect kept), with `scratch`'s buffers.
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   look: Look = .identity) throws(MediaError) -> RGBImage {
        EXRMemory.cap = scratch.limit.bytes
        let file = try EXRFile(path: path)
        let (width, height) = (file.display.width, file.display.height)
        // The data window as float RGBA, the display window as float RGBA, then 8-bit RGBA.
        let bytesPerPixel = 36
        guard scratch.limit.allows(width: max(width, file.data.width), height: max(height, file.data.height),
                                   bytesPerPixel: bytesPerPixel) else {
            throw .imageTooLarge(path: path, width: width, height: height, limit: scratch.limit.bytes)
        }
        let inWindow = try file.readDisplayWindow(into: &scratch.linear, window: &scratch.linearWindow)
        let linear = inWindow ? scratch.linearWindow : scratch.linear
        // Alpha matters only to the alpha view and the checkerboard; otherwise premultiplied colour over black is the colour.
        let usesAlpha = look.channel == .alpha || look.checkerboard
        let fitted = AreaScaler.fit(width: width, height: height, maxWidth: box.width, maxHeight: box.height)
        if fitted == (width, height) && look == .identity {
            // At its own size: the display transform writes the frame itself.
            let count = width * height * 3
            var pixels = scratch.recycled(count) ?? [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
            linear.withUnsafeBufferPointer { source in
                pixels.withUnsafeMutableBufferPointer { target in
                    SceneLinear.convert(source.baseAddress!, channels: 3, count: width * height, into: target.baseAddress!,
                                        stride: 4, outStride: 3)
                }
            }
            return RGBImage(width: width, height: height, pixels: pixels)
        }
        if scratch.rgba.count < width * height * 4 { scratch.rgba = [UInt8](repeating: 0, count: width * height * 4) }
        linear.withUnsafeBufferPointer { source in
            scratch.rgba.withUnsafeMutableBufferPointer { target in
                let out = target.baseAddress!
                SceneLinear.convert(source.baseAddress!, channels: usesAlpha ? 4 : 3, count: width * height, exposure: look.exposure,
                                    into: out, stride: 4)
                guard look != .identity else { return }
                if usesAlpha {
                    // Straight colour for the look's compositing: premultiplied colour over its alpha.
                    for i in 0..<(width * height) {
                        let p = out + i * 4, a = UInt16(p[3])
                        guard a > 0, a < 255 else { continue }
                        for c in 0..<3 { p[c] = UInt8(min(255, (UInt16(p[c]) * 255 + a / 2) / a)) }
                    }
                }
                look.apply(rgba: out, count: width * height, width: width, exposed: true)
            }
        }
        return scratch.rgba.withUnsafeBufferPointer { pixels in
            AreaScaler.scale(pixels, width: width, height: height, to: fitted.width, fitted.height, scratch: &scratch.scaler)
        }
    }
}
