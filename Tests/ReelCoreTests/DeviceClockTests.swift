import Testing
@testable import ReelCore

/// The sound device's clock between its steps: carried on by the monotonic clock, never back.
@Suite struct DeviceClockTests {
    /// Asks the clock every millisecond for `seconds` while the device reports `reported(t)`;
    /// returns the positions.
    static func run(seconds: Double, _ reported: (Double) -> Double) -> [(time: Double, position: Double)] {
        var clock = DeviceClock()
        return (0..<Int(seconds * 1000)).map { ms in
            let t = Double(ms) / 1000
            return (t, clock.position(reported: reported(t), at: t))
        }
    }

    @Test func stepsOfACallbackBufferBecomeASteadyClock() {
        // A device that takes 10 ms of samples at a time.
        let positions = Self.run(seconds: 1) { ($0 * 100).rounded(.down) / 100 }
        let steps = zip(positions, positions.dropFirst()).map { $1.position - $0.position }
        #expect(steps.allSatisfy { $0 >= 0 }, "never back")
        #expect(steps.max()! < 0.0025, "no step of a whole buffer, 10 ms: \(steps.max()!)")
        #expect(positions.allSatisfy { abs($0.position - $0.time) <= 0.0101 })
    }

    @Test func aLateCallbackThatCatchesUpMovesNothingAtOnce() {
        // Steady 5 ms steps, but nothing between 0.5 s and 0.56 s, then all of it at once.
        let positions = Self.run(seconds: 1) { t in
            let stepped = (t * 200).rounded(.down) / 200
            return (0.5..<0.56).contains(t) ? 0.5 : stepped
        }
        let steps = zip(positions, positions.dropFirst()).map { $1.position - $0.position }
        #expect(steps.allSatisfy { $0 >= 0 })
        #expect(steps.max()! < 0.006, "a frame is 42 ms at 24 fps: the clock never jumps one (\(steps.max()!))")
    }

    @Test func aDeviceThatStopsStopsTheClockSoonAfter() {
        let positions = Self.run(seconds: 1) { min($0, 0.3) }
        #expect(positions.last!.position <= 0.3 + DeviceClock.maximumCarry + 1e-9)
        var clock = DeviceClock()
        _ = clock.position(reported: 5, at: 1)
        #expect(clock.position(reported: 5, at: 1.05) == 5.05)
        clock.reset()
        #expect(clock.position(reported: 2, at: 1.06) == 2, "after a restart the new position, even behind")
    }
}
