import ArgumentParser
import ReelCore
import ReelTUI

/// `reel [MEDIA] [--audio FILE] [--audio-device D] [--fps N] [--paused] [--threads T] [--cache-mb M]`: plays a sequence in the terminal; with no
/// media, the demo in Assets/.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play an image sequence in the terminal (the default command; with no file, the demo).")

    @Argument(help: "A sequence: one frame's file, its folder, or a pattern (name.####.png, name.@@@@.png, name.%04d.png).")
    var media: String?

    @Option(help: "A sound track to play with the sequence.")
    var audio: String?

    @Option(name: .customLong("audio-device"), help: "Sound output: default, none (paced, silent), or part of a device's name.")
    var audioDevice: String?

    @Option(help: "Frames per second.")
    var fps: Double = 24

    @Flag(help: "Start paused on the first frame.")
    var paused = false

    @OptionGroup var decode: DecodeOptions

    func validate() throws {
        guard fps > 0 && fps <= 1000 else { throw ValidationError("--fps must be between 0 and 1000") }
    }

    func run() throws {
        var mediaPath = media
        var audioPath = audio
        if mediaPath == nil {
            guard let assets = DemoLocator.assetsFolder() else {
                throw fail("the demo is not in Assets/ here or beside the executable: run `make assets`, or name a file")
            }
            mediaPath = assets + "/" + DemoLocator.sequenceName
            audioPath = audioPath ?? assets + "/" + DemoLocator.audioName
        }
        guard let mediaPath else { return }
        guard MediaProbe.isSequencePath(mediaPath) else {
            // Audio on its own plays once the audio pane lands; meanwhile say what the file is.
            do {
                _ = try MediaProbe.probe(mediaPath)
            } catch {
                throw fail(error.description)
            }
            throw fail("\(mediaPath): audio on its own does not play yet; use it with --audio, or `reel probe` it")
        }
        ProcessMemory.configureAllocator()
        let setup = try SequenceSetup(path: mediaPath)
        var audioName: String?
        var sound: SoundPlayer?
        if let audioPath {
            do {
                sound = try SoundPlayer(path: audioPath, device: SoundPlayer.Device(argument: audioDevice))
                audioName = audioPath.split(separator: "/").last.map(String.init)
            } catch {
                throw fail(error.description)
            }
        }
        defer { sound?.close() }
        let app = PlayerApp(
            sequence: setup.sequence, imageSize: setup.imageSize.map { ($0.width, $0.height) },
            options: .init(fps: fps, startPaused: paused, audioName: audioName, threads: decode.threads,
                           cacheBytes: decode.cacheBytes),
            sound: sound)
        let signal: Int32
        do {
            signal = try app.run()
        } catch {
            throw fail(error.description)
        }
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}
