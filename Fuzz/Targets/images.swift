// libFuzzer target: any bytes through Reel's JPEG, TIFF, DPX and EXR paths as a decode worker
// runs them: written to a file named by the format its first bytes look like (so a mutated file
// reaches the same decoder), described as probe does, and decoded into a frame under the
// per-frame limit. Built and run by `make fuzz`; `make test` runs it for a few seconds.
import Foundation
@testable import ReelCore

private let base = NSTemporaryDirectory() + "reel-fuzz-images-\(getpid())"
nonisolated(unsafe) private let scratch = DecodeScratch(limit: FrameLimit(cacheBudget: 64 << 20))

/// The extension for `bytes`: by its signature, else by its length, so every decoder gets inputs.
private func fileExtension(_ bytes: [UInt8]) -> String {
    if bytes.starts(with: [0xFF, 0xD8]) { return "jpg" }
    if bytes.starts(with: Array("II*\0".utf8)) || bytes.starts(with: Array("MM\0*".utf8)) { return "tif" }
    if bytes.starts(with: Array("SDPX".utf8)) || bytes.starts(with: Array("XPDS".utf8)) { return "dpx" }
    if bytes.starts(with: [0x76, 0x2F, 0x31, 0x01]) { return "exr" }
    return ["jpg", "tif", "dpx", "exr"][bytes.count % 4]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImages(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = base + "." + fileExtension(bytes)
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try? ImageDecoders.describe(path: path)
    _ = try? ImageDecoders.decodeFrame(path: path, fitting: FrameSize(width: 64, height: 36), scratch: scratch)
    scratch.trim()
    return 0
}
