/// Reads DPX files (SMPTE 268M) with Reel's own parser: either byte order, one image element of
/// RGB, RGBA or luminance at 8, 10 (filled to 32-bit words, method A or B, or packed), 12 (in
/// 16-bit words) or 16 bits, uncompressed. Code values are shown as they are, scaled to 8 bits
/// (no Cineon log-to-linear: the look a DPX viewer gives without a LUT).
///
/// Stateless; safe from any thread. Every offset the header gives is checked against the file
/// before it is read, so a short or lying file is refused in one line.
public enum DPXDecoder {
    /// Largest DPX file read into memory.
    static let maxFileBytes = 1 << 30

    /// The file's byte order (its signature says which): how its 16- and 32-bit fields read.
    struct ByteOrder: Equatable {
        var bigEndian: Bool

        @inline(__always)
        func word<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Int) -> UInt32 where Bytes.Index == Int {
            let b0 = UInt32(bytes[offset]), b1 = UInt32(bytes[offset + 1]), b2 = UInt32(bytes[offset + 2]), b3 = UInt32(bytes[offset + 3])
            return bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0
        }

        @inline(__always)
        func half<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Int) -> Int where Bytes.Index == Int {
            let b0 = UInt16(bytes[offset]), b1 = UInt16(bytes[offset + 1])
            return Int(bigEndian ? b0 << 8 | b1 : b1 << 8 | b0)
        }
    }

    /// What the header says about the picture and where its pixels are.
    struct Header: Equatable {
        var width: Int
        var height: Int
        /// 1 (luminance), 3 (RGB) or 4 (RGBA).
        var channels: Int
        var bits: Int
        var packing: Int
        var dataOffset: Int
        var order: ByteOrder

        /// Bytes one row of pixels takes, padded to a 32-bit word.
        var rowBytes: Int {
            let components = width * channels
            switch bits {
            case 8: return (components + 3) / 4 * 4
            case 10 where packing == 0: return (components * 10 + 31) / 32 * 4
            case 10: return (components + 2) / 3 * 4
            default: return (components * 2 + 3) / 4 * 4
            }
        }
    }

    /// The size the file's header claims.
    public static func size(path: String) throws(MediaError) -> (width: Int, height: Int) {
        let bytes = try FileBytes.read(path: path, prefix: 4096)
        let header = try readHeader(bytes, count: bytes.count, path: path, needsData: false)
        return (header.width, header.height)
    }

    /// Bits, channels and alpha from the image element, and the television header's timecode.
    public static func describe(path: String) throws(MediaError) -> ImageDescription {
        let bytes = try FileBytes.read(path: path, prefix: 4096)
        let header = try readHeader(bytes, count: bytes.count, path: path, needsData: false)
        let timecode = bytes.count >= 1924 ? ImageDescription.packedBCD(header.order.word(bytes, at: 1920)) : nil
        return ImageDescription(format: .dpx, bitDepth: header.bits, channels: header.channels, hasAlpha: header.channels == 4,
                                timecode: timecode)
    }

    /// Decodes a DPX file to a frame that fits `box` (aspect kept), with `scratch`'s buffers.
    public static func decodeFrame(path: String, fitting box: FrameSize, scratch: DecodeScratch,
                                   look: Look = .identity) throws(MediaError) -> RGBImage {
        let count = try FileBytes.read(path: path, limit: maxFileBytes, into: &scratch.fileBytes)
        let header = try readHeader(scratch.fileBytes, count: count, path: path, needsData: true)
        guard scratch.limit.allows(width: header.width, height: header.height, bytesPerPixel: 4) else {
            throw .imageTooLarge(path: path, width: header.width, height: header.height, limit: scratch.limit.bytes)
        }
        let pixelCount = header.width * header.height
        if scratch.rgba.count < pixelCount * 4 { scratch.rgba = [UInt8](repeating: 0, count: pixelCount * 4) }
        scratch.fileBytes.withUnsafeBufferPointer { file in
            scratch.rgba.withUnsafeMutableBufferPointer { out in
                unpack(header, from: file, into: out)
                if look != .identity { look.apply(rgba: out.baseAddress!, count: pixelCount, width: header.width, exposed: false) }
            }
        }
        let fitted = AreaScaler.fit(width: header.width, height: header.height, maxWidth: box.width, maxHeight: box.height)
        return scratch.rgba.withUnsafeBufferPointer { pixels in
            AreaScaler.scale(pixels, width: header.width, height: header.height, to: fitted.width, fitted.height,
                             scratch: &scratch.scaler)
        }
    }

    static func readHeader(_ bytes: [UInt8], count: Int, path: String, needsData: Bool) throws(MediaError) -> Header {
        func refuse(_ reason: String) -> MediaError { .badImage(path: path, format: "DPX", reason: reason) }
        guard count > 0 else { throw .notMedia(path: path, reason: "the file is empty (0 bytes)") }
        guard count >= 816 else { throw refuse("the file ends inside its header (\(count) bytes)") }
        let magic = Array(bytes[0..<4])
        let order: ByteOrder
        switch magic {
        case Array("SDPX".utf8): order = ByteOrder(bigEndian: true)
        case Array("XPDS".utf8): order = ByteOrder(bigEndian: false)
        default: throw refuse("no DPX signature")
        }
        func word(_ offset: Int) -> Int { Int(order.word(bytes, at: offset)) }
        func half(_ offset: Int) -> Int { order.half(bytes, at: offset) }
        let elements = half(770)
        let width = word(772), height = word(776)
        let descriptor = Int(bytes[800]), bits = Int(bytes[803])
        let packing = half(804), encoding = half(806)
        var dataOffset = word(808)
        if dataOffset == 0 || dataOffset == 0xFFFF_FFFF { dataOffset = word(4) }
        guard elements >= 1 && elements <= 8 else { throw refuse("its header claims \(elements) image elements") }
        guard width > 0, height > 0, width <= FrameLimit.maxSide, height <= FrameLimit.maxSide else {
            throw .imageTooLarge(path: path, width: width, height: height, limit: FrameLimit.standalone.bytes)
        }
        let channels: Int
        switch descriptor {
        case 6: channels = 1
        case 50: channels = 3
        case 51: channels = 4
        default: throw refuse("image element descriptor \(descriptor) (only luminance, RGB and RGBA are read)")
        }
        guard [8, 10, 12, 16].contains(bits) else { throw refuse("\(bits) bits per component") }
        guard bits != 10 || [0, 1, 2].contains(packing), bits != 12 || packing == 1 || packing == 2 else {
            throw refuse("\(bits)-bit packing \(packing)")
        }
        guard encoding == 0 else { throw refuse("run-length encoded (only uncompressed files are read)") }
        let header = Header(width: width, height: height, channels: channels, bits: bits, packing: packing,
                            dataOffset: dataOffset, order: order)
        if needsData {
            let needed = header.rowBytes * height
            guard dataOffset >= 768, dataOffset <= count, count - dataOffset >= needed else {
                throw refuse("the file ends before its pixels do (\(count) bytes, the picture needs \(dataOffset + needed))")
            }
        }
        return header
    }

    /// The pixels as 8-bit RGBA (opaque unless the file has alpha).
    static func unpack(_ header: Header, from file: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        let channels = header.channels
        let order = header.order
        var components = [Int](repeating: 0, count: header.width * channels)
        for y in 0..<header.height {
            let row = header.dataOffset + y * header.rowBytes
            func word(_ index: Int) -> UInt32 { order.word(file, at: row + index * 4) }
            func half(_ index: Int) -> Int { order.half(file, at: row + index * 2) }
            // Each component as an 8-bit value.
            switch header.bits {
            case 8:
                for i in components.indices { components[i] = Int(file[row + i]) }
            case 10 where header.packing == 0:
                // Packed tight: components follow bit after bit within 32-bit words, first in the high bits.
                for i in components.indices {
                    let bit = i * 10, index = bit / 32, offset = bit % 32
                    var value = UInt64(word(index)) << 32
                    if offset + 10 > 32 { value |= UInt64(word(index + 1)) }
                    components[i] = Int((value >> (54 - UInt64(offset))) & 0x3FF) >> 2
                }
            case 10:
                // Three components to a word, the first in the high bits; method A pads at the
                // bottom, method B at the top.
                let shift = header.packing == 1 ? 2 : 0
                for i in components.indices {
                    let value = word(i / 3) >> UInt32(shift + (2 - i % 3) * 10)
                    components[i] = Int(value & 0x3FF) >> 2
                }
            case 12:
                // One component to a 16-bit word: method A in the high 12 bits, method B in the low.
                for i in components.indices {
                    let value = header.packing == 1 ? half(i) >> 4 : half(i) & 0xFFF
                    components[i] = value >> 4
                }
            default:
                for i in components.indices { components[i] = half(i) >> 8 }
            }
            var target = y * header.width * 4
            for x in 0..<header.width {
                let c = x * channels
                if channels == 1 {
                    let value = UInt8(components[c])
                    out[target] = value; out[target + 1] = value; out[target + 2] = value; out[target + 3] = 255
                } else {
                    out[target] = UInt8(components[c]); out[target + 1] = UInt8(components[c + 1])
                    out[target + 2] = UInt8(components[c + 2]); out[target + 3] = channels == 4 ? UInt8(components[c + 3]) : 255
                }
                target += 4
            }
        }
    }
}
