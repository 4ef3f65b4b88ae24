import ReelCore

extension PlayerApp {
    /// The longest line the go-to prompt takes.
    static let promptLimit = 40

    /// A key while the go-to prompt is open: text goes into the line (digits never act as their
    /// keys), Backspace takes one back, Esc closes it, Enter goes to what it names or says why not.
    func typeIntoPrompt(_ key: Key, at now: Double) {
        guard var line = prompt else { return }
        switch key {
        case .escape:
            prompt = nil
        case .backspace:
            if !line.isEmpty { line.removeLast() }
            prompt = line
        case .character("\n"), .character("\r"):
            prompt = nil
            goTo(line, at: now)
        case .character(let scalar) where scalar.value >= 0x20 && scalar.value < 0x7F:
            if line.count < Self.promptLimit { line.unicodeScalars.append(scalar) }
            prompt = line
        default:
            break
        }
    }

    /// Seeks to the frame `line` names; a line that names none leaves the playhead and says why.
    func goTo(_ line: String, at now: Double) {
        guard let current, !line.isEmpty else { return }
        let session = current.session
        let playback = session.playback
        do {
            let frame = try GoToTarget.frame(for: line, current: session.update(at: now).due,
                                             range: playback.first...playback.last, start: current.startTimecode)
            session.perform(.seek(frame), at: now)
        } catch {
            message = error.description
        }
    }
}
