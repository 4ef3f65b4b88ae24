/// A sound device's position made smooth: the position a device reports moves in steps (one
/// callback's buffer at a time, 5–20 ms, and more when its thread was late), so between steps
/// it is carried on by the monotonic clock, and it never goes back.
///
/// A value owned by `SoundSync`; not shared. Without it a late callback that then catches up
/// moves the picture's clock by more than a frame at once, and that frame is dropped.
struct DeviceClock {
    /// How long the position is carried on past the device's last step before it waits for the
    /// device (a device that stopped taking samples stops the clock soon after).
    static let maximumCarry = 0.1

    private var lastReported: Double?
    private var reportedAt = 0.0
    private var lastReturned = -Double.infinity

    /// Starts again from a new position (the sound restarted or jumped).
    mutating func reset() {
        lastReported = nil
        lastReturned = -.infinity
    }

    /// The position at monotonic time `now`, given the device's position `reported` then.
    mutating func position(reported: Double, at now: Double) -> Double {
        if reported != lastReported {
            lastReported = reported
            reportedAt = now
        }
        let carried = reported + min(max(0, now - reportedAt), Self.maximumCarry)
        // A step that lands behind what was already carried on waits for the time to catch up.
        lastReturned = max(lastReturned, carried)
        return lastReturned
    }
}
