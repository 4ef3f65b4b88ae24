/// How the files of an image sequence are named: a prefix, a frame number and a suffix.
///
/// `padding` is the number of digits a frame number is zero-padded to; 0 means not padded
/// (`shot.1.png`, `shot.10.png`). A number wider than the padding is still part of the
/// sequence (`shot.9999.png`, `shot.10000.png`), as in DJV and OpenRV.
public struct SequencePattern: Hashable, Sendable, CustomStringConvertible {
    public var directory: String
    public var prefix: String
    public var padding: Int
    public var suffix: String

    public init(directory: String, prefix: String, padding: Int, suffix: String) {
        self.directory = directory
        self.prefix = prefix
        self.padding = padding
        self.suffix = suffix
    }

    /// The pattern in `####` form (`%d` when not padded), as shown to users.
    public var description: String {
        let hashes = padding == 0 ? "%d" : String(repeating: "#", count: padding)
        return join(directory, prefix + hashes + suffix)
    }

    /// The file name of one frame, without the directory.
    public func fileName(frame: Int) -> String {
        var digits = String(abs(frame))
        if digits.count < padding {
            digits = String(repeating: "0", count: padding - digits.count) + digits
        }
        return prefix + (frame < 0 ? "-" : "") + digits + suffix
    }

    /// The path of one frame.
    public func path(frame: Int) -> String {
        join(directory, fileName(frame: frame))
    }

    /// The frame number a file name stands for, or nil when it is not a file of this pattern.
    public func frameNumber(fileName name: String) -> Int? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix),
              name.count > prefix.count + suffix.count else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.allSatisfy(\.isASCIIDigit), digits.count <= 9 else { return nil }
        if padding == 0 {
            // Unpadded: "7" and "10" belong, "007" does not.
            if digits.count > 1 && digits.first == "0" { return nil }
        } else {
            // Padded: exactly `padding` digits, or more when the number needs them.
            if digits.count < padding { return nil }
            if digits.count > padding && digits.first == "0" { return nil }
        }
        return Int(digits)
    }

    /// Splits a file name around its last run of digits before the extension:
    /// `sh010.0042.png` → (prefix `sh010.`, digits `0042`, suffix `.png`). Nil when the
    /// stem has no digits.
    static func split(fileName name: String) -> (prefix: String, digits: Substring, suffix: String)? {
        let chars = Array(name)
        let dot = chars.lastIndex(of: ".") ?? chars.count
        var end = dot
        while end > 0 && !chars[end - 1].isASCIIDigit { end -= 1 }
        guard end > 0 else { return nil }
        var start = end
        while start > 0 && chars[start - 1].isASCIIDigit { start -= 1 }
        let prefix = String(chars[..<start])
        let digits = Substring(String(chars[start..<end]))
        let suffix = String(chars[end...])
        return (prefix, digits, suffix)
    }

    /// The widest padding a pattern may ask for: a frame number has at most 18 digits (an Int
    /// has 19), and a wider one would only make every file name it is asked for huge.
    public static let maxPadding = 18

    /// Reads a pattern written as `name.####.png`, `name.@@@@.png` (one character per digit)
    /// or `name.%04d.png` / `name.%d.png`. Nil when the name holds no such placeholder, or one
    /// wider than `maxPadding`.
    public static func parse(placeholder path: String) -> SequencePattern? {
        let (directory, name) = splitPath(path)
        let chars = Array(name)
        // printf form: %d or %0Nd
        if let percent = chars.lastIndex(of: "%") {
            var i = percent + 1
            var width = ""
            while i < chars.count && chars[i].isASCIIDigit { width.append(chars[i]); i += 1 }
            if i < chars.count && chars[i] == "d" {
                // Found by the names fuzz target: `%0433333333333333333d` asked for a file name
                // of 433 quadrillion characters.
                let padding = width.count <= 3 ? Int(width) ?? 0 : Int.max
                guard padding <= maxPadding else { return nil }
                if width.isEmpty || width.first == "0" || padding == 0 {
                    return SequencePattern(
                        directory: directory, prefix: String(chars[..<percent]),
                        padding: padding, suffix: String(chars[(i + 1)...]))
                }
            }
        }
        for mark in ["#", "@"] as [Character] {
            guard let last = chars.lastIndex(of: mark) else { continue }
            var first = last
            while first > 0 && chars[first - 1] == mark { first -= 1 }
            guard last - first + 1 <= maxPadding else { return nil }
            return SequencePattern(
                directory: directory, prefix: String(chars[..<first]),
                padding: last - first + 1, suffix: String(chars[(last + 1)...]))
        }
        return nil
    }
}

/// Splits a path into its directory ("." when none) and its last component.
func splitPath(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
}

/// Joins a directory and a name, leaving out "./" so paths read as the user typed them.
func join(_ directory: String, _ name: String) -> String {
    if directory == "." { return name }
    if directory.hasSuffix("/") { return directory + name }
    return directory + "/" + name
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
