import ReelCore

/// One file while it is the one shown: its player session, its sound and its audio analysis.
///
/// Owned by the run loop (not thread-safe). `close()` gives back everything it holds: the
/// cache's frames of it, the queued decodes, the sound's ring and the analysis' buffers.
final class OpenMedia {
    let item: MediaItem
    let session: PlayerSession
    let sound: SoundPlayer?
    let analysis: AudioAnalysis?
    let name: String
    let imageSize: (width: Int, height: Int)?
    /// False for an audio file on its own.
    let hasPicture: Bool

    /// Opens `item` for the shared `cache` and `pool`; throws one line for the user.
    init(_ item: MediaItem, fps: Double, device: SoundPlayer.Device, cache: FrameCache, pool: DecodePool,
         analysisView: AudioAnalysis.View) throws(OpenError) {
        self.item = item
        switch item.kind {
        case .sequence(let path, let audio):
            let sequence: ImageSequence
            do {
                sequence = try SequenceScanner.find(path)
            } catch {
                throw OpenError(reason: error.description)
            }
            imageSize = try? MediaProbe.frameSize(of: sequence)
            name = sequence.displayName
            hasPicture = true
            session = PlayerSession(sequence: sequence, size: FrameSize(width: 1, height: 1), fps: fps, cache: cache, pool: pool)
            if let audio {
                do {
                    analysis = try AudioAnalysis(path: audio, view: analysisView)
                    sound = try SoundPlayer(path: audio, device: device)
                } catch {
                    throw OpenError(reason: "\(error)")
                }
            } else {
                analysis = nil
                sound = nil
            }
        case .audio(let path):
            let opened: AudioAnalysis
            do {
                opened = try AudioAnalysis(path: path, view: analysisView)
                sound = try SoundPlayer(path: path, device: device)
            } catch {
                throw OpenError(reason: "\(error)")
            }
            analysis = opened
            name = item.displayName
            imageSize = nil
            hasPicture = false
            // The clock runs in frames of `fps` over the sound's length.
            let seconds = Double(max(1, opened.info.frames)) / Double(max(1, opened.info.sampleRate))
            let frames = max(1, Int((seconds * fps).rounded(.up)))
            session = PlayerSession(source: NoPictureSource(), frames: 0...(frames - 1), size: FrameSize(width: 1, height: 1),
                                    fps: fps, cache: cache, pool: pool)
        }
        if let sound { session.attach(sound: sound) }
    }

    /// The sound as the title shows it: name, output, and volume or mute.
    var audioTitle: String? {
        guard let sound else { return nil }
        let name = sound.path.split(separator: "/").last.map(String.init) ?? sound.path
        let level = sound.muted ? "muted" : "vol \(Int((sound.volume * 100).rounded()))%"
        return hasPicture ? "\(name) \u{2192} \(sound.outputName), \(level)" : "\u{2192} \(sound.outputName), \(level)"
    }

    func close() {
        session.close()
        sound?.close()
        analysis?.close()
        ProcessMemory.trim()
    }
}

/// Why a file could not be opened, in one line.
struct OpenError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
