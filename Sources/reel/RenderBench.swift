import ArgumentParser
import ReelCore
import ReelTUI
#if canImport(Glibc)
import Glibc
#endif

/// `reel bench render [--frames N] [--width W --height H] [--term T] [--write-frames DIR] [--json]`:
/// what presenting costs. A moving 1280×720 test pattern (the demo's, at 720p) is scaled once
/// to fit the grid (as the cache holds it), then each frame is drawn and handed to the presenter
/// (its picture rows as ANSI text, or all through ncurses with `--curses-only`) on a terminal of
/// type T writing to a file: thread CPU per frame and bytes written per frame. The
/// same frames as plain ANSI text (every cell, colour codes only where the colour changes, as
/// timg's half-block mode prints) and with both colours on every cell (as mpv's tct output) are
/// counted beside them. `--write-frames` saves the pattern as PNGs to feed other players.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "CPU and bytes per frame presenting a moving 720p pattern on a W×H terminal.")

    @Option(help: "Frames of the pattern.")
    var frames = 96

    @Option(help: "Terminal columns.")
    var width = 200

    @Option(help: "Terminal rows.")
    var height = 60

    @Option(help: "Terminal type the presenter writes for (tmux-direct: true colour; tmux-256color: 256).")
    var term = "tmux-direct"

    @Flag(name: .customLong("curses-only"), help: "Send the picture through ncurses too, as before the ANSI rows (to compare).")
    var cursesOnly = false

    @Option(name: .customLong("write-frames"), help: "Also write the pattern's frames as PNGs into this folder.")
    var writeFrames: String?

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var look: GraphicsOptions

    @Option(help: "The picture's size in pixels for --graphics kitty, sixel or iterm (WxH).")
    var pixels = "1280x720"

    @Option(help: "How kitty gets the pixels: direct (zlib + base64 in the commands), shm (shared memory), tmux (placeholders through tmux's passthrough).")
    var kitty: KittyTransmission = .direct

    /// `--pixels` as a size.
    var pixelBox: FrameSize? {
        let parts = pixels.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...8192).contains(parts[0]), (1...8192).contains(parts[1]) else { return nil }
        return FrameSize(width: parts[0], height: parts[1])
    }

    /// `--kitty`: the three ways Reel sends kitty its pictures.
    enum KittyTransmission: String, ExpressibleByArgument, CaseIterable {
        case direct, shm, tmux
    }

    func validate() throws {
        guard (2...10_000).contains(frames) else { throw ValidationError("--frames must be between 2 and 10000") }
        guard (20...1000).contains(width), (5...500).contains(height) else { throw ValidationError("--width 20…1000, --height 5…500") }
        guard pixelBox != nil else { throw ValidationError("--pixels is WIDTHxHEIGHT, each 1…8192") }
        guard look.graphics != .auto else { throw ValidationError("--graphics: name a back end to measure (kitty, sixel, iterm or cells)") }
    }

    func run() throws {
        var pattern = DemoGenerator()
        pattern.width = 1280
        pattern.height = 720
        pattern.fps = 24
        let imageMode = look.graphics?.mode.flatMap { $0.isImage ? $0 : nil }
        let per = look.cellSymbols.decodedPixels
        let box = imageMode != nil ? pixelBox! : FrameSize(width: width * per.columns, height: height * per.rows)
        let fitted = AreaScaler.fit(width: 1280, height: 720, maxWidth: box.width, maxHeight: box.height)
        var cached: [RGBImage] = []
        for index in 1...frames {
            let picture = pattern.picture(frame: index)
            if let folder = writeFrames {
                do {
                    try PNGEncoder.write(picture, to: folder + "/pattern." + String(1000 + index).dropFirst() + ".png")
                } catch {
                    throw fail(error.description)
                }
            }
            var rgba = [UInt8](repeating: 255, count: picture.width * picture.height * 4)
            for i in 0..<(picture.width * picture.height) {
                rgba[i * 4] = picture.pixels[i * 3]
                rgba[i * 4 + 1] = picture.pixels[i * 3 + 1]
                rgba[i * 4 + 2] = picture.pixels[i * 3 + 2]
            }
            cached.append(AreaScaler.scale(RGBAImage(width: picture.width, height: picture.height, pixels: rgba),
                                           width: fitted.width, height: fitted.height))
        }
        if let imageMode {
            runImages(imageMode, frames: cached)
            return
        }
        // Drawing alone (choosing each cell's symbol and colours), apart from presenting.
        let drawStart = MonotonicClock.threadCPU()
        let grids = cached.map(grid)
        let draw = (MonotonicClock.threadCPU() - drawStart) / Double(cached.count)
        let result = try present(cached)
        let ansi = grids.map { ANSIText.encode($0, mode: .direct).utf8.count + 3 }  // + cursor home per frame
        let ansiMean = ansi.reduce(0, +) / ansi.count
        let changed = zip(grids, grids.dropFirst()).map { a, b in zip(a.cells, b.cells).count { $0 != $1 } }
        let changedMean = changed.reduce(0, +) / max(1, changed.count)
        let everyCell = width * height * (3 + 19 + 19)  // ▀ and two full 24-bit colour codes per cell
        if json {
            printLine(JSONLine.encode([
                ("bench", .string("render")), ("term", .string(term)), ("symbols", .string((look.symbols ?? .half).rawValue)),
                ("width", .int(width)), ("height", .int(height)),
                ("frames", .int(frames)), ("cpu_ms_per_frame", .double(round3(result.cpuPerFrame * 1000))),
                ("draw_ms_per_frame", .double(round3(draw * 1000))),
                ("cpu_ms_per_unchanged_frame", .double(round3(result.cpuPerUnchanged * 1000))),
                ("bytes_per_frame", .int(result.bytesPerFrame)), ("bytes_first_frame", .int(result.firstBytes)),
                ("cells_changed_per_frame", .int(changedMean)), ("ansi_bytes_per_frame", .int(ansiMean)), ("every_cell_bytes_per_frame", .int(everyCell)),
            ]))
        } else {
            printLine("render: \(frames) frames of a moving 1280×720 pattern, cached at \(fitted.width)×\(fitted.height), on a \(width)×\(height) \(term) in \((look.symbols ?? .half).rawValue) cells")
            printLine("  CPU per frame (draw + present): \(round3(result.cpuPerFrame * 1000)) ms, of which drawing \(round3(draw * 1000)) ms; unchanged frame: \(round3(result.cpuPerUnchanged * 1000)) ms")
            printLine("  bytes per frame: \(result.bytesPerFrame) (first frame \(result.firstBytes)); cells changed per frame: \(changedMean) of \(width * height)")
            printLine("  the same frames as whole ANSI text (timg-style): \(ansiMean) bytes; both colours on every cell (tct-style): \(everyCell)")
        }
    }

    /// The screen of one cached frame: the viewer filling the terminal.
    func grid(_ image: RGBImage) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        ViewerPane.draw(.image(image), frame: 0, in: Rect(x: 0, y: 0, width: width, height: height), into: &grid,
                        symbols: look.cellSymbols)
        return grid
    }

    /// Draws and presents every frame on a curses terminal writing to a temporary file.
    func present(_ images: [RGBImage]) throws -> (cpuPerFrame: Double, cpuPerUnchanged: Double, bytesPerFrame: Int, firstBytes: Int) {
        var template = Array("/tmp/reel-render-bench-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0, let output = fdopen(fd, "w+"), let input = fopen("/dev/null", "r") else {
            throw fail("cannot make a temporary file for the terminal's output")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { fclose(output); fclose(input) }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(term: term, output: output, input: input)
        } catch {
            throw fail(error.description)
        }
        defer { terminal.stop() }
        terminal.resize(width: width, height: height)
        let presenter = CursesPresenter(terminal: terminal, ansiRows: !cursesOnly)
        // The grid is the viewer on its own: every row is a picture row.
        let rows = 0..<height
        func written() -> Int {
            fflush(output)
            return Int(lseek(fd, 0, SEEK_END))
        }
        let before = written()
        try presenter.present(grid(images[0]), pictureRows: rows)
        let first = written() - before
        let start = MonotonicClock.threadCPU()
        for image in images.dropFirst() { try presenter.present(grid(image), pictureRows: rows) }
        let cpu = MonotonicClock.threadCPU() - start
        let bytes = written() - before - first
        let same = grid(images.last!)
        let unchangedStart = MonotonicClock.threadCPU()
        for _ in 0..<images.count { try presenter.present(same, pictureRows: rows) }
        let unchanged = MonotonicClock.threadCPU() - unchangedStart
        return (cpu / Double(images.count - 1), unchanged / Double(images.count), bytes / (images.count - 1), first)
    }
}
