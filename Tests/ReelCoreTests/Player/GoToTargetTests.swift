import Testing
@testable import ReelCore

/// The go-to line: frames, timecodes, steps and shares, and what it refuses.
struct GoToTargetTests {
    static let rate = Timecode.Rate(fps: 24)
    static let start = Timecode(frame: 86_400, rate: rate)  // 01:00:00:00 at frame 1001

    func go(_ text: String, current: Int = 1010) throws(GoToTarget.Problem) -> Int {
        try GoToTarget.frame(for: text, current: current, range: 1001...1100, start: Self.start)
    }

    @Test func framesTimecodesStepsAndShares() throws {
        #expect(try go("1050") == 1050)
        #expect(try go(" 1001 ") == 1001)
        #expect(try go("01:00:00:00") == 1001)
        #expect(try go("01:00:02:01") == 1001 + 49)
        #expect(try go("+10") == 1020 && go("-9") == 1001)
        // A step past an end stops there.
        #expect(try go("+500") == 1100 && go("-500") == 1001)
        #expect(try go("0%") == 1001 && go("100%") == 1100 && go("50%") == 1051)
        // Drop-frame labels at 29.97.
        let df = Timecode.Rate(fps: 29.97)
        #expect(try GoToTarget.frame(for: "00:01:00;02", current: 0, range: 0...5000, start: Timecode(frame: 0, rate: df)) == 1800)
    }

    @Test func badInputSaysWhyInOneLine() {
        for (text, wording) in [("abc", "is not a frame"), ("", "is not a frame"), ("10.5", "is not a frame"), ("+", "is not a frame"),
                                ("1:2:3:4:5", "is not a frame"), ("200%", "is not a frame"), ("5000", "no frame 5000: the frames are 1001–1100"),
                                ("02:00:00:00", "the timecode runs 01:00:00:00–01:00:04:03"), ("99999999999999999999", "is not a frame"),
                                ("\u{1B}[2J", "is not a frame")] {
            do {
                let frame = try go(text)
                Issue.record("'\(text)' went to \(frame)")
            } catch {
                #expect(error.description.contains(wording), "\(text): \(error)")
                #expect(!error.description.contains("\n") && !error.description.contains("\u{1B}"), "\(text): \(error)")
            }
        }
    }
}
