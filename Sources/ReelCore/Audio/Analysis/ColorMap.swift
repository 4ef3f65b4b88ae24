/// How a spectrogram level (0 quiet ... 1 loud) becomes a colour: matplotlib's perceptually
/// uniform viridis, magma and inferno, plain grey, and hot (black, red, yellow, white, as in
/// Audacity's and Sonic Visualiser's classic maps).
public enum ColorMap: String, CaseIterable, Sendable {
    case viridis
    case magma
    case inferno
    case grey
    case hot

    /// Entries of a lookup table.
    public static let tableSize = 256

    /// Nine colours at levels 0, 1/8 ... 1, between which the table interpolates.
    private var anchors: [(UInt8, UInt8, UInt8)] {
        switch self {
        case .viridis:
            return [(68, 1, 84), (72, 40, 120), (62, 73, 137), (49, 104, 142), (38, 130, 142),
                    (31, 158, 137), (53, 183, 121), (110, 206, 88), (253, 231, 37)]
        case .magma:
            return [(0, 0, 4), (28, 16, 68), (79, 18, 123), (129, 37, 129), (181, 54, 122),
                    (229, 80, 100), (251, 135, 97), (254, 194, 135), (252, 253, 191)]
        case .inferno:
            return [(0, 0, 4), (31, 12, 72), (85, 15, 109), (136, 34, 106), (186, 54, 85),
                    (227, 89, 51), (249, 142, 9), (248, 201, 50), (252, 255, 164)]
        case .grey:
            return (0...8).map { let v = UInt8(min(255, $0 * 32)); return (v, v, v) }
        case .hot:
            return [(0, 0, 0), (96, 0, 0), (192, 0, 0), (255, 32, 0), (255, 112, 0),
                    (255, 192, 0), (255, 255, 32), (255, 255, 144), (255, 255, 255)]
        }
    }

    /// The map as a lookup table of `tableSize` colours, counted in `AudioMemory` while it lives.
    public func table() -> ColorTable { ColorTable(map: self, anchors: anchors) }

    /// The next map (`C` cycles them).
    public var next: ColorMap {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// A colour map's lookup table: `ColorMap.tableSize` colours packed 0xRRGGBB, interpolated
/// between the map's anchors. Immutable; its table is counted in `AudioMemory`.
public final class ColorTable: Sendable {
    public let map: ColorMap
    private let colors: AudioBuffer<UInt32>

    fileprivate init(map: ColorMap, anchors: [(UInt8, UInt8, UInt8)]) {
        self.map = map
        let size = ColorMap.tableSize
        let colors = AudioBuffer<UInt32>(capacity: size, repeating: 0)
        for index in 0..<size {
            let position = Double(index) / Double(size - 1) * Double(anchors.count - 1)
            let low = min(Int(position), anchors.count - 2)
            let t = position - Double(low)
            func mix(_ a: UInt8, _ b: UInt8) -> UInt32 { UInt32((Double(a) * (1 - t) + Double(b) * t).rounded()) }
            let (a, b) = (anchors[low], anchors[low + 1])
            colors[index] = mix(a.0, b.0) << 16 | mix(a.1, b.1) << 8 | mix(a.2, b.2)
        }
        self.colors = colors
    }

    /// The colour of `level` (0...1, clamped), packed 0xRRGGBB.
    public func rgb(level: Float) -> UInt32 {
        colors[SampleGuard.index(level * Float(ColorMap.tableSize - 1) + 0.5, last: ColorMap.tableSize - 1)]
    }

    public var byteCount: Int { colors.byteCount }
}
