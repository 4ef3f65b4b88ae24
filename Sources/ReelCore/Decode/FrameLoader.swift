/// Decodes frames of one sequence and scales them to the viewer, keeping the last few scaled
/// frames so that a paused or looping short clip is not decoded again every tick.
///
/// Not thread-safe: one owner (the player loop) calls it. This is the first slice's synchronous
/// loader; the decode pool and the global frame cache of DESIGN.md take its place.
public final class FrameLoader {
    public let sequence: ImageSequence
    /// How many scaled frames are kept; they are small (viewer-sized), so a whole short clip fits.
    public let capacity: Int
    private struct Key: Hashable {
        var frame: Int
        var boxWidth: Int
        var boxHeight: Int
    }
    private var entries: [Key: FrameContent] = [:]
    private var order: [Key] = []

    public init(sequence: ImageSequence, capacity: Int = 256) {
        self.sequence = sequence
        self.capacity = max(1, capacity)
    }

    /// Frame `frame` scaled to fit a box of `boxWidth` × `boxHeight` pixels, aspect kept.
    public func content(frame: Int, boxWidth: Int, boxHeight: Int) -> FrameContent {
        let key = Key(frame: frame, boxWidth: boxWidth, boxHeight: boxHeight)
        if let hit = entries[key] { return hit }
        let content = load(frame: frame, boxWidth: boxWidth, boxHeight: boxHeight)
        entries[key] = content
        order.append(key)
        if order.count > capacity {
            entries[order.removeFirst()] = nil
        }
        return content
    }

    /// Bytes of pixels held.
    public var byteCount: Int {
        entries.values.reduce(0) { total, content in
            if case .image(let image) = content { return total + image.byteCount }
            return total
        }
    }

    private func load(frame: Int, boxWidth: Int, boxHeight: Int) -> FrameContent {
        guard let path = sequence.path(frame: frame) else { return .missing }
        do {
            let decoded = try PNGDecoder.decode(path: path)
            let size = AreaScaler.fit(width: decoded.width, height: decoded.height,
                                      maxWidth: boxWidth, maxHeight: boxHeight)
            return .image(AreaScaler.scale(decoded, width: size.width, height: size.height))
        } catch {
            return .failed(error.description)
        }
    }
}
