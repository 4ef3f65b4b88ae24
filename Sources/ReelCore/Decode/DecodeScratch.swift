/// The buffers one decode worker reuses from frame to frame: the file's bytes, the RGBA picture
/// before scaling, the scaler's working rows, and a movie frame converter.
///
/// Not thread-safe: each worker owns one. Only the finished frame is a new allocation (the cache
/// owns it); after an unusually large frame the buffers are let go (`trim`), so a single 16k
/// picture does not stay resident in every worker.
public final class DecodeScratch {
    /// Buffers larger than this are freed after use.
    public static let keepLimit = 64 << 20

    var fileBytes: [UInt8] = []
    var rgba: [UInt8] = []
    /// Float RGBA of a scene-linear picture (EXR's data window), before its display transform;
    /// the chroma planes of a luminance/chroma EXR; the picture scaled to fit, still linear.
    var linear: [Float] = []
    var chroma: [Float] = []
    var fitted: [Float] = []
    var scaler = AreaScaler.Scratch()
    /// The worker's own converter of movie frames, made on its first movie frame.
    var movieScaler: MovieScaler?
    /// Hands out a recycled buffer of exactly the byte count asked for, if there is one
    /// (`FrameCache.takeSpare`).
    let recycled: @Sendable (Int) -> [UInt8]?
    /// What one frame's decode may hold; a file claiming more fails before allocating.
    public let limit: FrameLimit

    public init(limit: FrameLimit = .standalone, recycled: @escaping @Sendable (Int) -> [UInt8]? = { _ in nil }) {
        self.limit = limit
        self.recycled = recycled
    }

    /// Bytes held between frames.
    public var byteCount: Int {
        fileBytes.capacity + rgba.capacity + scaler.byteCount + (linear.capacity + chroma.capacity + fitted.capacity) * MemoryLayout<Float>.stride
    }

    /// Frees whichever buffer grew past `keepLimit`.
    public func trim() {
        if fileBytes.capacity > Self.keepLimit { fileBytes = [] }
        if rgba.capacity > Self.keepLimit { rgba = [] }
        if linear.capacity * MemoryLayout<Float>.stride > Self.keepLimit { linear = [] }
        if chroma.capacity * MemoryLayout<Float>.stride > Self.keepLimit { chroma = [] }
        if fitted.capacity * MemoryLayout<Float>.stride > Self.keepLimit { fitted = [] }
        if scaler.byteCount > Self.keepLimit { scaler = AreaScaler.Scratch() }
    }
}
