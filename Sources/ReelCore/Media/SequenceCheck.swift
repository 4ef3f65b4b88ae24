import Dispatch

/// Finds the frames of a sequence that have a file but do not decode (a truncated render, a
/// text file named `.png`): each present frame decoded, small, on every core. What `reel probe`
/// flags beside the gaps.
///
/// Stateless; the decodes run on Dispatch's threads, each with its own scratch.
public enum SequenceCheck {
    /// One present frame that does not decode, and why.
    public struct Undecodable: Equatable, Sendable {
        public var frame: Int
        public var reason: String
    }

    /// The present frames of `sequence` that do not decode, in frame order.
    public static func undecodable(_ sequence: ImageSequence, limit: FrameLimit = .standalone) -> [Undecodable] {
        let source = ImageSequenceSource(id: .next(), sequence: sequence)
        let frames = (sequence.first...sequence.last).filter { !sequence.isMissing($0) }
        let found = Locked<[Undecodable]>([])
        // A frame is read whole (its last bytes are where a cut-short file breaks), scaled to little.
        let box = FrameSize(width: 64, height: 64)
        let batch = 16
        DispatchQueue.concurrentPerform(iterations: (frames.count + batch - 1) / batch) { part in
            let scratch = DecodeScratch(limit: limit)
            for frame in frames[(part * batch)..<min(frames.count, (part + 1) * batch)] {
                if case .failed(let reason) = source.decode(frame, fitting: box, scratch: scratch) {
                    found.withLock { $0.append(Undecodable(frame: frame, reason: reason)) }
                }
            }
            scratch.trim()
        }
        return found.withLock { $0 }.sorted { $0.frame < $1.frame }
    }
}
