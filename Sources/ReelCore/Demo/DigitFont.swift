/// A 5 × 7 bitmap font of the digits 0–9, for drawing frame numbers into test pictures.
enum DigitFont {
    static let width = 5
    static let height = 7

    /// Rows top to bottom; bit 4 is the leftmost column.
    private static let glyphs: [[UInt8]] = [
        [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],  // 0
        [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],  // 1
        [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],  // 2
        [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],  // 3
        [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],  // 4
        [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],  // 5
        [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],  // 6
        [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],  // 7
        [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],  // 8
        [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],  // 9
    ]

    /// Whether the pixel at (`column`, `row`) of `digit`'s glyph is set.
    static func isSet(digit: Int, column: Int, row: Int) -> Bool {
        guard (0...9).contains(digit), (0..<width).contains(column), (0..<height).contains(row) else { return false }
        return glyphs[digit][row] & (1 << (width - 1 - column)) != 0
    }
}
