import Testing
@testable import ReelCore

@Suite struct DemoGeneratorTests {
    let demo = DemoGenerator()

    @Test func flashesOnceASecondAndOnlyThen() {
        let flashes = (1...demo.frameCount).filter(demo.isFlash)
        #expect(flashes == [1, 25, 49, 73])
        let flash = demo.picture(frame: 25)
        let plain = demo.picture(frame: 26)
        #expect(mean(flash) > 240)
        #expect(mean(plain) < 150)
    }

    @Test func framesDifferFromEachOther() {
        #expect(demo.picture(frame: 2) != demo.picture(frame: 3))
        #expect(demo.picture(frame: 2).width == demo.width && demo.picture(frame: 2).height == demo.height)
    }

    @Test func beepsOnEachFlashOverAQuietSweep() {
        let samples = demo.soundTrack()
        #expect(samples.count == demo.sampleRate * demo.seconds * 2)
        for second in 0..<demo.seconds {
            let start = second * demo.sampleRate
            let beep = peak(samples, from: start, count: demo.sampleRate / 20)
            let between = peak(samples, from: start + demo.sampleRate / 2, count: demo.sampleRate / 4)
            #expect(beep > 0.4, "beep at \(second) s")
            #expect(between > 0.01 && between < 0.05, "only the sweep between beeps")
        }
    }

    private func mean(_ image: RGBImage) -> Double {
        Double(image.pixels.reduce(0) { $0 + Int($1) }) / Double(image.pixels.count)
    }

    private func peak(_ samples: [Float], from frame: Int, count: Int) -> Float {
        (frame..<(frame + count)).map { abs(samples[2 * $0]) }.max() ?? 0
    }
}

/// The render-like frames soak and bench decode: written, found as a sequence, read back exactly.
@Suite struct RenderLikeFramesTests {
    @Test func framesAreWrittenAsASequenceAndReadBackExactly() throws {
        let folder = TemporaryFolder()
        let frames = RenderLikeFrames(width: 64, height: 36, count: 3, name: "r")
        try frames.write(to: folder.path + "/out")
        let sequence = try SequenceScanner.find(folder.path + "/out")
        #expect(sequence.first == 1 && sequence.last == 3 && sequence.missing.isEmpty)
        let decoded = try PNGDecoder.decode(path: try #require(sequence.path(frame: 2)))
        let expected = frames.picture(frame: 2)
        #expect(decoded.width == 64 && decoded.height == 36)
        var rgb: [UInt8] = []
        for pixel in 0..<(64 * 36) { rgb += decoded.pixels[(pixel * 4)..<(pixel * 4 + 3)] }
        #expect(rgb == expected.pixels)
        #expect(frames.picture(frame: 1) != frames.picture(frame: 2), "frames differ")
    }
}
