// libFuzzer target: any bytes as an audio file: libsndfile opens it (through the regular-file
// check), the analysis reads it to the end (peaks, a small spectrogram), and everything is given
// back. Built and run by `make fuzz`.
import Foundation
@testable import ReelCore

private let path = NSTemporaryDirectory() + "reel-fuzz-audio-\(getpid()).wav"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudio(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
    guard let analysis = try? AudioAnalysis(path: path, view: .init(columns: 16, rows: 8)) else { return 0 }
    // A header may promise hours: a smoke run must not wait for them.
    _ = analysis.waitUntilDone(timeout: 2)
    _ = analysis.peaks(channel: 0, frames: 0..<max(1, analysis.frameCount), columns: 7)
    _ = analysis.brokenSamples
    analysis.close()
    return 0
}
