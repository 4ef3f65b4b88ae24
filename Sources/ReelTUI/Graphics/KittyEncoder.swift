import ReelCore

/// Writes pictures as kitty graphics protocol commands: APC `ESC _ G keys ; payload ESC \`.
///
/// Each picture is transmitted and shown at the cursor in one command (`a=T`), 24-bit RGB
/// (`f=24`) at its own size in pixels, so one source pixel is one screen pixel. The payload is
/// base64 in chunks of at most 4096 bytes (the protocol's limit), zlib-compressed (`o=z`) when
/// asked. The cursor does not move (`C=1`) and the terminal does not answer (`q=2`), so nothing
/// comes back on the keyboard's input. A value; safe from any thread.
public struct KittyEncoder: Sendable {
    /// Whether the pixels are deflated before base64: fewer bytes on the link for some CPU.
    public var compressed: Bool

    public init(compressed: Bool = true) {
        self.compressed = compressed
    }

    /// The protocol's longest chunk of base64 payload.
    static let chunkBytes = 4096

    /// Transmits `image` as image `id` and places it at the cursor, `offset` pixels into the
    /// cell there (each less than a cell), under text (`z=-1`: the help and notices stay readable).
    public func place(_ image: RGBImage, id: UInt32, offset: (x: Int, y: Int) = (0, 0)) -> [UInt8] {
        var payload: [UInt8]
        var keys = "a=T,f=24,s=\(image.width),v=\(image.height),i=\(id),p=1,q=2,C=1,z=-1"
        if offset.x > 0 { keys += ",X=\(offset.x)" }
        if offset.y > 0 { keys += ",Y=\(offset.y)" }
        // A deflate that fails (it cannot, but for memory) sends the pixels as they are.
        let deflated: [UInt8]? = compressed ? image.pixels.withUnsafeBytes { try? Deflate.compress($0) } : nil
        if let deflated {
            keys += ",o=z"
            payload = []
            payload.reserveCapacity(Base64.encodedCount(deflated.count))
            deflated.withUnsafeBytes { Base64.append($0, to: &payload) }
        } else {
            payload = []
            payload.reserveCapacity(Base64.encodedCount(image.pixels.count))
            image.pixels.withUnsafeBytes { Base64.append($0, to: &payload) }
        }
        return Self.chunked(keys: keys, payload: payload)
    }

    /// Deletes image `id` and frees its data in the terminal (`a=d,d=I`).
    public static func delete(id: UInt32) -> [UInt8] {
        Array("\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\".utf8)
    }

    /// Deletes every image this client placed that is on the screen, and frees their data (`d=A`).
    public static let deleteAll = Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8)

    /// The commands carrying `payload` after `keys`: the first holds the keys, the others only
    /// whether more follows (`m=1`, and `m=0` on the last).
    static func chunked(keys: String, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / chunkBytes * 12 + keys.utf8.count + 16)
        var start = 0
        repeat {
            let end = min(payload.count, start + chunkBytes)
            let more = end < payload.count
            out.append(contentsOf: [0x1B, UInt8(ascii: "_"), UInt8(ascii: "G")])
            if start == 0 {
                out.append(contentsOf: keys.utf8)
                if more { out.append(contentsOf: ",m=1".utf8) }
            } else {
                out.append(contentsOf: (more ? "m=1" : "m=0").utf8)
            }
            out.append(UInt8(ascii: ";"))
            out.append(contentsOf: payload[start..<end])
            out.append(contentsOf: [0x1B, UInt8(ascii: "\\")])
            start = end
        } while start < payload.count
        return out
    }
}
