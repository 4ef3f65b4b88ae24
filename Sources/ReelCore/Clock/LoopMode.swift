/// What playback does at the ends of its range (the work area, or the whole sequence).
public enum LoopMode: String, CaseIterable, Sendable {
    /// Back to the other end and on, in the same direction.
    case loop
    /// Turn round at each end (ping-pong, "palindrome" in some players).
    case pingPong = "ping-pong"
    /// Stop at the end.
    case once

    /// The mode after this one, as `P` cycles them.
    public var next: LoopMode {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Which way frames advance.
public enum PlayDirection: Int, Sendable {
    case forward = 1
    case reverse = -1

    public var reversed: PlayDirection { self == .forward ? .reverse : .forward }
}
