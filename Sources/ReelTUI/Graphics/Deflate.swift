import CZlib

/// zlib streams (RFC 1950) in one call each: `compress2` for the kitty protocol's `o=z` payloads.
///
/// Stateless; safe from any thread.
enum Deflate {
    /// What zlib refused, with its status code.
    enum Failure: Error, Equatable {
        case compress(status: Int32)
    }

    /// zlib level 1: the link is usually faster than a second spent compressing harder, and
    /// picture rows repeat in long runs that level 1 already finds.
    static let fastLevel: Int32 = 1

    /// `bytes` as one zlib stream at `level`.
    static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32 = fastLevel) throws(Failure) -> [UInt8] {
        let bound = Int(compressBound(uLong(bytes.count)))
        var size = uLongf(bound)
        var status: Int32 = Z_OK
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            status = CZlib.compress2(buffer.baseAddress, &size, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self),
                                     uLong(bytes.count), level)
            count = status == Z_OK ? Int(size) : 0
        }
        guard status == Z_OK else { throw .compress(status: status) }
        return out
    }
}
