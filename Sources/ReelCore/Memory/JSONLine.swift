/// Writes one JSON object on one line, keys in the order given (JSON lines for scripts).
///
/// Stateless; safe from any thread.
public enum JSONLine {
    public enum Value: Sendable {
        case int(Int)
        case double(Double)
        case bool(Bool)
        case string(String)
        case ints([Int])
    }

    public static func encode(_ fields: [(key: String, value: Value)]) -> String {
        "{" + fields.map { "\(quote($0.key)):\(render($0.value))" }.joined(separator: ",") + "}"
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case .int(let number): return String(number)
        case .double(let number): return number.isFinite ? String(number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return quote(text)
        case .ints(let numbers): return "[" + numbers.map(String.init).joined(separator: ",") + "]"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where SafeText.isControl(scalar):
                out += SafeText.unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
