/// What a person sees in a row of `tmux capture-pane -e`: per cell, the colours of its upper and
/// lower half for blocks and blanks (`▀` over a colour looks like `▄` with the colours swapped,
/// `█` like a space on its colour), else the character with its colours and attributes.
///
/// Two captures of the same picture drawn in different ways compare equal.
enum VisibleCells {
    enum Cell: Equatable, CustomStringConvertible {
        case halves(top: String, bottom: String)
        case text(Character, foreground: String, background: String, attributes: Set<Int>)

        var description: String {
            switch self {
            case .halves(let top, let bottom): return "halves(\(top)/\(bottom))"
            case .text(let c, let fg, let bg, let attributes): return "\(c) \(fg)/\(bg) \(attributes.sorted())"
            }
        }
    }

    /// The colours and attributes in force, from one row of a capture to the next.
    struct Pen {
        var foreground = "default", background = "default"
        var attributes = Set<Int>()
    }

    /// The cells of one captured row, its colours starting from the defaults.
    static func parse(_ row: Substring) -> [Cell] {
        var pen = Pen()
        return parse(row, pen: &pen)
    }

    /// The cells of every row of a capture: tmux writes a colour change only where it changes,
    /// so a row goes on in the colours the row before it ended in.
    static func parse(capture rows: [Substring]) -> [[Cell]] {
        var pen = Pen()
        return rows.map { parse($0, pen: &pen) }
    }

    static func parse(_ row: Substring, pen: inout Pen) -> [Cell] {
        var cells: [Cell] = []
        var foreground = pen.foreground, background = pen.background
        var attributes = pen.attributes
        defer { pen = Pen(foreground: foreground, background: background, attributes: attributes) }
        let characters = Array(row)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\u{1B}", i + 1 < characters.count, characters[i + 1] == "[" {
                var j = i + 2
                var parameters = ""
                while j < characters.count, characters[j] != "m" {
                    parameters.append(characters[j])
                    j += 1
                }
                sgr(parameters, &foreground, &background, &attributes)
                i = j + 1
                continue
            }
            switch (c, attributes.isEmpty) {
            case ("\u{2580}", true): cells.append(.halves(top: foreground, bottom: background))
            case ("\u{2584}", true): cells.append(.halves(top: background, bottom: foreground))
            case ("\u{2588}", true): cells.append(.halves(top: foreground, bottom: foreground))
            case (" ", true): cells.append(.halves(top: background, bottom: background))
            default: cells.append(.text(c, foreground: foreground, background: background, attributes: attributes))
            }
            i += 1
        }
        return cells
    }

    private static func sgr(_ parameters: String, _ foreground: inout String, _ background: inout String, _ attributes: inout Set<Int>) {
        let codes = parameters.isEmpty ? [0] : parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var k = 0
        while k < codes.count {
            let code = codes[k]
            switch code {
            case 0:
                foreground = "default"
                background = "default"
                attributes = []
            case 38, 48:
                // 5;n or 2;r;g;b
                let length = k + 1 < codes.count && codes[k + 1] == 2 ? 4 : 2
                let colour = codes[(k + 1)..<min(codes.count, k + 1 + length)].map(String.init).joined(separator: ";")
                if code == 38 { foreground = colour } else { background = colour }
                k += length
            case 39: foreground = "default"
            case 49: background = "default"
            case 30...37, 90...97: foreground = "ansi\(code)"
            case 40...47, 100...107: background = "ansi\(code)"
            case 22: attributes.subtract([1, 2])
            case 24: attributes.remove(4)
            case 27: attributes.remove(7)
            default: attributes.insert(code)
            }
            k += 1
        }
    }
}
