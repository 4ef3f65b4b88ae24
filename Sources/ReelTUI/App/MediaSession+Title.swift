import ReelCore

extension MediaSession {
    /// The name as the title shows it: a movie cut short says where it breaks.
    var titleName: String {
        guard let info = movie?.info, let expected = info.expectedFrames else { return name }
        return "\(name) (breaks after frame \(info.frameCount) of \(expected))"
    }

    /// The sound as the title shows it: name, output, and volume or mute.
    var audioTitle: String? {
        if sound == nil, soundProblem != nil { return "no sound (its audio cannot be read)" }
        guard let sound else { return nil }
        let name = sound.path.split(separator: "/").last.map(String.init) ?? sound.path
        let level = sound.muted ? "muted" : "vol \(Int((sound.volume * 100).rounded()))%"
        return hasPicture ? "\(name) \u{2192} \(sound.outputName), \(level)" : "\u{2192} \(sound.outputName), \(level)"
    }
}
