// libFuzzer target: any text as a sequence pattern, frame file names and a folder's listing
// (one name per line): parsing, naming frames, finding the sequence, escaping for the terminal
// and for JSON. Built and run by `make fuzz`.
@testable import ReelCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = lines.first ?? ""
    _ = SafeText.escaped(text)
    _ = JSONLine.quote(text)
    _ = SafeText.jsonEscapingControls(text)
    _ = ImageFormat(fileName: first)
    if let pattern = SequencePattern.parse(placeholder: "/fuzz/" + first) {
        for frame in [0, 1, 42, -7, 1_000_000_007] { _ = pattern.fileName(frame: frame) }
        for name in lines.dropFirst() { _ = pattern.frameNumber(fileName: name) }
        if let sequence = try? SequenceScanner.frames(of: pattern, listing: Array(lines.dropFirst())) {
            _ = sequence.displayName
            _ = sequence.gaps
            _ = sequence.path(frame: sequence.first)
        }
    }
    if let (prefix, digits, suffix) = SequencePattern.split(fileName: first) {
        let pattern = SequencePattern(directory: "/fuzz", prefix: prefix, padding: digits.count, suffix: suffix)
        _ = try? SequenceScanner.frames(of: pattern, listing: lines)
    }
    return 0
}
