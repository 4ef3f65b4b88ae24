import ReelCore

extension MediaSession {
    /// The sound as the title shows it: name, output, and volume or mute.
    var audioTitle: String? {
        guard let sound else { return nil }
        let name = sound.path.split(separator: "/").last.map(String.init) ?? sound.path
        let level = sound.muted ? "muted" : "vol \(Int((sound.volume * 100).rounded()))%"
        return hasPicture ? "\(name) \u{2192} \(sound.outputName), \(level)" : "\u{2192} \(sound.outputName), \(level)"
    }
}
