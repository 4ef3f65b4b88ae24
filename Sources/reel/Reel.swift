import ArgumentParser

/// The `reel` command: plays media by default; `probe` describes it, `soak` and `bench` measure Reel.
@main
struct Reel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reel",
        abstract: "A terminal media player for PNG image sequences and audio that shows where its memory goes.",
        subcommands: [PlayCommand.self, ProbeCommand.self, RenderCommand.self, SoakCommand.self, BenchCommand.self, MakeDemoCommand.self, MakeFramesCommand.self, MakeAudioCommand.self],
        defaultSubcommand: PlayCommand.self)
}
