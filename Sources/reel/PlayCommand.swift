import Foundation
import ArgumentParser
import ReelCore
import ReelTUI

/// `reel [MEDIA...] [--audio FILE] [--audio-device D] [--fps N] [--paused] [--loops N] [--stats-file PATH] [--threads T] [--cache-mb M]
/// [--graphics G] [--symbols S]`:
/// plays sequences and audio files in the terminal (Tab between them); with no media, the demo in Assets/.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play image sequences and audio files in the terminal (the default command; with no file, the demo).")

    @Argument(help: "Sequences (one frame's file, its folder, or a pattern such as name.####.png) and audio files; Tab switches between them.")
    var media: [String] = []

    @Option(help: "A sound track to play with the (single) sequence.")
    var audio: String?

    @Option(name: .customLong("audio-device"), help: "Sound output: default, none (paced, silent), or part of a device's name.")
    var audioDevice: String?

    @Option(help: "Frames per second of sequences (default 24).")
    var fps: Double?

    @Option(help: ArgumentHelp("Read default options and key bindings from this file (default: $XDG_CONFIG_HOME/reel/config, else ~/.config/reel/config).",
                               valueName: "file"))
    var config: String?

    @Flag(help: "Start paused on the first frame.")
    var paused = false

    @Option(help: "Play each file's range this many times, then stop on its last frame.")
    var loops: Int?

    @Flag(help: "Compare the first two files, A and B (A/B: wipe, side by side, toggle; the A key cycles them).")
    var compare = false

    @Option(name: .customLong("compare-mode"), help: "How a compare starts: wipe, side-by-side or toggle.")
    var compareMode: CompareMode = .wipe

    @Option(help: "How a compare lines B's frames up with A's: frame (the same number), timecode, or start (first frames together).")
    var align: CompareAlignment.Basis?

    @Option(name: .customLong("stats-file"), help: "Write the memory figures as JSON lines to this file, four a second.")
    var statsFile: String?

    @OptionGroup var decode: DecodeOptions

    @OptionGroup var look: GraphicsOptions

    func validate() throws {
        if let fps { guard fps > 0 && fps <= 1000 else { throw ValidationError("--fps must be between 0 and 1000") } }
        if let loops, !(1...1_000_000).contains(loops) { throw ValidationError("--loops must be between 1 and 1000000") }
        if compare, media.count < 2 { throw ValidationError("--compare needs two files: reel A B --compare") }
        if audio != nil {
            guard media.count <= 1, media.first.map(MediaProbe.isSequencePath) ?? true else {
                throw ValidationError("--audio goes with one image sequence; name audio files on their own to play them")
            }
        }
    }

    /// The settings file to read: `--config`, else the default one.
    var configPath: String? {
        config ?? PlayerConfig.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    func run() throws {
        var items: [MediaItem] = []
        if media.isEmpty {
            guard let assets = DemoLocator.assetsFolder() else {
                throw fail("the demo is not in Assets/ here or beside the executable: run `make assets`, or name a file")
            }
            items = [MediaItem(.sequence(path: assets + "/" + DemoLocator.sequenceName,
                                         audio: audio ?? assets + "/" + DemoLocator.audioName))]
        } else {
            items = media.map { MediaItem(path: $0, audio: audio) }
        }
        // Every file is checked before the terminal is taken, so a bad one is a plain line.
        for item in items {
            do {
                _ = try MediaProbe.probe(item.path)
                if case .sequence(_, let audio?) = item.kind { _ = try MediaProbe.probe(audio) }
            } catch {
                throw fail(error.description)
            }
        }
        // A named sound device that is not there is said now, not inside the player.
        if case .named = SoundPlayer.Device(argument: audioDevice), let first = items.first {
            let audioPath: String? = switch first.kind {
            case .sequence(_, let audio): audio
            case .movie: nil
            case .audio(let path): path
            }
            if let audioPath {
                do {
                    try SoundPlayer(path: audioPath, device: SoundPlayer.Device(argument: audioDevice)).close()
                } catch {
                    throw fail(error.description)
                }
            }
        }
        // The settings file: each line it cannot read is said (and shown in the player), the rest applies.
        let settings: (config: PlayerConfig, problems: [String]) =
            configPath.map { PlayerConfig.load(path: $0, required: config != nil) } ?? (PlayerConfig(), [])
        for problem in settings.problems { printError(problem) }
        let preferences = settings.config
        ProcessMemory.configureAllocator()
        var stats: StatsFile?
        if let statsFile {
            do {
                stats = try StatsFile(path: statsFile)
            } catch {
                throw fail(error.description)
            }
        }
        // The command line first, then the settings file, then the player's own defaults.
        let graphics = look.graphics ?? preferences.graphics.flatMap(GraphicsOptions.Choice.init(rawValue:))
        let symbols = look.symbols ?? preferences.symbols.flatMap(GraphicsOptions.Symbols.init(rawValue:)) ?? .half
        var options = PlayerApp.Options(
            fps: fps ?? preferences.fps ?? 24, startPaused: paused, threads: decode.threads ?? preferences.threads,
            cacheBytes: SequenceSetup.cacheBudget(megabytes: decode.cacheMB ?? preferences.cacheMB),
            audioDevice: SoundPlayer.Device(argument: audioDevice ?? preferences.audioDevice),
            graphics: graphics.flatMap(\.mode), symbols: symbols.symbols, loops: loops ?? preferences.loops)
        options.bindings = preferences.bindings
        options.compareAtStart = compare ? compareMode : nil
        options.compareAlignment = align ?? preferences.align ?? .frame
        options.analysisSettings = preferences.analysisSettings()
        if let first = settings.problems.first {
            options.startMessage = "config: " + first + (settings.problems.count > 1 ? " (and \(settings.problems.count - 1) more)" : "")
        }
        let app = PlayerApp(items: items, options: options, statsFile: stats)
        let signal: Int32
        do {
            signal = try app.run()
        } catch {
            throw fail(error.description)
        }
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}

extension CompareMode: ExpressibleByArgument {}
extension CompareAlignment.Basis: ExpressibleByArgument {}
