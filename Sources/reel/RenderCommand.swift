import ArgumentParser
import ReelCore
import ReelTUI
#if canImport(Glibc)
import Glibc
#endif

/// `reel render MEDIA [--frame N] [--width W --height H] [--color truecolor|256|16] [--graphics G]
/// [--symbols S] [--png OUT]`: one frame of a sequence or a movie as terminal text (block symbols),
/// as a kitty, sixel or iTerm2 image on stdout, or as a PNG file at its own size; an audio file's
/// spectrogram and waveform as text; no UI.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one frame as terminal text or as a kitty, sixel or iTerm2 image, as chafa and timg do; audio prints its spectrogram and waveform.")

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

    @Argument(help: "A sequence (a frame's file, its folder, or a pattern), a movie or an audio file.")
    var media: String

    @Option(help: "The frame to print (default: the frame whose file is named, else the first).")
    var frame: Int?

    @Option(help: ArgumentHelp("Write the frame to this PNG file at its own size, 8-bit sRGB, instead of printing it.",
                               valueName: "out.png"))
    var png: String?

    @Option(help: "Columns at most (default: the terminal's width, else 80); pixels for an image.")
    var width: Int?

    @Option(help: "Rows at most (default: the terminal's height less one, else 24); pixels for an image.")
    var height: Int?

    @Option(help: "Colours: truecolor, 256, 16 or none (default: truecolor where COLORTERM says so, else 256).")
    var color: Colors?

    @OptionGroup var look: GraphicsOptions

    /// The largest image, in pixels a side, that render writes.
    static let maxImagePixels = 8192

    func validate() throws {
        if look.graphics?.mode?.isImage == true {
            let range = 1...Self.maxImagePixels
            if let width, !range.contains(width) { throw ValidationError("--width must be between 1 and \(Self.maxImagePixels) pixels") }
            if let height, !range.contains(height) { throw ValidationError("--height must be between 1 and \(Self.maxImagePixels) pixels") }
            return
        }
        if let width, !(1...2000).contains(width) { throw ValidationError("--width must be between 1 and 2000") }
        if let height, !(1...1000).contains(height) { throw ValidationError("--height must be between 1 and 1000") }
    }

    /// Whether `media` has a picture (a sequence, or a movie with a video stream) rather than sound only.
    var hasPicture: Bool {
        if MediaProbe.isSequencePath(media) { return true }
        guard MediaProbe.isMoviePath(media) else { return false }
        if case .movie(_, let info)? = try? MediaProbe.probe(media) { return info.videoStream != nil }
        return true  // Not readable: the picture's opener says why.
    }

    func run() throws {
        if let png {
            guard hasPicture else { throw fail("\(media) has no picture to write as PNG") }
            let image = try decodeFrame(fitting: nil)
            do {
                try PNGEncoder.write(image, to: png)
            } catch {
                throw fail(error.description)
            }
            return
        }
        let terminal = Self.terminalSize()
        let mode = color?.mode ?? (ColorMode.environmentSaysTrueColor ? .direct : .palette256)
        // Text unless an image is asked for: stdout is often a file or a pipe.
        let graphics = look.graphics.map { $0.mode ?? GraphicsMode.detect().mode } ?? .cells
        guard hasPicture else {
            guard graphics == .cells else { throw fail("--graphics \(graphics.rawValue) draws pictures; an audio file renders as text") }
            let columns = width ?? terminal?.width ?? 80
            let rows = height ?? terminal.map { max(1, $0.height - 1) } ?? 24
            printText(ANSIText.encode(try renderAudio(columns: columns, rows: rows), mode: mode))
            return
        }
        let encoder = PictureEncoder(mode: graphics, symbols: look.cellSymbols, colorMode: mode)
        let box: FrameSize
        if graphics.isImage {
            // The terminal's text area in pixels less a row for the prompt, else 640×360.
            let pixels = terminal.flatMap { size in size.pixels.map { ($0.width, $0.height - $0.height / max(1, size.height)) } }
            box = FrameSize(width: width ?? pixels?.0 ?? 640, height: height ?? pixels?.1 ?? 360)
        } else {
            box = encoder.decodeBox(columns: width ?? terminal?.width ?? 80, rows: height ?? terminal.map { max(1, $0.height - 1) } ?? 24)
        }
        let bytes = encoder.encode(try decodeFrame(fitting: box))
        printBytes(graphics.isImage ? bytes + [UInt8(ascii: "\n")] : bytes)
    }

    /// The frame asked for (or named), decoded to fit `box` (nil: at its own size).
    func decodeFrame(fitting box: FrameSize?) throws -> RGBImage {
        do {
            let picture = try Picture(path: media)
            defer { picture.close() }
            return try picture.frame(frame ?? picture.namedFrame, fitting: box)
        } catch {
            throw fail("\(error)")
        }
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

    /// The terminal's size in cells, and in pixels where it says, when stdout is one.
    static func terminalSize() -> (width: Int, height: Int, pixels: (width: Int, height: Int)?)? {
        TerminalProbe.windowSize(of: STDOUT_FILENO).map { ($0.columns, $0.rows, $0.pixels) }
    }
}
