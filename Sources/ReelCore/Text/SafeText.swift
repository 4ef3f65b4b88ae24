/// Text from outside (file names, chunk types, library messages) made safe to print: nothing in
/// it may move the cursor, retitle the window, ring the bell, clear the screen or break a line.
///
/// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional
/// overrides are written as escapes (`\x1b`, `\u{202e}`), as `ls -b` does; everything else is
/// kept. Stateless; safe from any thread.
public enum SafeText {
    /// Whether `scalar` would act on a terminal (or a line-based reader) instead of showing.
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// `text` with every control written as an escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let escape = scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u{" + hex + "}"
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// JSON text with every control left raw inside its strings written as `\uXXXX` (JSON
    /// requires it only below 0x20, but DEL, C1 and the separators act on terminals too).
    /// Valid JSON stays valid and means the same.
    public static func jsonEscapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isControl) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            // Newlines and indentation between values are JSON's own layout; inside strings they
            // are already escaped by every encoder.
            if isControl(scalar) && scalar != "\n" && scalar != " " && scalar != "\t" && scalar != "\r" {
                out.append(contentsOf: unicodeEscape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `\uXXXX` for a scalar of the Basic Multilingual Plane.
    public static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
