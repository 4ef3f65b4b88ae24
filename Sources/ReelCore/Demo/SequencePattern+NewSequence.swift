import Foundation

extension SequencePattern {
    /// The pattern `<directory>/<name>.####.png` for writing a new sequence, with the folder
    /// created if it is missing (the demo and the render-like test frames are written this way).
    static func newSequence(in directory: String, name: String) throws(MediaError) -> SequencePattern {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory, reason: "cannot create the folder")
        }
        return SequencePattern(directory: directory, prefix: name + ".", padding: 4, suffix: ".png")
    }
}
