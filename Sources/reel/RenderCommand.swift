import ArgumentParser
import ReelCore
import ReelTUI
#if canImport(Glibc)
import Glibc
#endif

/// `reel render MEDIA [--frame N] [--width W --height H] [--color truecolor|256|16]`: one frame of
/// a sequence (or an audio file's spectrogram and waveform) as terminal text on stdout, no UI.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one frame as terminal text (half blocks), as chafa and timg do; audio prints its spectrogram and waveform.")

    enum Colors: String, ExpressibleByArgument, CaseIterable {
        case truecolor, _256 = "256", _16 = "16", none

        var mode: ColorMode {
            switch self {
            case .truecolor: return .direct
            case ._256: return .palette256
            case ._16: return .palette16
            case .none: return .monochrome
            }
        }
    }

    @Argument(help: "A sequence (a frame's file, its folder, or a pattern) or an audio file.")
    var media: String

    @Option(help: "The frame to print (default: the frame whose file is named, else the first).")
    var frame: Int?

    @Option(help: "Columns at most (default: the terminal's width, else 80).")
    var width: Int?

    @Option(help: "Rows at most (default: the terminal's height less one, else 24).")
    var height: Int?

    @Option(help: "Colours: truecolor, 256, 16 or none (default: truecolor where COLORTERM says so, else 256).")
    var color: Colors?

    func validate() throws {
        if let width, !(1...2000).contains(width) { throw ValidationError("--width must be between 1 and 2000") }
        if let height, !(1...1000).contains(height) { throw ValidationError("--height must be between 1 and 1000") }
    }

    func run() throws {
        let terminal = Self.terminalSize()
        let columns = width ?? terminal?.width ?? 80
        let rows = height ?? terminal.map { max(1, $0.height - 1) } ?? 24
        let mode = color?.mode ?? (ColorMode.environmentSaysTrueColor ? .direct : .palette256)
        let grid: CellGrid
        if MediaProbe.isSequencePath(media) {
            grid = try renderFrame(columns: columns, rows: rows)
        } else {
            grid = try renderAudio(columns: columns, rows: rows)
        }
        printText(ANSIText.encode(grid, mode: mode))
    }

    func renderFrame(columns: Int, rows: Int) throws -> CellGrid {
        let setup = try SequenceSetup(path: media)
        let sequence = setup.sequence
        var named: Int?
        if case .pattern(let pattern) = sequence.naming {
            named = pattern.frameNumber(fileName: String(media.split(separator: "/").last ?? ""))
        }
        let number = frame ?? named ?? sequence.first
        guard (sequence.first...sequence.last).contains(number) else {
            throw fail("\(sequence.displayName) has frames \(sequence.first)–\(sequence.last), not \(number)")
        }
        guard let path = sequence.path(frame: number) else {
            throw fail("frame \(number) of \(sequence.displayName) is missing (no file for it)")
        }
        let image: RGBImage
        do {
            image = try PNGDecoder.decodeFrame(path: path, fitting: FrameSize(width: columns, height: rows * 2), scratch: DecodeScratch())
        } catch {
            throw fail(error.description)
        }
        // The grid is the picture's own size: no blank rows or columns around it.
        let rect = Rect(x: 0, y: 0, width: image.width, height: (image.height + 1) / 2)
        var grid = CellGrid(width: rect.width, height: rect.height)
        ViewerPane.draw(.image(image), frame: number, in: rect, into: &grid)
        return grid
    }

    func renderAudio(columns: Int, rows: Int) throws -> CellGrid {
        let track = Rect(x: columns >= 40 ? 6 : 0, y: 0, width: columns - (columns >= 40 ? 7 : 0), height: 1)
        let analysis: AudioAnalysis
        do {
            analysis = try AudioAnalysis(path: media, view: AudioPane.view(track: track, height: rows, samples: 0..<1))
        } catch {
            throw fail(error.description)
        }
        defer { analysis.close() }
        // The whole file: its length is known once the peaks pass has read it.
        analysis.waitUntilDone(timeout: 600)
        analysis.setView(AudioPane.view(track: track, height: rows, samples: 0..<max(1, analysis.frameCount)))
        analysis.waitUntilDone(timeout: 600)
        var grid = CellGrid(width: columns, height: rows)
        AudioPane.draw(AudioPaneModel(analysis: analysis, samples: 0..<max(1, analysis.frameCount), playheadColumn: nil),
                       in: Rect(x: 0, y: 0, width: columns, height: rows), track: track, into: &grid)
        return grid
    }

    /// The terminal's size when stdout is one (TIOCGWINSZ).
    static func terminalSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
