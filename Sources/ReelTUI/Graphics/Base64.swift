/// Standard base64 (RFC 4648, with padding), appended straight to a byte buffer: the image
/// protocols send every picture through it, so it works on raw pointers, three bytes at a time.
///
/// Stateless; safe from any thread.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The length of `count` bytes once encoded.
    static func encodedCount(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// Appends `bytes`, encoded, to `out`.
    static func append(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let encoded = encodedCount(bytes.count)
        guard encoded > 0, let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: encoded))
        alphabet.withUnsafeBufferPointer { table in
            out.withUnsafeMutableBufferPointer { buffer in
                var o = buffer.baseAddress! + start
                var i = 0
                let whole = bytes.count / 3 * 3
                while i < whole {
                    let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
                    o[0] = table[Int(v >> 18)]
                    o[1] = table[Int(v >> 12 & 63)]
                    o[2] = table[Int(v >> 6 & 63)]
                    o[3] = table[Int(v & 63)]
                    o += 4
                    i += 3
                }
                let rest = bytes.count - whole
                guard rest > 0 else { return }
                let v = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i + 1]) << 8 : 0)
                o[0] = table[Int(v >> 18)]
                o[1] = table[Int(v >> 12 & 63)]
                o[2] = rest == 2 ? table[Int(v >> 6 & 63)] : UInt8(ascii: "=")
                o[3] = UInt8(ascii: "=")
            }
        }
    }

    /// `bytes`, encoded.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedCount(bytes.count))
        bytes.withUnsafeBytes { append($0, to: &out) }
        return out
    }
}
