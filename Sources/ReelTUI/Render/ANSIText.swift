/// Writes a grid as terminal text with ANSI escape sequences (SGR colours), line by line, for
/// `reel render`: what chafa and timg print, with no terminal library involved.
///
/// A colour sequence is sent only when the colour changes from the cell before; each line ends
/// by resetting, so the text can be printed anywhere. Stateless.
public enum ANSIText {
    public static func encode(_ grid: CellGrid, mode: ColorMode) -> String {
        // A String appended to (amortized constant time; its scalar view's append(contentsOf:)
        // copied the whole text each time).
        var out = ""
        func append(_ text: String) { out += text }
        for y in 0..<grid.height {
            var foreground: Int32? = nil, background: Int32? = nil
            var attributes = Cell.Attributes()
            // The row without its trailing blanks.
            var end = grid.width
            while end > 0 && grid[end - 1, y] == .blank { end -= 1 }
            for x in 0..<end {
                let cell = grid[x, y]
                let fg = mode.colorNumber(cell.foreground), bg = mode.colorNumber(cell.background)
                if cell.attributes != attributes {
                    append("\u{1B}[0m")
                    if cell.attributes.contains(.bold) { append("\u{1B}[1m") }
                    if cell.attributes.contains(.dim) { append("\u{1B}[2m") }
                    if cell.attributes.contains(.underline) { append("\u{1B}[4m") }
                    if cell.attributes.contains(.reverse) { append("\u{1B}[7m") }
                    attributes = cell.attributes
                    foreground = nil
                    background = nil
                }
                if fg != foreground { append(sgr(fg, mode: mode, background: false)); foreground = fg }
                if bg != background { append(sgr(bg, mode: mode, background: true)); background = bg }
                let character = cell.character.value < 0x20 || (0x7F...0x9F).contains(cell.character.value) ? "?" : cell.character
                out.unicodeScalars.append(mode == .monochrome && (cell.foreground.rgb != nil || cell.background.rgb != nil)
                                          ? CursesPresenter.brightnessCharacter(cell) : character)
            }
            append(mode == .monochrome ? "\n" : "\u{1B}[0m\n")
        }
        return out
    }

    /// The SGR sequence that sets a colour number of `mode` (-1: the terminal's default).
    static func sgr(_ number: Int32, mode: ColorMode, background: Bool) -> String {
        guard number >= 0, mode != .monochrome else { return background ? "\u{1B}[49m" : "\u{1B}[39m" }
        switch mode {
        case .direct:
            let (r, g, b) = (number >> 16 & 0xFF, number >> 8 & 0xFF, number & 0xFF)
            return "\u{1B}[\(background ? 48 : 38);2;\(r);\(g);\(b)m"
        case .palette256:
            return "\u{1B}[\(background ? 48 : 38);5;\(number)m"
        case .palette16, .palette8:
            let base = number < 8 ? (background ? 40 : 30) : (background ? 100 : 90)
            return "\u{1B}[\(base + Int(number % 8))m"
        case .monochrome:
            return ""
        }
    }
}
