import CAVUtil

/// A decoded movie frame held apart from its decoder (`av_frame_clone`: a new reference to the
/// same buffers, no copy), so it can be converted while the decoder goes on with the next.
///
/// Owns its reference and drops it on deinit (`av_frame_free`); the buffers go back to the
/// decoder's pool then. Not thread-safe: one owner at a time.
final class DecodedFrame: @unchecked Sendable {
    let frame: UnsafeMutablePointer<AVFrame>

    /// A reference to `source`'s buffers; nil when FFmpeg cannot make one (out of memory).
    init?(cloning source: UnsafePointer<AVFrame>) {
        guard let frame = av_frame_clone(source) else { return nil }
        self.frame = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = self.frame
        av_frame_free(&frame)
    }
}
