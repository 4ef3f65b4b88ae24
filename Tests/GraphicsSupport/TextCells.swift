import ReelCore

/// The text side of `GraphicsTerminal`: a grid of cells, each a character with the combining
/// marks written after it and the foreground colour it was written in, with the cursor moves,
/// erases, inserts and deletes a terminal multiplexer draws with (CUP, CUU/CUD/CUF/CUB, CHA,
/// VPA, EL, ED, ECH, ICH, DCH, CR, LF, BS). Modes and the rest are ignored; the screen does not
/// scroll. Not thread-safe.
public struct TextCells {
    /// A foreground colour as a terminal keeps it.
    public enum Colour: Equatable {
        case standard
        case palette(Int)
        case rgb(UInt32)
    }

    public struct Cell: Equatable {
        public var scalar: UInt32 = 0x20
        public var marks: [UInt32] = []
        public var foreground: Colour = .standard
    }

    public let columns: Int
    public let rows: Int
    public private(set) var cells: [Cell]
    public private(set) var x = 0
    public private(set) var y = 0
    private var foreground: Colour = .standard
    private var pending: [UInt8] = []

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        cells = [Cell](repeating: Cell(), count: columns * rows)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * columns + x] }

    /// Characters (UTF-8, possibly cut between writes) at the cursor.
    mutating func write(_ bytes: ArraySlice<UInt8>) {
        pending += bytes
        var i = 0
        while i < pending.count {
            let lead = pending[i]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard i + length <= pending.count else { break }
            var value = UInt32(length == 1 ? lead : lead & (0xFF >> (length + 1)))
            for k in 1..<max(1, length) { value = value << 6 | UInt32(pending[i + k] & 0x3F) }
            put(value)
            i += length
        }
        pending.removeFirst(i)
    }

    private mutating func put(_ value: UInt32) {
        switch value {
        case 0x0D: x = 0
        case 0x0A: y = min(rows - 1, y + 1)
        case 0x08: x = max(0, x - 1)
        case ..<0x20: break
        default:
            guard columns > 0, rows > 0 else { return }
            let isMark = Unicode.Scalar(value).map { $0.properties.generalCategory == .nonspacingMark } ?? false
            if isMark {
                // A mark belongs to the character before the cursor.
                guard x > 0 else { return }
                cells[y * columns + x - 1].marks.append(value)
                return
            }
            if x >= columns {
                // Past the last column: the next line (the screen does not scroll).
                guard y + 1 < rows else { return }
                x = 0
                y += 1
            }
            cells[y * columns + x] = Cell(scalar: value, marks: [], foreground: foreground)
            x += 1
        }
    }

    /// A control sequence `ESC [ parameters final`.
    mutating func control(parameters: [UInt8], final: UInt8) {
        guard columns > 0, rows > 0 else { return }
        // Private and intermediate forms (`?1049h`, `>c`, `$p`) are modes and queries.
        if parameters.contains(where: { !(0x30...0x3B).contains($0) }) { return }
        let numbers = String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let n = max(1, (numbers.first ?? nil) ?? 1)
        let blank = Cell()
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            let row = (numbers.first ?? nil) ?? 1, column = (numbers.count > 1 ? numbers[1] : nil) ?? 1
            y = max(0, min(rows - 1, row - 1))
            x = max(0, min(columns - 1, column - 1))
        case UInt8(ascii: "A"): y = max(0, y - n)
        case UInt8(ascii: "B"): y = min(rows - 1, y + n)
        case UInt8(ascii: "C"): x = min(columns - 1, x + n)
        case UInt8(ascii: "D"): x = max(0, x - n)
        case UInt8(ascii: "G"): x = min(columns - 1, n - 1)
        case UInt8(ascii: "d"): y = min(rows - 1, n - 1)
        case UInt8(ascii: "K"):
            let mode = (numbers.first ?? nil) ?? 0
            let range = mode == 0 ? min(x, columns)..<columns : mode == 1 ? 0..<min(columns, x + 1) : 0..<columns
            for column in range { cells[y * columns + column] = blank }
        case UInt8(ascii: "J"):
            let mode = (numbers.first ?? nil) ?? 0
            let start = mode == 0 ? y * columns + min(x, columns) : 0
            let end = mode == 1 ? y * columns + min(columns, x + 1) : cells.count
            for i in start..<end { cells[i] = blank }
        case UInt8(ascii: "X"):
            for column in x..<min(columns, x + n) { cells[y * columns + column] = blank }
        case UInt8(ascii: "@"), UInt8(ascii: "P"):
            var line = Array(cells[(y * columns)..<((y + 1) * columns)])
            let count = min(n, columns - x)
            if final == UInt8(ascii: "@") {
                line.insert(contentsOf: [Cell](repeating: blank, count: count), at: x)
                line.removeLast(count)
            } else {
                line.removeSubrange(x..<(x + count))
                line += [Cell](repeating: blank, count: count)
            }
            cells.replaceSubrange((y * columns)..<((y + 1) * columns), with: line)
        case UInt8(ascii: "m"):
            var k = 0
            while k < numbers.count {
                switch numbers[k] ?? 0 {
                case 0, 39: foreground = .standard
                case 30...37: foreground = .palette((numbers[k] ?? 30) - 30)
                case 38 where k + 2 < numbers.count && numbers[k + 1] == 5:
                    foreground = .palette(numbers[k + 2] ?? 0)
                    k += 2
                case 38 where k + 4 < numbers.count && numbers[k + 1] == 2:
                    let r = UInt32(numbers[k + 2] ?? 0), g = UInt32(numbers[k + 3] ?? 0), b = UInt32(numbers[k + 4] ?? 0)
                    foreground = .rgb(r << 16 | g << 8 | b)
                    k += 4
                default: break
                }
                k += 1
            }
        default:
            break
        }
    }
}

extension GraphicsTerminal {
    /// The screen's pixels where kitty would draw its Unicode placeholders (U+10EEEE): each
    /// placeholder cell shows its part of the virtual image its foreground colour (and third
    /// mark) names, at the row and column its first two marks give, or one column on from its
    /// left neighbour when it has none; black elsewhere. `diacritics`: the marks that number
    /// rows and columns, in order. Cells that name no image kitty has are counted in `errors`.
    public func placeholderPicture(diacritics: [UInt32]) -> RGBImage {
        let index = Dictionary(uniqueKeysWithValues: diacritics.enumerated().map { ($1, $0) })
        let width = text.columns * cell.width, height = text.rows * cell.height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<text.rows {
            var left: (low: UInt32, high: Int, row: Int, column: Int)?
            for x in 0..<text.columns {
                let c = text[x, y]
                guard c.scalar == 0x10EEEE else {
                    left = nil
                    continue
                }
                let low: UInt32
                switch c.foreground {
                case .palette(let n): low = UInt32(n)
                case .rgb(let v): low = v
                case .standard:
                    errors.append("placeholder at \(x),\(y) without a colour")
                    left = nil
                    continue
                }
                let marks = c.marks.map { index[$0] }
                var place: (low: UInt32, high: Int, row: Int, column: Int)
                if marks.isEmpty, let before = left, before.low == low {
                    place = (low, before.high, before.row, before.column + 1)
                } else if marks.count >= 2, let row = marks[0], let column = marks[1] {
                    place = (low, marks.count > 2 ? (marks[2] ?? 0) : 0, row, column)
                } else {
                    errors.append("placeholder at \(x),\(y) with marks \(c.marks) and nothing to continue")
                    left = nil
                    continue
                }
                left = place
                let id = UInt32(place.high) << 24 | place.low
                guard let image = virtualImages[id] else {
                    errors.append("placeholder at \(x),\(y) names image \(id), which is not there")
                    continue
                }
                guard place.row < image.rows, place.column < image.columns else {
                    errors.append("placeholder at \(x),\(y) outside image \(id)'s \(image.columns)x\(image.rows) cells")
                    continue
                }
                for py in 0..<cell.height {
                    for px in 0..<cell.width {
                        let sx = place.column * cell.width + px, sy = place.row * cell.height + py
                        guard sx < image.width, sy < image.height else { continue }
                        let s = (sy * image.width + sx) * image.channels
                        if image.channels == 4 && image.data[s + 3] == 0 { continue }
                        let t = ((y * cell.height + py) * width + x * cell.width + px) * 3
                        for k in 0..<3 { pixels[t + k] = image.data[s + k] }
                    }
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
