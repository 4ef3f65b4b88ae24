import ArgumentParser
import ReelCore

/// `reel make-demo DIR`: writes the demo sequence and sound track (what `make assets` runs).
struct MakeDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-demo",
        abstract: "Write the demo image sequence and sound track into a folder.",
        shouldDisplay: false)

    @Argument(help: "The folder to write into (created if missing).")
    var folder: String = "Assets"

    func run() throws {
        let generator = DemoGenerator()
        do {
            try generator.write(to: folder)
        } catch {
            throw fail(error.description)
        }
        print("wrote \(generator.frameCount) frames of \(generator.width)x\(generator.height) at \(generator.fps) fps and \(generator.name).wav into \(folder)")
    }
}
