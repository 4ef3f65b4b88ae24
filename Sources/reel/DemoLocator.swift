import Foundation

/// Finds the demo that `reel` with no arguments plays: `Assets/` in the current folder, or beside
/// (or above) the executable, which is where `swift build` puts it inside the source tree.
enum DemoLocator {
    static let sequenceName = "demo.####.png"
    static let audioName = "demo.wav"

    /// The Assets folder that holds the demo, or nil.
    static func assetsFolder() -> String? {
        // "." first, so the title shows the short path when reel runs from the source tree.
        var candidates = ["."]
        if let executable = Bundle.main.executablePath {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(folder.path)
                folder.deleteLastPathComponent()
            }
        }
        for folder in candidates {
            let assets = folder == "." ? "Assets" : folder + "/Assets"
            if FileManager.default.fileExists(atPath: assets + "/demo.0001.png") { return assets }
        }
        return nil
    }
}
