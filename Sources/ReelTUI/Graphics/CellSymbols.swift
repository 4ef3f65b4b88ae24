/// Which block symbols the cells back end draws pictures with: each cell shows a pattern of
/// sub-pixels in two colours (foreground where the pattern is set).
///
/// Patterns are masks read row by row, bit 0 the top-left sub-pixel: a quadrant cell's four
/// are bits 0–3, a sextant's six (2×3) bits 0–5, an octant's eight (2×4) bits 0–7.
public enum CellSymbols: String, Sendable, CaseIterable {
    /// `▀` over two colours: one pixel wide, two tall (every terminal font has it).
    case half
    /// The quadrant blocks `▘▝▀▖▌▞▛▗▚▐▜▄▙▟█`: 2×2.
    case quad
    /// The sextants of Symbols for Legacy Computing (U+1FB00…U+1FB3B): 2×3.
    case sextant
    /// The octants of Unicode 16 (U+1CD00…U+1CDE5 and older blocks): 2×4, where the font has them.
    case octant

    /// Sub-pixels across and down one cell.
    public var grid: (columns: Int, rows: Int) {
        switch self {
        case .half: return (1, 2)
        case .quad: return (2, 2)
        case .sextant: return (2, 3)
        case .octant: return (2, 4)
        }
    }

    /// Square pixels a cell is decoded to: a cell is about twice as tall as it is wide, so
    /// 1×2 for half blocks, and 2×4 for the others, which reduce them to their own grid.
    public var decodedPixels: (columns: Int, rows: Int) {
        self == .half ? (1, 2) : (2, 4)
    }

    /// The symbol that draws the complement of the pattern `scalar` draws (quadrants, sextants
    /// and octants; not the space and the full block): the same picture with the two colours
    /// swapped, which the row encoder may send instead when it needs fewer colour changes.
    static let complements: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for symbols in [CellSymbols.quad, .sextant, .octant] {
            let full = (1 << (symbols.grid.columns * symbols.grid.rows)) - 1
            for mask in 1..<full {
                table[symbols.character(mask).value] = symbols.character(full & ~mask).value
            }
        }
        return table
    }()

    /// The character that draws pattern `mask`.
    public func character(_ mask: Int) -> Unicode.Scalar {
        switch self {
        case .half: return Self.halfCharacters[mask & 3]
        case .quad: return Self.quadrants[mask & 15]
        case .sextant: return Self.sextant(mask & 63)
        case .octant: return Self.octants[mask & 255]
        }
    }

    private static let halfCharacters: [Unicode.Scalar] = [" ", "\u{2580}", "\u{2584}", "\u{2588}"]

    /// Quadrant masks (bit 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right).
    private static let quadrants: [Unicode.Scalar] = [
        " ", "\u{2598}", "\u{259D}", "\u{2580}", "\u{2596}", "\u{258C}", "\u{259E}", "\u{259B}",
        "\u{2597}", "\u{259A}", "\u{2590}", "\u{259C}", "\u{2584}", "\u{2599}", "\u{259F}", "\u{2588}",
    ]

    /// The sextant block holds every 2×3 pattern in order but the four Block Elements has:
    /// none, the left column (`▌`, 21), the right column (`▐`, 42) and all (`█`).
    private static func sextant(_ mask: Int) -> Unicode.Scalar {
        switch mask {
        case 0: return " "
        case 0b010101: return "\u{258C}"
        case 0b101010: return "\u{2590}"
        case 63: return "\u{2588}"
        default:
            let offset = mask - 1 - (mask > 21 ? 1 : 0) - (mask > 42 ? 1 : 0)
            return Unicode.Scalar(UInt32(0x1FB00 + offset))!
        }
    }

    /// The 26 octant patterns Unicode drew before the octant block: the quadrants (each a 2×2
    /// block of octants) and ten quarter-height blocks.
    static let octantsElsewhere: [Int: Unicode.Scalar] = {
        var table: [Int: Unicode.Scalar] = [:]
        for mask in 0..<16 {
            // A quadrant covers two octant rows: its top bits fill rows 0–1, its bottom ones 2–3.
            let top = mask & 3, bottom = mask >> 2 & 3
            table[top | top << 2 | bottom << 4 | bottom << 6] = quadrants[mask]
        }
        let quarters: [(Int, UInt32)] = [
            (0x01, 0x1CEA8), (0x02, 0x1CEAB), (0x03, 0x1FB82), (0x14, 0x1FBE6), (0x28, 0x1FBE7),
            (0x3F, 0x1FB85), (0x40, 0x1CEA3), (0x80, 0x1CEA0), (0xC0, 0x2582), (0xFC, 0x2586),
        ]
        for (mask, scalar) in quarters { table[mask] = Unicode.Scalar(scalar)! }
        return table
    }()

    /// Every 2×4 pattern's character: the octant block (U+1CD00 on) holds the other 230 in order.
    private static let octants: [Unicode.Scalar] = {
        var next: UInt32 = 0x1CD00
        return (0..<256).map { mask in
            if let elsewhere = octantsElsewhere[mask] { return elsewhere }
            defer { next += 1 }
            return Unicode.Scalar(next)!
        }
    }()
}
