import Testing
@testable import ReelCore

@Suite struct SequenceScannerTests {
    @Test func findsASequenceFromOneFrame() throws {
        let folder = TemporaryFolder()
        folder.touch((1...10).map { "sh010.\(pad($0, 4)).png" })
        let sequence = try SequenceScanner.find(folder.path + "/sh010.0005.png")
        #expect(sequence.first == 1)
        #expect(sequence.last == 10)
        #expect(sequence.missing.isEmpty)
        #expect(sequence.displayName == folder.path + "/sh010.####.png")
        #expect(sequence.path(frame: 3) == folder.path + "/sh010.0003.png")
    }

    @Test(arguments: ["s.####.png", "s.@@@@.png", "s.%04d.png"])
    func findsASequenceFromEveryPatternForm(_ pattern: String) throws {
        let folder = TemporaryFolder()
        folder.touch((1001...1024).map { "s.\($0).png" } + ["s.0999.png"])
        let sequence = try SequenceScanner.find(folder.path + "/" + pattern)
        #expect(sequence.first == 999)
        #expect(sequence.last == 1024)
        #expect(sequence.missing == Array(1000...1000))
    }

    @Test func keepsPaddingAndFindsGaps() throws {
        let folder = TemporaryFolder()
        folder.touch([1, 2, 3, 7, 8, 12].map { "r_\(pad($0, 3)).png" })
        let sequence = try SequenceScanner.find(folder.path + "/r_001.png")
        if case .pattern(let pattern) = sequence.naming { #expect(pattern.padding == 3) } else { Issue.record("no pattern") }
        #expect(sequence.missing == [4, 5, 6, 9, 10, 11])
        #expect(sequence.gaps == [4...6, 9...11])
        #expect(sequence.frameCount == 12)
        #expect(sequence.presentCount == 6)
        #expect(sequence.isMissing(5))
        #expect(!sequence.isMissing(7))
        #expect(sequence.path(frame: 5) == nil)
    }

    @Test func findsAnUnpaddedSequence() throws {
        let folder = TemporaryFolder()
        folder.touch((1...12).map { "f\($0).png" })
        let sequence = try SequenceScanner.find(folder.path + "/f7.png")
        #expect(sequence.first == 1 && sequence.last == 12 && sequence.missing.isEmpty)
        #expect(sequence.path(frame: 12) == folder.path + "/f12.png")
    }

    @Test func aFolderGivesItsLargestSequenceAndIgnoresOtherFiles() throws {
        let folder = TemporaryFolder()
        folder.touch((1...5).map { "plate.\(pad($0, 4)).png" })
        folder.touch((1...20).map { "comp.\(pad($0, 4)).png" })
        folder.touch(["notes.txt", "comp.wav", "thumbs.db", ".hidden.0001.png", "comp.0021.exr"])
        let sequence = try SequenceScanner.find(folder.path)
        #expect(sequence.displayName == folder.path + "/comp.####.png")
        #expect(sequence.first == 1 && sequence.last == 20)
    }

    @Test func aFolderWithNoMediaIsRefused() {
        let folder = TemporaryFolder()
        folder.touch(["readme.txt", "data.json"])
        #expect(throws: MediaError.noMediaInFolder(path: folder.path)) { try SequenceScanner.find(folder.path) }
        let empty = TemporaryFolder()
        #expect(throws: MediaError.noMediaInFolder(path: empty.path)) { try SequenceScanner.find(empty.path) }
    }

    @Test func aPatternThatMatchesNothingOrAMissingFileIsRefused() {
        let folder = TemporaryFolder()
        folder.touch(["a.0001.png"])
        #expect(throws: MediaError.noFramesMatch(pattern: folder.path + "/b.####.png")) {
            try SequenceScanner.find(folder.path + "/b.####.png")
        }
        #expect(throws: MediaError.notFound(path: folder.path + "/nothing.png")) {
            try SequenceScanner.find(folder.path + "/nothing.png")
        }
    }

    @Test func aPNGWithNoNumberIsAOneFrameSequence() throws {
        let folder = TemporaryFolder()
        folder.touch(["logo.png"])
        let sequence = try SequenceScanner.find(folder.path + "/logo.png")
        #expect(sequence.frameCount == 1)
        #expect(sequence.path(frame: 1) == folder.path + "/logo.png")
    }

    @Test func aNumberWithNoLeadingZeroTakesTheReadingThatFindsMoreFrames() throws {
        let folder = TemporaryFolder()
        folder.touch((998...1003).map { "v\($0).png" })  // unpadded across 999 → 1000
        let sequence = try SequenceScanner.find(folder.path + "/v1001.png")
        #expect(sequence.first == 998 && sequence.last == 1003 && sequence.missing.isEmpty)
    }

    /// Found by the names fuzz target: frames 5 and 555555555 once made a list of 555 million
    /// missing frames (4 GiB). A span past `ImageSequence.maxSpan` is refused in one line.
    @Test func aStrayFrameNumberCannotMakeAHugeSequence() throws {
        let pattern = try #require(SequencePattern.parse(placeholder: "/x/shot.####.png"))
        #expect(throws: MediaError.sequenceTooLong(pattern: pattern.description, first: 5, last: 555_555_555, files: 2)) {
            try SequenceScanner.frames(of: pattern, listing: ["shot.0005.png", "shot.555555555.png"])
        }
        let fine = try SequenceScanner.frames(of: pattern, listing: ["shot.0001.png", "shot.\(ImageSequence.maxSpan).png"])
        #expect(fine.frameCount == ImageSequence.maxSpan && fine.missing.count == ImageSequence.maxSpan - 2)
        // The fuzzer's own input, as it came.
        let fuzzed = String(decoding: [UInt8]([53, 53, 53, 53, 53, 10, 28, 10, 10, 10, 53, 53, 53, 53, 53, 53, 53, 53, 53, 10, 28, 10, 10, 10, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 10, 10, 10, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 53, 51]), as: UTF8.self)
        let lines = fuzzed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let (prefix, digits, suffix) = SequencePattern.split(fileName: lines[0]) {
            let guess = SequencePattern(directory: "/fuzz", prefix: prefix, padding: digits.count, suffix: suffix)
            #expect(throws: MediaError.self) { try SequenceScanner.frames(of: guess, listing: lines) }
        }
    }

    /// Found by the names fuzz target: `sxa.%0433333333333333333d.psh` asked for frame names
    /// 433 quadrillion characters wide, and the allocation killed the process. A padding wider
    /// than `SequencePattern.maxPadding` is no pattern.
    @Test func aPaddingTooWideForAnyFrameNumberIsNoPattern() {
        let fuzzed = String(decoding: [UInt8]([0x73, 0x78, 0x61, 0x2E, 0x25, 0x30, 0x34] + [UInt8](repeating: 0x33, count: 17) + [0x64, 0x2E, 0x70, 0x73, 0x68]), as: UTF8.self)
        #expect(fuzzed == "sxa.%0433333333333333333d.psh")
        #expect(SequencePattern.parse(placeholder: "/fuzz/" + fuzzed) == nil)
        #expect(SequencePattern.parse(placeholder: "/x/a.%019d.png") == nil)
        // Its next find: leading zeros in the width (`%000001568423780d`) are digits too.
        #expect(SequencePattern.parse(placeholder: "/x/a.%000001568423780d.png") == nil)
        #expect(SequencePattern.parse(placeholder: "/x/a.%018d.png")?.padding == 18)
        #expect(SequencePattern.parse(placeholder: "/x/a." + String(repeating: "#", count: 19) + ".png") == nil)
        #expect(SequencePattern.parse(placeholder: "/x/a." + String(repeating: "#", count: 18) + ".png")?.fileName(frame: 7).count == 24)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
