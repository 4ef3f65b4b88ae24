import GraphicsSupport
import ReelCore
import Testing
@testable import ReelTUI

/// The terminal's side of the pictures: what a kitty terminal holds after every frame.
@Suite struct ImagePlacerTests {
    static func frame(_ n: Int) -> RGBImage {
        RenderLikeFrames(width: 16, height: 9, count: 1).picture(frame: n)
    }

    static func identity(_ n: Int) -> ImagePlacer.Identity {
        ImagePlacer.Identity(file: 0, frame: n, column: 2, row: 1, width: 16, height: 9)
    }

    @Test func aThousandFramesLeaveAtMostTwoImagesAndQuitLeavesNone() {
        let placer = ImagePlacer(encoder: PictureEncoder(mode: .kitty))
        let terminal = GraphicsTerminal()
        var mostAlive = 0
        for n in 1...1000 {
            terminal.feed(placer.place(Self.frame(n % 7), identity: Self.identity(n)))
            mostAlive = max(mostAlive, terminal.liveKittyImages.count)
            #expect(placer.terminalBytes == terminal.liveKittyImages.values.reduce(0, +))
        }
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
        #expect(terminal.shown.count == 1000)
        #expect(mostAlive == 1, "each frame deletes the last right after it is placed")
        #expect(Set(terminal.shown.map(\.kind)).count == 2, "two ids, in turn")
        #expect(terminal.deletedKittyIDs.count == 999)
        #expect(placer.peakTerminalBytes == 2 * 16 * 9 * 4, "two frames at most, between place and delete")
        terminal.feed(placer.removeAll())
        #expect(terminal.liveKittyImages.isEmpty)
        #expect(placer.terminalBytes == 0)
    }

    @Test func thePictureOnScreenIsNotSentAgain() {
        let placer = ImagePlacer(encoder: PictureEncoder(mode: .sixel))
        #expect(!placer.place(Self.frame(1), identity: Self.identity(1)).isEmpty)
        #expect(placer.place(Self.frame(1), identity: Self.identity(1)).isEmpty)
        placer.invalidate()
        #expect(!placer.place(Self.frame(1), identity: Self.identity(1)).isEmpty, "after a repaint it is")
        #expect(placer.terminalBytes == 16 * 9 * 4)
        #expect(placer.removeAll().isEmpty, "a sixel picture goes with the cells it is in")
        #expect(placer.terminalBytes == 0)
    }

    @Test func thePictureGoesToItsCell() {
        let placer = ImagePlacer(encoder: PictureEncoder(mode: .kitty))
        let bytes = placer.place(Self.frame(1), identity: Self.identity(1), offset: (3, 5))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}[2;3H"), "row 1, column 2, 1-based")
        #expect(text.contains(",X=3,Y=5"))
    }

    @Test func theLinkMeterSkipsWhileTheLastPictureDrains() {
        var link = LinkMeter()
        link.record(bytes: 1_000_000, seconds: 0.1, at: 10)
        #expect(link.isBusy(at: 10.15))
        #expect(!link.isBusy(at: 10.21))
        #expect(link.bytesPerSecond(at: 10.5) == 500_000)
        #expect(link.bytesPerSecond(at: 13) == 0)
    }
}
