/// Walks a PNG's chunk list before libpng sees it and refuses a chunk that claims more bytes
/// than the file holds.
///
/// libpng allocates a chunk's claimed length before it finds the data missing: a 300-byte file
/// whose pCAL claims 1 GiB costs a gigabyte and a second of page faults. The whole file is in
/// memory here, so such a claim is known to be false before anything is allocated.
/// Stateless; safe from any thread.
enum PNGChunkCheck {
    static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    static func validate(_ bytes: UnsafeRawBufferPointer, path: String) throws(MediaError) {
        // Not a PNG signature: libpng says so in its own words.
        guard bytes.count >= 8, bytes.prefix(8).elementsEqual(signature) else { return }
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16
                | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 8)]), as: UTF8.self)
            let available = bytes.count - offset - 12
            if length > 0x7FFF_FFFF || length > available {
                throw .badPNG(path: path, reason: "\(type) chunk claims \(length) bytes but \(max(0, available)) follow")
            }
            if type == "IEND" { return }
            offset += 12 + length
        }
        // A file cut short between chunks: libpng reports it when it gets there.
    }
}
