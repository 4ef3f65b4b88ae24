import Foundation

/// Files made to break a decoder, byte by byte. Stateless.
public enum HostileFiles {
    /// A PNG chunk: length, type, data, CRC.
    public static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    public static let pngSignature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    /// An IHDR chunk for `width` × `height` (`bits` per channel, colour type `colourType`).
    public static func ihdr(width: Int, height: Int, bits: UInt8 = 8, colourType: UInt8 = 6) -> [UInt8] {
        chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [bits, colourType, 0, 0, 0])
    }

    /// A PNG whose header claims `width` × `height` over an empty image.
    public static func pngHeaderOnly(width: Int, height: Int) -> [UInt8] {
        pngSignature + ihdr(width: width, height: height)
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
            + chunk("IEND", [])
    }

    /// A decompression bomb: a header claiming `width` × `height` RGB at 16 bits, then
    /// `dataBytes` of a real deflate stream of zero rows (fixed Huffman, runs of 258), which
    /// inflates about 160 times and ends long before the picture does.
    public static func pngBomb(width: Int = 16384, height: Int = 16384, dataBytes: Int = 261_000) -> [UInt8] {
        var bits = BitWriter()
        bits.write(0b011, count: 3)  // BFINAL 1, BTYPE 01 (fixed Huffman), LSB first
        bits.writeCode(0x30, length: 8)  // the literal 0 (filter byte, then zero pixels)
        while bits.bytes.count < dataBytes - 2 {
            bits.writeCode(0b1100_0101, length: 8)  // length 258: symbol 285
            bits.writeCode(0, length: 5)  // distance 1
        }
        return pngSignature + ihdr(width: width, height: height, bits: 16, colourType: 2)
            + chunk("IDAT", [0x78, 0x01] + bits.bytes) + chunk("IEND", [])
    }

    /// A mono 32-bit float WAV of `samples`, whatever their values (NaN and infinities too).
    public static func floatWAV(_ samples: [Float], rate: UInt32 = 8000) -> Data {
        var data = Data()
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let payload = UInt32(samples.count * 4)
        data.append(contentsOf: Array("RIFF".utf8)); put(36 + payload)
        data.append(contentsOf: Array("WAVEfmt ".utf8)); put(UInt32(16))
        put(UInt16(3)); put(UInt16(1)); put(rate); put(rate * 4); put(UInt16(4)); put(UInt16(32))
        data.append(contentsOf: Array("data".utf8)); put(payload)
        for sample in samples { put(sample.bitPattern) }
        return data
    }

    /// A WAV that says its data is MPEG Layer III (format tag 0x55) over bytes that hold no MPEG
    /// frame: libmpg123, inside libsndfile, prints "Note: Illegal Audio-MPEG-Header" about it.
    public static func mp3InWAV(junkBytes: Int = 20_000) -> Data {
        var data = Data()
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        var seed: UInt32 = 12345
        let junk = (0..<junkBytes).map { _ -> UInt8 in
            seed = seed &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: seed >> 16)
        }
        // WAVEFORMATEX + MPEGLAYER3WAVEFORMAT's 12 bytes, a fact chunk, the data.
        let fmtSize: UInt32 = 30
        let riffSize: UInt32 = 4 + 8 + fmtSize + 12 + 8 + UInt32(junk.count)
        data.append(contentsOf: Array("RIFF".utf8)); put(riffSize)
        data.append(contentsOf: Array("WAVEfmt ".utf8)); put(fmtSize)
        put(UInt16(0x55)); put(UInt16(2)); put(UInt32(44_100)); put(UInt32(16_000)); put(UInt16(1)); put(UInt16(0))
        put(UInt16(12)); put(UInt16(1)); put(UInt32(2)); put(UInt16(417)); put(UInt16(1)); put(UInt16(1393))
        data.append(contentsOf: Array("fact".utf8)); put(UInt32(4)); put(UInt32(100_000))
        data.append(contentsOf: Array("data".utf8)); put(UInt32(junk.count))
        data.append(contentsOf: junk)
        return data
    }

    public static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Bits into bytes, least significant first, as deflate packs them.
struct BitWriter {
    var bytes: [UInt8] = []
    private var used = 8

    mutating func write(_ value: UInt32, count: Int) {
        for i in 0..<count { put(value >> i & 1) }
    }

    /// A Huffman code: its bits go most significant first.
    mutating func writeCode(_ code: UInt32, length: Int) {
        for i in stride(from: length - 1, through: 0, by: -1) { put(code >> i & 1) }
    }

    private mutating func put(_ bit: UInt32) {
        if used == 8 {
            bytes.append(0)
            used = 0
        }
        bytes[bytes.count - 1] |= UInt8(bit) << used
        used += 1
    }
}
