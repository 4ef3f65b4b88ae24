#if canImport(Glibc)
import Glibc
#endif

/// How many colours the terminal shows, and how an RGB cell colour becomes one of its colour numbers.
public enum ColorMode: String, Sendable, CaseIterable {
    /// 24-bit colour numbers (`r << 16 | g << 8 | b`), where terminfo has the RGB flag.
    case direct
    /// The xterm 256-colour palette: the 6×6×6 cube and the 24-step grey ramp.
    case palette256
    /// The 16 ANSI colours.
    case palette16
    /// The 8 ANSI colours.
    case palette8
    /// No colour: pictures are drawn with characters by brightness.
    case monochrome

    /// Chooses from what terminfo reports: whether it has the RGB flag and its `colors` count.
    public static func detect(hasDirectColor: Bool, colors: Int) -> ColorMode {
        if hasDirectColor && colors >= 1 << 24 { return .direct }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .palette16 }
        if colors >= 8 { return .palette8 }
        return .monochrome
    }

    /// COLORTERM=truecolor or 24bit: the terminal takes RGB colours whatever terminfo says.
    public static var environmentSaysTrueColor: Bool {
        guard let value = getenv("COLORTERM").map({ String(cString: $0) }) else { return false }
        return value == "truecolor" || value == "24bit"
    }

    /// The terminal colour number for `colour`; -1 is the terminal's default.
    public func colorNumber(_ colour: CellColor) -> Int32 {
        guard let (r, g, b) = colour.rgb else { return -1 }
        switch self {
        case .direct:
            // Direct-colour terminfo (xterm-direct, tmux-direct) sends numbers below 8 as the
            // ANSI palette (setaf 30–37): rgb(0,0,1…7) would come out red, green, …; use 8 instead.
            return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        case .palette256: return Int32(Self.nearest256(r, g, b))
        case .palette16: return Int32(Self.nearest(r, g, b, in: Self.ansi16))
        case .palette8: return Int32(Self.nearest(r, g, b, in: Array(Self.ansi16.prefix(8))))
        case .monochrome: return -1
        }
    }

    /// The levels of the xterm cube's axes.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// Nearest of the 240 cube and grey-ramp colours (16…255) by squared RGB distance.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int {
            // Midpoints between the cube levels.
            let v = Int(v)
            if v < 48 { return 0 }
            if v < 115 { return 1 }
            return min(5, (v - 35) / 40)
        }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let mean = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (mean - 3) / 10))
        let grey = 8 + 10 * greyIndex
        func distance(_ c: (Int, Int, Int)) -> Int {
            let dr = c.0 - Int(r), dg = c.1 - Int(g), db = c.2 - Int(b)
            return dr * dr + dg * dg + db * db
        }
        if distance((grey, grey, grey)) < distance(cube) { return 232 + greyIndex }
        return 16 + 36 * ri + 6 * gi + bi
    }

    /// xterm's default 16 colours.
    static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, in palette: [(Int, Int, Int)]) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (i, c) in palette.enumerated() {
            let dr = c.0 - Int(r), dg = c.1 - Int(g), db = c.2 - Int(b)
            let d = dr * dr + dg * dg + db * db
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}
