/// The picture formats a sequence's frames can be in, told by the file name's extension.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png = "PNG", jpeg = "JPEG", exr = "EXR", tiff = "TIFF", dpx = "DPX"

    /// The format of a file called `name`; nil for a hidden file or another extension.
    public init?(fileName name: String) {
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "exr": self = .exr
        case "tif", "tiff": self = .tiff
        case "dpx": self = .dpx
        default: return nil
        }
    }

    /// Whether a file called `name` is a frame Reel reads.
    public static func isImageName(_ name: String) -> Bool { ImageFormat(fileName: name) != nil }

    /// "PNG, JPEG, EXR, TIFF or DPX", for messages.
    static var list: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
    }
}
