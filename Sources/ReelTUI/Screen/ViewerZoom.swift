import ReelCore

/// How the viewer shows the frame: whole (fit, the default), or at a fixed number of screen
/// pixels per source pixel (1:1, 2×, 4×, or any step of √2 the wheel and the keys reach) around
/// a point of the frame that pans.
///
/// A zoomed frame is decoded at its own size (or at the zoom, when that is smaller) through the
/// cache like any other size, and the part on screen is cut from it and magnified by repeating
/// pixels, so one source pixel is exactly a block of screen pixels. A value the run loop owns.
public struct ViewerZoom: Equatable, Sendable {
    /// Screen pixels per source pixel; nil fits the whole frame.
    public private(set) var scale: Double?
    /// The frame's point at the view's centre, as fractions of its width and height.
    public private(set) var centreX = 0.5
    public private(set) var centreY = 0.5

    public static let maxScale = 16.0

    public init() {}

    /// Fits the whole frame again, centred.
    public mutating func fit() {
        self = ViewerZoom()
    }

    /// `scale` screen pixels per source pixel (a fit when that is the fit or less), keeping the centre.
    public mutating func set(scale newScale: Double, source: FrameSize, box: FrameSize) {
        let fitting = Self.fitScale(source: source, box: box)
        scale = newScale <= fitting * 1.0001 ? nil : min(Self.maxScale, newScale)
        if scale == nil { (centreX, centreY) = (0.5, 0.5) }
    }

    /// Zooms by `factor` keeping the frame's point under box pixel (`x`, `y`) where it is (the
    /// view's centre when nil).
    public mutating func zoom(by factor: Double, at point: (x: Double, y: Double)?, source: FrameSize, box: FrameSize) {
        let old = scale ?? Self.fitScale(source: source, box: box)
        let target = old * factor
        let at = point ?? (Double(box.width) / 2, Double(box.height) / 2)
        // The frame point under the pointer, as fractions.
        let view = self.view(source: source, box: box)
        let u = (view.originX + (at.x - Double(view.left)) / old) / Double(source.width)
        let v = (view.originY + (at.y - Double(view.top)) / old) / Double(source.height)
        set(scale: target, source: source, box: box)
        guard let now = scale else { return }
        centreX = u - (at.x - Double(box.width) / 2) / (now * Double(source.width))
        centreY = v - (at.y - Double(box.height) / 2) / (now * Double(source.height))
        clampCentre(source: source, box: box)
    }

    /// Moves the view by (`dx`, `dy`) screen pixels (the frame moves the other way).
    public mutating func pan(dx: Double, dy: Double, source: FrameSize, box: FrameSize) {
        guard let scale else { return }
        centreX += dx / (scale * Double(source.width))
        centreY += dy / (scale * Double(source.height))
        clampCentre(source: source, box: box)
    }

    /// The scale at which the whole frame fits `box`.
    public static func fitScale(source: FrameSize, box: FrameSize) -> Double {
        guard source.width > 0, source.height > 0 else { return 1 }
        return min(Double(box.width) / Double(source.width), Double(box.height) / Double(source.height))
    }

    /// The size to decode the frame at for a view of `box`: the box to fit, else the frame at
    /// the zoom or at its own size, whichever is smaller.
    public func decodeSize(source: FrameSize, box: FrameSize) -> FrameSize {
        guard let scale else { return box }
        let d = min(scale, 1)
        return FrameSize(width: max(1, Int((Double(source.width) * d).rounded())),
                         height: max(1, Int((Double(source.height) * d).rounded())))
    }

    /// Where the view falls: the top-left of the part shown, in source pixels, and the box pixel
    /// the picture starts at (when it is smaller than the box).
    struct Placement {
        var originX: Double
        var originY: Double
        var left: Int
        var top: Int
    }

    func view(source: FrameSize, box: FrameSize) -> Placement {
        let scale = self.scale ?? Self.fitScale(source: source, box: box)
        let shownW = min(Double(source.width), Double(box.width) / scale)
        let shownH = min(Double(source.height), Double(box.height) / scale)
        let x0 = min(max(0, centreX * Double(source.width) - shownW / 2), Double(source.width) - shownW)
        let y0 = min(max(0, centreY * Double(source.height) - shownH / 2), Double(source.height) - shownH)
        let left = max(0, (box.width - Int((shownW * scale).rounded())) / 2)
        let top = max(0, (box.height - Int((shownH * scale).rounded())) / 2)
        return Placement(originX: x0, originY: y0, left: left, top: top)
    }

    /// The part of `decoded` (the frame decoded at `decodeSize`) that the view of `box` shows,
    /// magnified to its screen size; `decoded` itself when fitting.
    public func picture(of decoded: RGBImage, source: FrameSize, box: FrameSize) -> RGBImage {
        guard let scale else { return decoded }
        let d = Double(decoded.width) / Double(max(1, source.width))
        let magnify = scale / d
        let place = view(source: source, box: box)
        let width = min(box.width, Int((Double(decoded.width) * magnify).rounded()))
        let height = min(box.height, Int((Double(decoded.height) * magnify).rounded()))
        guard width > 0, height > 0 else { return decoded }
        let x0 = place.originX * d, y0 = place.originY * d
        var columns = [Int](repeating: 0, count: width)
        for x in 0..<width { columns[x] = min(decoded.width - 1, Int(x0 + (Double(x) + 0.5) / magnify)) * 3 }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        decoded.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = min(decoded.height - 1, Int(y0 + (Double(y) + 0.5) / magnify)) * decoded.width * 3
                    var o = y * width * 3
                    for x in 0..<width {
                        let i = row + columns[x]
                        out[o] = source[i]; out[o + 1] = source[i + 1]; out[o + 2] = source[i + 2]
                        o += 3
                    }
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// What the title says: nothing when fitting, else "1:1", "2×", "141%".
    public var label: String? {
        guard let scale else { return nil }
        if abs(scale - 1) < 0.01 { return "1:1" }
        if abs(scale - scale.rounded()) < 0.01 { return "\(Int(scale.rounded()))\u{00D7}" }
        return "\(Int((scale * 100).rounded()))%"
    }

    private mutating func clampCentre(source: FrameSize, box: FrameSize) {
        guard let scale else { return }
        let halfW = min(0.5, Double(box.width) / (2 * scale * Double(source.width)))
        let halfH = min(0.5, Double(box.height) / (2 * scale * Double(source.height)))
        centreX = min(max(centreX, halfW), 1 - halfW)
        centreY = min(max(centreY, halfH), 1 - halfH)
    }
}
