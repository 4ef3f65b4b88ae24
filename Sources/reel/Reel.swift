import ArgumentParser
import ReelTUI

/// The `reel` command: plays media by default; `probe` describes it, `soak` and `bench` measure Reel.
@main
struct Reel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reel",
        abstract: "A terminal media player for image sequences (PNG, EXR, JPEG, TIFF, DPX), movies and audio that shows where its memory goes.",
        discussion: """
        Keys while playing (also behind ? in the player):

        \(KeyHelp.text)

        Settings: $XDG_CONFIG_HOME/reel/config (else ~/.config/reel/config, or --config FILE) holds \
        'name = value' options (graphics, symbols, cache-mb, threads, fps, audio-device, loops, colour-map, \
        fft-size, window, audio-channels, align) and 'KEY action' bindings; the actions: \(KeyHelp.actionNames).
        """,
        subcommands: [PlayCommand.self, ProbeCommand.self, RenderCommand.self, SoakCommand.self, BenchCommand.self, MakeDemoCommand.self, MakeFramesCommand.self, MakeAudioCommand.self],
        defaultSubcommand: PlayCommand.self)
}
