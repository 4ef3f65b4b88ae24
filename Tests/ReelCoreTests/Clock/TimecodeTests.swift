import Testing
@testable import ReelCore

/// SMPTE timecode arithmetic, against the labels the standard gives and by round trips.
struct TimecodeTests {
    static let rates: [(String, Timecode.Rate)] = [
        ("24", Timecode.Rate(fps: 24)), ("25", Timecode.Rate(fps: 25)), ("29.97 DF", Timecode.Rate(fps: 30000.0 / 1001)),
        ("30", Timecode.Rate(fps: 30)), ("59.94 DF", Timecode.Rate(fps: 60000.0 / 1001)),
    ]

    @Test func ratesAreReadFromTheFrameRate() {
        #expect(Timecode.Rate(fps: 30000.0 / 1001) == Timecode.Rate(nominal: 30, dropFrame: true))
        #expect(Timecode.Rate(fps: 29.97) == Timecode.Rate(nominal: 30, dropFrame: true))
        #expect(Timecode.Rate(fps: 60000.0 / 1001) == Timecode.Rate(nominal: 60, dropFrame: true))
        // 23.976 has no drop-frame count; 24, 25 and 30 drop nothing.
        #expect(Timecode.Rate(fps: 24000.0 / 1001) == Timecode.Rate(nominal: 24, dropFrame: false))
        #expect(Timecode.Rate(fps: 24).dropFrame == false && Timecode.Rate(fps: 25).nominal == 25)
        #expect(Timecode.Rate(fps: 30) == Timecode.Rate(nominal: 30, dropFrame: false))
        #expect(Timecode.Rate(nominal: 25, dropFrame: true).dropFrame == false)
    }

    @Test func labelsAreTheStandardOnes() {
        let df30 = Timecode.Rate(fps: 29.97), df60 = Timecode.Rate(fps: 59.94)
        let cases: [(Int, Timecode.Rate, String)] = [
            (0, df30, "00:00:00;00"), (1799, df30, "00:00:59;29"), (1800, df30, "00:01:00;02"),
            (3597, df30, "00:01:59;29"), (3598, df30, "00:02:00;02"), (17_981, df30, "00:09:59;29"),
            (17_982, df30, "00:10:00;00"), (17_984, df30, "00:10:00;02"), (107_892, df30, "01:00:00;00"),
            (3599, df60, "00:00:59;59"), (3600, df60, "00:01:00;04"), (35_964, df60, "00:10:00;00"),
            (86_400, Timecode.Rate(fps: 24), "01:00:00:00"), (90_000, Timecode.Rate(fps: 25), "01:00:00:00"),
            (1801, Timecode.Rate(fps: 30), "00:01:00:01"),
        ]
        for (count, rate, label) in cases {
            #expect(Timecode(frame: count, rate: rate).description == label, "\(count) at \(rate)")
            #expect(Timecode(parsing: label, rate: rate)?.frameCount == count, "\(label)")
        }
    }

    @Test(arguments: rates) func everyFrameRoundTripsOverAHundredThousandFrames(name: String, rate: Timecode.Rate) {
        var previous: Timecode?
        var wrong = 0
        for count in 0..<100_000 {
            let code = Timecode(frame: count, rate: rate)
            if code.frameCount != count || Timecode(parsing: code.description, rate: rate)?.frameCount != count { wrong += 1 }
            // Each label follows the one before: a frame on, or a skipped label or two on at a minute.
            if let previous {
                let step = code.frames - previous.frames + (code.seconds - previous.seconds) * rate.nominal
                if code.minutes == previous.minutes && code.hours == previous.hours && step != 1 { wrong += 1 }
            }
            previous = code
        }
        #expect(wrong == 0, "\(name): \(wrong) frames wrong")
    }

    @Test func textThatIsNoTimecodeIsRefused() {
        let rate = Timecode.Rate(fps: 25)
        for text in ["", "12", "1:2:3:4:5", "00:60:00:00", "00:00:00:25", "ab:cd:ef:gh", "00::00:00", "-1:00:00:00"] {
            #expect(Timecode(parsing: text, rate: rate) == nil, "\(text)")
        }
        // Labels that drop-frame skips do not exist.
        #expect(Timecode(parsing: "00:01:00;00", rate: Timecode.Rate(fps: 29.97)) == nil)
        #expect(Timecode(parsing: "00:10:00;00", rate: Timecode.Rate(fps: 29.97))?.frameCount == 17_982)
        // Fewer fields count from the right: seconds and frames.
        #expect(Timecode(parsing: "12:05", rate: rate)?.frameCount == 12 * 25 + 5)
    }
}
