import CAVCodec
import CAVUtil
import CSwscale

/// Turns decoded movie frames into RGB pictures fitting a box (libswscale: `sws_getCachedContext`,
/// `sws_scale`, `sws_freeContext`): area averaging when it shrinks, bicubic when it grows; through
/// the matrix and range the frame is tagged with (`sws_setColorspaceDetails`), as ffmpeg and mpv
/// read them, BT.601's when it has none.
///
/// Owns its scaler context (kept while the sizes and format stay) and frees it on deinit. Not
/// thread-safe: each decode worker has its own (in its `DecodeScratch`), the decoder another.
final class MovieScaler {
    private var context: OpaquePointer?
    /// The context, matrix and range the colour details were last set for.
    private var details: (context: OpaquePointer?, colorspace: UInt32, fullRange: Bool)?
    /// RGB24 by its name: `AV_PIX_FMT_RGB24` does not import once libtiff's headers are in the module too.
    private static let rgb24 = av_get_pix_fmt("rgb24")

    deinit {
        sws_freeContext(context)
    }

    /// `frame` as RGB fitting `box`, written into a buffer from `recycled` when it has one of the size.
    func convert(_ frame: UnsafeMutablePointer<AVFrame>, fitting box: FrameSize, path: String,
                 recycled: (Int) -> [UInt8]? = { _ in nil }) throws(MediaError) -> RGBImage {
        let width = Int(frame.pointee.width), height = Int(frame.pointee.height)
        let fitted = AreaScaler.fit(width: width, height: height, maxWidth: box.width, maxHeight: box.height)
        guard fitted.width > 0, fitted.height > 0 else { throw .badMovie(path: path, reason: "a frame of no size") }
        let flags = fitted.width < width ? SWS_AREA : SWS_BICUBIC
        context = sws_getCachedContext(context, Int32(width), Int32(height), AVPixelFormat(rawValue: frame.pointee.format),
                                       Int32(fitted.width), Int32(fitted.height), Self.rgb24, flags, nil, nil, nil)
        guard let context else { throw .badMovie(path: path, reason: "cannot convert its pixel format") }
        setColourDetails(of: frame, on: context)
        let stride = fitted.width * 3
        let count = stride * fitted.height
        // Every byte is written by the scaler: a recycled buffer, or one not zeroed first.
        var pixels = recycled(count) ?? [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        let rows = pixels.withUnsafeMutableBufferPointer { out in
            withUnsafePointer(to: &frame.pointee.data) { data in
                withUnsafePointer(to: &frame.pointee.linesize) { linesize in
                    data.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { source in
                        linesize.withMemoryRebound(to: Int32.self, capacity: 8) { sourceStride in
                            var target: UnsafeMutablePointer<UInt8>? = out.baseAddress
                            var targetStride = Int32(stride)
                            return sws_scale(context, source, sourceStride, 0, Int32(height), &target, &targetStride)
                        }
                    }
                }
            }
        }
        guard rows > 0 else { throw .badMovie(path: path, reason: "cannot convert a frame") }
        return RGBImage(width: fitted.width, height: fitted.height, pixels: pixels)
    }

    /// Tells the scaler the frame's YUV matrix and range (the `yuvj` formats are full range by
    /// name), unless they are what it was last told for this context. An RGB frame has none; the
    /// scaler then refuses the details, which changes nothing.
    private func setColourDetails(of frame: UnsafeMutablePointer<AVFrame>, on context: OpaquePointer) {
        let colorspace = frame.pointee.colorspace.rawValue
        let name = av_get_pix_fmt_name(AVPixelFormat(rawValue: frame.pointee.format)).map { String(cString: $0) } ?? ""
        let fullRange = frame.pointee.color_range == AVCOL_RANGE_JPEG || name.hasPrefix("yuvj")
        if let details, details.context == context, details.colorspace == colorspace, details.fullRange == fullRange { return }
        details = (context, colorspace, fullRange)
        // Coefficients of an unknown or unspecified matrix are BT.601's, as ffmpeg takes them.
        let source = sws_getCoefficients(Int32(colorspace)), target = sws_getCoefficients(SWS_CS_DEFAULT)
        _ = sws_setColorspaceDetails(context, source, fullRange ? 1 : 0, target, 1, 0, 1 << 16, 1 << 16)
    }
}
