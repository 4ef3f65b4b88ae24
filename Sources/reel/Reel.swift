import ArgumentParser

/// The `reel` command: plays media by default; `probe` describes it.
@main
struct Reel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reel",
        abstract: "A terminal media player for PNG image sequences and audio that shows where its memory goes.",
        subcommands: [PlayCommand.self, ProbeCommand.self, MakeDemoCommand.self],
        defaultSubcommand: PlayCommand.self)
}
