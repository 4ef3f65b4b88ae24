/// Byte counts as people read them: "512 KB", "123.4 MB", "2.25 GB" (binary units).
enum ByteText {
    static func format(_ bytes: Int) -> String {
        let value = Double(bytes)
        if bytes < 1 << 20 { return "\(Int((value / 1024).rounded())) KB" }
        if bytes < 1 << 30 { return fixed(value / 1_048_576, decimals: 1) + " MB" }
        return fixed(value / 1_073_741_824, decimals: 2) + " GB"
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        guard decimals > 0 else { return String(scaled) }
        let fraction = String(abs(scaled) % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

extension ByteText {
    /// A rate without trailing zeros: 24, 23.98, 29.97.
    static func trimmed(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = fixed(value, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
