@testable import ReelTUI

/// A screen that reads the ANSI text the row encoder writes, as a terminal would: cursor
/// position (CUP), cursor forward (CUF), SGR attributes and colours, UTF-8 characters. Anything
/// else, a write past the right edge, or an escape it cannot parse is recorded in `errors`.
struct VirtualTerminal {
    struct Cell: Equatable {
        var scalar: Unicode.Scalar = " "
        var attributes: UInt8 = 0
        var foreground: Int32 = -1
        var background: Int32 = -1
    }

    let width: Int
    let height: Int
    let mode: ColorMode
    var cells: [Cell]
    var x = 0
    var y = 0
    var attributes: UInt8 = 0
    var foreground: Int32 = -1
    var background: Int32 = -1
    var errors: [String] = []

    init(width: Int, height: Int, mode: ColorMode) {
        self.width = width
        self.height = height
        self.mode = mode
        cells = [Cell](repeating: Cell(), count: width * height)
    }

    subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Whether the pen is back to the terminal's normal attributes and colours.
    var isNormal: Bool { attributes == 0 && foreground == -1 && background == -1 }

    /// The colours a cell shows in its upper and lower half.
    func halves(x: Int, y: Int) -> (top: Int32, bottom: Int32)? {
        let cell = self[x, y]
        switch cell.scalar {
        case "\u{2580}": return (cell.foreground, cell.background)
        case "\u{2584}": return (cell.background, cell.foreground)
        case " ": return (cell.background, cell.background)
        case "\u{2588}": return (cell.foreground, cell.foreground)
        default: return nil
        }
    }

    mutating func feed(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x1B {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else {
                    errors.append("ESC not followed by [ at \(i)")
                    return
                }
                var j = i + 2
                while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
                guard j < bytes.count else {
                    errors.append("unfinished escape at \(i)")
                    return
                }
                let parameters = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                control(parameters, final: bytes[j])
                i = j + 1
                continue
            }
            // One UTF-8 character.
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard i + length <= bytes.count else {
                errors.append("cut UTF-8 at \(i)")
                return
            }
            var decoder = UTF8()
            var iterator = bytes[i..<(i + length)].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                errors.append("bad UTF-8 at \(i)")
                return
            }
            put(scalar)
            i += length
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        guard x >= 0, x < width, y >= 0, y < height else {
            errors.append("character \(scalar) written outside the screen at (\(x), \(y))")
            return
        }
        cells[y * width + x] = Cell(scalar: scalar, attributes: attributes, foreground: foreground, background: background)
        x += 1
    }

    private mutating func control(_ parameters: String, final: UInt8) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch final {
        case UInt8(ascii: "H"):
            y = (numbers.first.flatMap { $0 } ?? 1) - 1
            x = (numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1
        case UInt8(ascii: "C"):
            x += numbers.first.flatMap { $0 } ?? 1
        case UInt8(ascii: "m"):
            sgr(parameters.isEmpty ? [0] : numbers.map { $0 ?? 0 })
        default:
            errors.append("unexpected control \(parameters)\(Character(Unicode.Scalar(final)))")
        }
    }

    private mutating func sgr(_ codes: [Int]) {
        var k = 0
        func colour() -> Int32? {
            guard k + 1 < codes.count else { return nil }
            if codes[k + 1] == 5, k + 2 < codes.count {
                defer { k += 2 }
                return Int32(codes[k + 2])
            }
            if codes[k + 1] == 2, k + 4 < codes.count {
                defer { k += 4 }
                return Int32(codes[k + 2] << 16 | codes[k + 3] << 8 | codes[k + 4])
            }
            return nil
        }
        while k < codes.count {
            let code = codes[k]
            switch code {
            case 0:
                attributes = 0
                foreground = -1
                background = -1
            case 1: attributes |= Cell.Attributes.bold
            case 2: attributes |= Cell.Attributes.dim
            case 4: attributes |= Cell.Attributes.underline
            case 7: attributes |= Cell.Attributes.reverse
            case 30...37: foreground = Int32(code - 30)
            case 90...97: foreground = Int32(code - 90 + 8)
            case 40...47: background = Int32(code - 40)
            case 100...107: background = Int32(code - 100 + 8)
            case 39: foreground = -1
            case 49: background = -1
            case 38:
                guard let c = colour() else { errors.append("bad 38"); return }
                foreground = c
            case 48:
                guard let c = colour() else { errors.append("bad 48"); return }
                background = c
            default:
                errors.append("unexpected SGR \(code)")
            }
            k += 1
        }
    }
}

extension VirtualTerminal.Cell {
    /// The SGR attribute bits, as `Cell.Attributes` raw values.
    enum Attributes {
        static let bold = ReelTUI.Cell.Attributes.bold.rawValue
        static let dim = ReelTUI.Cell.Attributes.dim.rawValue
        static let underline = ReelTUI.Cell.Attributes.underline.rawValue
        static let reverse = ReelTUI.Cell.Attributes.reverse.rawValue
    }
}
