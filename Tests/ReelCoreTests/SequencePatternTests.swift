import Testing
@testable import ReelCore

@Suite struct SequencePatternTests {
    @Test(arguments: [
        ("shots/sh010.####.png", "shots", "sh010.", 4, ".png"),
        ("sh010.@@@@.png", ".", "sh010.", 4, ".png"),
        ("a/b/sh010.%04d.png", "a/b", "sh010.", 4, ".png"),
        ("render_%d.png", ".", "render_", 0, ".png"),
        ("x.###.png", ".", "x.", 3, ".png"),
        ("/abs/f_@@@@@@.png", "/abs", "f_", 6, ".png"),
    ])
    func parsesPlaceholders(_ input: String, _ directory: String, _ prefix: String, _ padding: Int, _ suffix: String) {
        let pattern = SequencePattern.parse(placeholder: input)
        #expect(pattern == SequencePattern(directory: directory, prefix: prefix, padding: padding, suffix: suffix))
    }

    @Test func plainNamesAreNotPatterns() {
        #expect(SequencePattern.parse(placeholder: "shot.0001.png") == nil)
        #expect(SequencePattern.parse(placeholder: "100%.png") == nil)
    }

    @Test func namesFramesWithPadding() {
        let padded = SequencePattern(directory: "d", prefix: "s.", padding: 4, suffix: ".png")
        #expect(padded.path(frame: 7) == "d/s.0007.png")
        #expect(padded.fileName(frame: 12345) == "s.12345.png")
        let unpadded = SequencePattern(directory: ".", prefix: "s", padding: 0, suffix: ".png")
        #expect(unpadded.path(frame: 7) == "s7.png")
        #expect(padded.description == "d/s.####.png")
        #expect(unpadded.description == "s%d.png")
    }

    @Test func readsFrameNumbersOnlyInTheirOwnSpelling() {
        let padded = SequencePattern(directory: ".", prefix: "s.", padding: 4, suffix: ".png")
        #expect(padded.frameNumber(fileName: "s.0042.png") == 42)
        #expect(padded.frameNumber(fileName: "s.10000.png") == 10000)
        #expect(padded.frameNumber(fileName: "s.042.png") == nil)
        #expect(padded.frameNumber(fileName: "s.00042.png") == nil)
        #expect(padded.frameNumber(fileName: "s.00a2.png") == nil)
        #expect(padded.frameNumber(fileName: "t.0042.png") == nil)
        #expect(padded.frameNumber(fileName: "s.0042.png.bak") == nil)
        let unpadded = SequencePattern(directory: ".", prefix: "s.", padding: 0, suffix: ".png")
        #expect(unpadded.frameNumber(fileName: "s.7.png") == 7)
        #expect(unpadded.frameNumber(fileName: "s.0.png") == 0)
        #expect(unpadded.frameNumber(fileName: "s.07.png") == nil)
    }

    @Test func splitsAroundTheLastNumberBeforeTheExtension() {
        let parts = SequencePattern.split(fileName: "sh010_comp_v2.0042.png")
        #expect(parts?.prefix == "sh010_comp_v2.")
        #expect(parts?.digits == "0042")
        #expect(parts?.suffix == ".png")
        let trailing = SequencePattern.split(fileName: "frame12_final.png")
        #expect(trailing?.prefix == "frame")
        #expect(trailing?.digits == "12")
        #expect(trailing?.suffix == "_final.png")
        #expect(SequencePattern.split(fileName: "logo.png") == nil)
    }
}
