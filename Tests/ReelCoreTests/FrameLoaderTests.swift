import Testing
@testable import ReelCore

@Suite struct FrameLoaderTests {
    @Test func framesAreScaledToTheBoxAndGapsAndFailuresAreReported() throws {
        let folder = TemporaryFolder()
        try folder.writePNG("c.0001.png", width: 320, height: 180, colour: (250, 10, 10))
        folder.write("c.0002.png", Array("garbage".utf8))
        try folder.writePNG("c.0004.png", width: 320, height: 180)
        let sequence = try SequenceScanner.find(folder.path + "/c.0001.png")
        let loader = FrameLoader(sequence: sequence, capacity: 2)
        guard case .image(let image) = loader.content(frame: 1, boxWidth: 80, boxHeight: 60) else {
            Issue.record("frame 1 decodes"); return
        }
        #expect(image.width == 80 && image.height == 45)
        #expect(image.pixel(x: 40, y: 20) == (250, 10, 10))
        #expect(loader.content(frame: 3, boxWidth: 80, boxHeight: 60) == .missing)
        guard case .failed(let reason) = loader.content(frame: 2, boxWidth: 80, boxHeight: 60) else {
            Issue.record("frame 2 fails"); return
        }
        #expect(reason.contains("c.0002.png") && reason.contains("not a readable PNG"))
        // Capacity 2: of frames 1, 3, 2 the first is gone; gaps and failures hold no pixels.
        #expect(loader.byteCount == 0)
        _ = loader.content(frame: 4, boxWidth: 80, boxHeight: 60)
        #expect(loader.byteCount == 80 * 45 * 3)
    }
}
