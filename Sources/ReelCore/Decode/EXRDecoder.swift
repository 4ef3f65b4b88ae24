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
    /// Scaled in linear light, before the display transform; only the data window is read.
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   look: Look = .identity) throws(MediaError) -> RGBImage {
        EXRMemory.cap = scratch.limit.bytes
        let file = try EXRFile(path: path)
        let (width, height) = (file.display.width, file.display.height)
        // The data window as float RGBA, and the display window in bytes.
        guard scratch.limit.allows(width: max(width, file.data.width), height: max(height, file.data.height),
                                   bytesPerPixel: 20) else {
            throw .imageTooLarge(path: path, width: width, height: height, limit: scratch.limit.bytes)
        }
        try file.readDataWindow(into: &scratch.linear, chroma: &scratch.chroma)
        let placement = LinearAreaScaler.Placement(x: file.data.x - file.display.x, y: file.data.y - file.display.y,
                                                   width: file.data.width, height: file.data.height,
                                                   canvasWidth: width, canvasHeight: height)
        // Alpha matters only to the alpha view and the checkerboard; otherwise premultiplied colour over black is the colour.
        let usesAlpha = look.channel == .alpha || look.checkerboard
        let fitted = AreaScaler.fit(width: width, height: height, maxWidth: box.width, maxHeight: box.height)
        let count = fitted.width * fitted.height
        // Without a look, the display transform writes the frame itself; with one, RGBA goes through the look first.
        let plain = look == .identity
        var pixels = plain ? scratch.recycled(count * 3) ?? [UInt8](unsafeUninitializedCapacity: count * 3) { _, initialized in initialized = count * 3 } : []
        if !plain && scratch.rgba.count < count * 4 { scratch.rgba = [UInt8](repeating: 0, count: count * 4) }
        let channels = usesAlpha ? 4 : 3, outStride = plain ? 3 : 4
        func transform(into out: UnsafeMutablePointer<UInt8>) {
            if fitted == (width, height) {
                scratch.linear.withUnsafeBufferPointer { linear in
                    place(linear.baseAddress!, placement, channels: channels, exposure: look.exposure, into: out, outStride: outStride)
                }
            } else {
                scratch.linear.withUnsafeBufferPointer { linear in
                    LinearAreaScaler.scale(linear.baseAddress!, placement: placement, to: fitted.width, fitted.height,
                                           scratch: &scratch.scaler, into: &scratch.fitted)
                }
                scratch.fitted.withUnsafeBufferPointer { source in
                    SceneLinear.convert(source.baseAddress!, channels: channels, count: count, exposure: look.exposure,
                                        into: out, stride: 4, outStride: outStride)
                }
            }
        }
        if plain {
            pixels.withUnsafeMutableBufferPointer { transform(into: $0.baseAddress!) }
            return RGBImage(width: fitted.width, height: fitted.height, pixels: pixels)
        }
        return scratch.rgba.withUnsafeMutableBufferPointer { target in
            let rgba = target.baseAddress!
            transform(into: rgba)
            return throughLook(rgba, width: fitted.width, height: fitted.height, look: look, usesAlpha: usesAlpha)
        }
    }

    /// The data window's pixels through the display transform, at their place in the display
    /// window; black (and transparent) around them.
    private static func place(_ linear: UnsafePointer<Float>, _ placement: LinearAreaScaler.Placement, channels: Int,
                              exposure: Float, into out: UnsafeMutablePointer<UInt8>, outStride: Int) {
        let (width, height) = (placement.canvasWidth, placement.canvasHeight)
        let left = max(placement.x, 0), right = min(placement.x + placement.width, width)
        let top = max(placement.y, 0), bottom = min(placement.y + placement.height, height)
        if left != 0 || top != 0 || right != width || bottom != height {
            out.update(repeating: 0, count: width * height * outStride)
        }
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            let source = linear + ((y - placement.y) * placement.width + (left - placement.x)) * 4
            SceneLinear.convert(source, channels: channels, count: right - left, exposure: exposure,
                                into: out + (y * width + left) * outStride, stride: 4, outStride: outStride)
        }
    }

    /// Premultiplied RGBA through the look (on straight colour), then over black as RGB.
    private static func throughLook(_ rgba: UnsafeMutablePointer<UInt8>, width: Int, height: Int, look: Look,
                                    usesAlpha: Bool) -> RGBImage {
        let count = width * height
        if usesAlpha {
            // Straight colour for the look's compositing: premultiplied colour over its alpha.
            for i in 0..<count {
                let p = rgba + i * 4, a = UInt16(p[3])
                guard a > 0, a < 255 else { continue }
                for c in 0..<3 { p[c] = UInt8(min(255, (UInt16(p[c]) * 255 + a / 2) / a)) }
            }
        }
        look.apply(rgba: rgba, count: count, width: width, exposed: true)
        let pixels = [UInt8](unsafeUninitializedCapacity: count * 3) { out, initialized in
            for i in 0..<count {
                let p = rgba + i * 4
                // What is left transparent (outside the data window, without a checkerboard) is over black.
                let a = usesAlpha ? UInt16(p[3]) : 255
                for c in 0..<3 { out[i * 3 + c] = UInt8((UInt16(p[c]) * a + 127) / 255) }
            }
            initialized = count * 3
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
