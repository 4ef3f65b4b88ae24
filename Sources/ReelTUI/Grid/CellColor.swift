/// The colour of one side of a cell: the terminal's own default, or a 24-bit RGB value that the
/// presenter maps to what the terminal can show (direct colour, the 256-colour cube, 16 colours).
public struct CellColor: Hashable, Sendable {
    /// 0 for the terminal's default; otherwise `1 << 24 | r << 16 | g << 8 | b`.
    public let raw: UInt32

    public static let terminalDefault = CellColor(raw: 0)

    private init(raw: UInt32) { self.raw = raw }

    public static func rgb(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> CellColor {
        CellColor(raw: 1 << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b))
    }

    public var isDefault: Bool { raw == 0 }

    /// The RGB components; nil for the terminal's default.
    public var rgb: (r: UInt8, g: UInt8, b: UInt8)? {
        guard raw != 0 else { return nil }
        return (UInt8(truncatingIfNeeded: raw >> 16), UInt8(truncatingIfNeeded: raw >> 8), UInt8(truncatingIfNeeded: raw))
    }
}
