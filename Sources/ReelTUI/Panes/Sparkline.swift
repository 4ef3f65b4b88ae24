/// A row of block characters (▁…█) whose heights follow a series of values, scaled between
/// their lowest and highest; a flat series is a flat line.
enum Sparkline {
    static let levels: [Unicode.Scalar] = ["\u{2581}", "\u{2582}", "\u{2583}", "\u{2584}",
                                           "\u{2585}", "\u{2586}", "\u{2587}", "\u{2588}"]

    /// `values` in at most `width` characters: the newest values, or, when they are more than
    /// the width, the highest of each group of them (a spike never disappears).
    static func text(_ values: [Int], width: Int) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        var shown = values
        if values.count > width {
            shown = (0..<width).map { column in
                let start = column * values.count / width, end = max(start + 1, (column + 1) * values.count / width)
                return values[start..<end].max()!
            }
        }
        let low = shown.min()!, high = shown.max()!
        var line = String.UnicodeScalarView()
        for value in shown {
            let level = high == low ? 0 : (value - low) * (levels.count - 1) / (high - low)
            line.append(levels[level])
        }
        return String(line)
    }
}
