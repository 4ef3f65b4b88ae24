import ReelCore

extension MediaSession {
    /// The sound as the title shows it: name, output, and volume or mute.
    var audioTitle: String? {
        if sound == nil, soundProblem != nil { return "no sound (its audio cannot be read)" }
        guard let sound else { return nil }
        let name = sound.path.split(separator: "/").last.map(String.init) ?? sound.path
        let level = sound.muted ? "muted" : "vol \(Int((sound.volume * 100).rounded()))%"
        return hasPicture ? "\(name) \u{2192} \(sound.outputName), \(level)" : "\u{2192} \(sound.outputName), \(level)"
    }
}
