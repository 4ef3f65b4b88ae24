// libFuzzer target: any bytes through Reel's PNG path as a decode worker runs it: a regular
// file checked and read, the chunk check, libpng, the per-frame limit, scaling into a frame.
// Built and run by `make fuzz`.
import Foundation
@testable import ReelCore

private let path = NSTemporaryDirectory() + "reel-fuzz-png-\(getpid()).png"
nonisolated(unsafe) private let scratch = DecodeScratch(limit: FrameLimit(cacheBudget: 64 << 20))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? PNGDecoder.decode(bytes: bytes, path: "fuzz.png", limit: FrameLimit(bytes: 64 << 20))
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
    _ = try? PNGDecoder.decodeFrame(path: path, fitting: FrameSize(width: 64, height: 36), scratch: scratch)
    scratch.trim()
    return 0
}
