import Foundation
import Testing
@testable import ReelCore

@Suite struct MediaProbeTests {
    @Test func probesTheDemo() throws {
        let report = try MediaProbe.probe(packageRoot + "/Assets/demo.0001.png")
        guard case .sequence(let sequence, let width, let height) = report else {
            Issue.record("the demo is a sequence"); return
        }
        #expect(sequence.first == 1 && sequence.last == 96 && sequence.missing.isEmpty)
        #expect(width == 640 && height == 360)
        let audio = try MediaProbe.probe(packageRoot + "/Assets/demo.wav")
        #expect(audio == .audio(path: packageRoot + "/Assets/demo.wav", AudioInfo(
            sampleRate: 48000, channels: 2, frames: 192_000, format: "WAV (Microsoft)", encoding: "Signed 16 bit PCM")))
    }

    @Test(arguments: Corpus.files(in: "audio/freedesktop", extension: "oga")
        + Corpus.files(in: "audio/hound", extension: "wav"))
    func probesOtherPeoplesAudio(_ path: String) throws {
        guard case .audio(_, let info) = try MediaProbe.probe(path) else {
            Issue.record("\(path) is audio"); return
        }
        #expect(info.sampleRate >= 8000 && info.sampleRate <= 192_000)
        #expect(info.channels >= 1 && info.channels <= 8)
        #expect(info.frames > 0)
        #expect(info.duration > 0 && info.duration < 60)
    }

    @Test func somethingThatIsNotMediaGetsOneClearReason() throws {
        let folder = TemporaryFolder()
        folder.write("notes.txt", Array("hello".utf8))
        let path = folder.path + "/notes.txt"
        #expect {
            _ = try MediaProbe.probe(path)
        } throws: { error in
            guard case MediaError.notMedia(let p, _) = error else { return false }
            return p == path && !error.localizedDescription.contains("\n") && "\(error)".hasPrefix(path + ": not a picture, movie or sound file")
        }
        #expect(throws: MediaError.notFound(path: folder.path + "/none.wav")) {
            try MediaProbe.probe(folder.path + "/none.wav")
        }
    }

    @Test func aSequenceWhoseFirstFramesAreBrokenStillHasASize() throws {
        let folder = TemporaryFolder()
        folder.write("s.0001.png", Array("broken".utf8))
        try folder.writePNG("s.0002.png", width: 33, height: 17)
        let size = try MediaProbe.frameSize(of: SequenceScanner.find(folder.path + "/s.####.png"))
        #expect(size == (33, 17))
    }

    @Test func aSequenceWithNoReadableFrameIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("s.0001.png", Array("broken".utf8))
        #expect(throws: MediaError.self) { try MediaProbe.probe(folder.path + "/s.0001.png") }
    }
}
