import Foundation
@testable import ReelCore

/// Where the shared corpus of other people's media lives: ../shared/corpus beside the checkout.
enum Corpus {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/ReelCoreTests/Fixtures.swift
        return url.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    }()

    static func files(in folder: String, extension ext: String) -> [String] {
        let path = root + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.lowercased().hasSuffix("." + ext) }.sorted().map { path + "/" + $0 }
    }
}

/// The package's own folder (for Assets/).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A fresh empty folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "reel-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Creates empty files (enough for scanning, which reads names only).
    func touch(_ names: [String]) {
        for name in names {
            precondition(FileManager.default.createFile(atPath: path + "/" + name, contents: Data()))
        }
    }

    func write(_ name: String, _ bytes: [UInt8]) {
        precondition(FileManager.default.createFile(atPath: path + "/" + name, contents: Data(bytes)))
    }

    /// Writes a real `width` × `height` PNG of one colour.
    func writePNG(_ name: String, width: Int, height: Int, colour: (UInt8, UInt8, UInt8) = (10, 20, 30)) throws {
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * 3)
        for _ in 0..<(width * height) { pixels += [colour.0, colour.1, colour.2] }
        try PNGEncoder.write(RGBImage(width: width, height: height, pixels: pixels), to: path + "/" + name)
    }
}

/// The width and height a PNG's IHDR chunk states, read straight from the bytes (an oracle that
/// does not go through libpng).
func ihdrSize(path: String) -> (width: Int, height: Int)? {
    guard let data = FileManager.default.contents(atPath: path), data.count >= 24 else { return nil }
    let bytes = [UInt8](data)
    func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
    return (be32(16), be32(20))
}
