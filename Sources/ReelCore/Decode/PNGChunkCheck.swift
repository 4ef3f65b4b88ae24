/// Walks a PNG's chunk list before libpng sees it: refuses a chunk that claims more bytes than
/// the file holds, and a header whose pixels its image data could not inflate to.
///
/// libpng allocates a chunk's claimed length before it finds the data missing: a 300-byte file
/// whose pCAL claims 1 GiB costs a gigabyte and a second of page faults. And it believes IHDR:
/// 261 KB claiming 16384x16384 at 16 bits is two gigabytes of pixels and seconds of inflating
/// before the data runs out. The whole file is in memory here, so both lies are known before
/// anything is allocated. Stateless; safe from any thread.
enum PNGChunkCheck {
    static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    static func validate(_ bytes: UnsafeRawBufferPointer, path: String) throws(MediaError) {
        // Not a PNG signature: libpng says so in its own words.
        guard bytes.count >= 8, bytes.prefix(8).elementsEqual(signature) else { return }
        func int(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        var offset = 8
        var header: (width: Int, height: Int, bits: Int, channels: Int)?
        var imageData = 0
        while offset + 8 <= bytes.count {
            let length = int(offset)
            let type = UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 8)])
            let available = bytes.count - offset - 12
            if length > 0x7FFF_FFFF || length > available {
                throw .badPNG(path: path, reason: "\(chunkName(type)) chunk claims \(length) bytes but \(max(0, available)) follow")
            }
            switch chunkName(type) {
            case "IHDR" where length >= 13:
                let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][Int(bytes[offset + 17])] ?? 4
                header = (int(offset + 8), int(offset + 12), max(1, Int(bytes[offset + 16])), channels)
            case "IDAT":
                imageData += length
            case "IEND":
                try checkInflation(header, imageData: imageData, path: path)
                return
            default:
                break
            }
            offset += 12 + length
        }
        // A file cut short between chunks: what it has must still be able to hold the picture.
        try checkInflation(header, imageData: imageData, path: path)
    }

    /// Refuses a header whose filtered rows (a filter byte and the packed pixels, per row) are
    /// more than deflate could make of `imageData` bytes.
    static func checkInflation(_ header: (width: Int, height: Int, bits: Int, channels: Int)?, imageData: Int,
                               path: String) throws(MediaError) {
        // Beyond the largest side Reel decodes, the size limit refuses it in plainer words.
        guard let header, header.width > 0, header.height > 0,
              header.width <= FrameLimit.maxSide, header.height <= FrameLimit.maxSide else { return }
        let rowBytes = 1 + (header.width * header.channels * header.bits + 7) / 8
        let raw = header.height * rowBytes
        // Small pictures are left to libpng: a zlib header and a block cost a few bytes whatever the ratio.
        guard raw > 1 << 16, raw > imageData * FrameLimit.deflateRatio else { return }
        throw .implausibleSize(path: path, width: header.width, height: header.height,
                               reason: "\(header.bits)-bit pixels of \(raw >> 20) MiB cannot come from \(imageData) bytes of image data")
    }

    /// A chunk type as text; anything but the four ASCII letters PNG allows is shown escaped.
    static func chunkName(_ type: UnsafeRawBufferPointer) -> String {
        type.map { (65...90).contains($0) || (97...122).contains($0) ? String(UnicodeScalar($0)) : "\\x" + hex($0) }.joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
