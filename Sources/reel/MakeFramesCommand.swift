import ArgumentParser
import ReelCore

/// `reel make-frames DIR [--count N] [--size WxH]`: writes a render-like PNG sequence for soak and bench.
struct MakeFramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-frames",
        abstract: "Write a render-like PNG sequence (gradients under grain) for soak and bench.",
        shouldDisplay: false)

    @Argument(help: "The folder to write into (created if missing).")
    var folder: String

    @Option(help: "How many frames.")
    var count = 100

    @Option(help: "Frame size, WxH.")
    var size = "1920x1080"

    @Option(help: "File name before the frame number.")
    var name = "render"

    func run() throws {
        guard let size = FrameSize(parsing: size), count > 0, count <= 100_000 else {
            throw fail("--size must be WxH and --count between 1 and 100000")
        }
        let frames = RenderLikeFrames(width: size.width, height: size.height, count: count, name: name)
        do {
            try frames.write(to: folder)
        } catch {
            throw fail(error.description)
        }
        print("wrote \(count) frames of \(size) into \(folder)/\(name).####.png")
    }
}
