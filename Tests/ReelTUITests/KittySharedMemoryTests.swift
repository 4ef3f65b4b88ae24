import Foundation
import GraphicsSupport
import ReelCore
import Testing
@testable import ReelTUI

/// kitty on this machine reads the pixels from shared memory (`t=s`): the commands carry only
/// a name, and no more than Reel's two objects ever exist, read or not.
@Suite struct KittySharedMemoryTests {
    static func frame(_ n: Int) -> RGBImage {
        RenderLikeFrames(width: 64, height: 36, count: 1).picture(frame: n)
    }

    static func identity(_ n: Int) -> ImagePlacer.Identity {
        ImagePlacer.Identity(file: 0, frame: n, column: 1, row: 1, width: 64, height: 36)
    }

    /// A prefix no other test (or run) uses.
    static func placer() -> (ImagePlacer, prefix: String) {
        let prefix = "/reel-test-\(getpid())-" + UUID().uuidString.prefix(8)
        return (ImagePlacer(encoder: PictureEncoder(mode: .kitty, kittyMedium: .sharedMemory(prefix: prefix))), prefix)
    }

    /// Reel's objects in /dev/shm now.
    static func objects(_ prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm")) ?? []
        return names.filter { $0.hasPrefix(String(prefix.dropFirst())) }
    }

    @Test func aThousandFramesGoThroughSharedMemoryExactly() throws {
        let (placer, prefix) = Self.placer()
        let terminal = GraphicsTerminal()
        var longest = 0
        for n in 1...1000 {
            let bytes = placer.place(Self.frame(n % 5), identity: Self.identity(n))
            longest = max(longest, bytes.count)
            terminal.feed(bytes)
            #expect(Self.objects(prefix).isEmpty, "the terminal unlinks what it read")
        }
        #expect(terminal.errors.isEmpty, "\(terminal.errors.prefix(3))")
        #expect(terminal.sharedMemoryRead.count == 1000)
        #expect(longest < 200, "a command names its object: \(longest) bytes, not 64 × 36 × 3 in base64")
        let last = try #require(terminal.shown.last)
        #expect(psnr(last.image, Self.frame(1000 % 5)) == .infinity)
        #expect(terminal.liveKittyImages.count == 1)
        terminal.feed(placer.removeAll())
        #expect(terminal.liveKittyImages.isEmpty)
    }

    @Test func aTerminalThatNeverReadsLeavesTwoObjectsAtMostAndQuitNone() {
        let (placer, prefix) = Self.placer()
        for n in 1...10 {
            _ = placer.place(Self.frame(n), identity: Self.identity(n))
            #expect(Self.objects(prefix).count <= 2, "one per image id, replaced when the id comes round")
        }
        #expect(Self.objects(prefix).count == 2)
        _ = placer.removeAll()
        #expect(Self.objects(prefix).isEmpty)
    }

    @Test func objectsCanBeWrittenAndAreReplaced() throws {
        let name = "/reel-test-\(getpid())-write"
        try Self.write([1, 2, 3], name)
        try Self.write([4, 5], name)
        #expect(SharedMemory.exists(name))
        #expect(GraphicsTerminal.readSharedMemory(name) == [4, 5])
        #expect(!SharedMemory.exists(name), "read and unlinked")
        #expect(throws: SharedMemory.Failure.self) { try Self.write([1], "/no/slashes/inside") }
    }

    static func write(_ bytes: [UInt8], _ name: String) throws {
        try bytes.withUnsafeBytes { try SharedMemory.write($0, name: name) }
    }
}
