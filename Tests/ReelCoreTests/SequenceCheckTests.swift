import Foundation
import Testing
@testable import ReelCore

/// Frames that have a file but do not decode are found by decoding every present frame.
struct SequenceCheckTests {
    @Test func truncatedFramesAndImpostorsAreFlaggedWithTheirReasons() throws {
        let folder = TemporaryFolder()
        for frame in 1001...1008 { try folder.writePNG("shot.\(frame).png", width: 48, height: 27) }
        let whole = try #require(FileManager.default.contents(atPath: folder.path + "/shot.1001.png"))
        folder.write("shot.1003.png", [UInt8](whole.prefix(whole.count * 2 / 3)))
        folder.write("shot.1006.png", Array("this is not a picture\n".utf8))
        try FileManager.default.removeItem(atPath: folder.path + "/shot.1007.png")
        let sequence = try SequenceScanner.find(folder.path + "/shot.1001.png")
        #expect(sequence.missing == [1007])
        let broken = SequenceCheck.undecodable(sequence)
        #expect(broken.map(\.frame) == [1003, 1006], "\(broken)")
        #expect(broken.allSatisfy { !$0.reason.contains("\n") && $0.reason.contains("shot.100") })
    }

    @Test func aSequenceWhoseFramesAllDecodeHasNone() throws {
        let folder = TemporaryFolder()
        for frame in 1...40 { try folder.writePNG("a.\(frame).png", width: 16, height: 9) }
        #expect(SequenceCheck.undecodable(try SequenceScanner.find(folder.path + "/a.1.png")).isEmpty)
    }
}
