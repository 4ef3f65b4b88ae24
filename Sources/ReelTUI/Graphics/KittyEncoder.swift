import ReelCore

/// Writes pictures as kitty graphics protocol commands: APC `ESC _ G keys ; payload ESC \`.
///
/// Each picture is transmitted and shown at the cursor in one command (`a=T`), 24-bit RGB
/// (`f=24`) at its own size in pixels, so one source pixel is one screen pixel. The payload is
/// base64 in chunks of at most 4096 bytes (the protocol's limit), zlib-compressed (`o=z`) when
/// asked. The cursor does not move (`C=1`) and the terminal does not answer (`q=2`), so nothing
/// comes back on the keyboard's input. Inside tmux (`passthrough`) every command is wrapped for
/// tmux to hand on, and pictures are shown through Unicode placeholders (`placeVirtual`). A
/// terminal on this machine can be handed the pixels in shared memory instead (`t=s`): the
/// command then carries only the object's name, and no CPU goes to deflate or base64.
/// Safe from any thread; with shared memory, one picture per id at a time.
public struct KittyEncoder: Sendable {
    /// How the pixels reach the terminal.
    public enum Medium: Equatable, Sendable {
        /// In the commands, as base64.
        case direct
        /// In a shared memory object per image id, named `prefix-id`, that the terminal reads
        /// and unlinks.
        case sharedMemory(prefix: String)
    }

    /// Whether the pixels are deflated before base64: fewer bytes on the link for some CPU.
    public var compressed: Bool
    /// Whether each command goes through tmux's passthrough.
    public var passthrough: Bool
    public var medium: Medium

    public init(compressed: Bool = true, passthrough: Bool = false, medium: Medium = .direct) {
        self.compressed = compressed
        self.passthrough = passthrough
        self.medium = medium
    }

    /// The shared memory object that carries image `id`'s pixels, with `medium` `.sharedMemory`.
    public func sharedMemoryName(id: UInt32) -> String? {
        guard case .sharedMemory(let prefix) = medium else { return nil }
        return "\(prefix)-\(id)"
    }

    /// Removes the shared memory objects of `ids` the terminal has not read (on quit).
    public func releaseSharedMemory(ids: [UInt32]) {
        for id in ids { sharedMemoryName(id: id).map(SharedMemory.unlink) }
    }

    /// The protocol's longest chunk of base64 payload.
    static let chunkBytes = 4096

    /// Transmits `image` as image `id` and places it at the cursor, `offset` pixels into the
    /// cell there (each less than a cell), over the text. (Under it, `z=-1`, kitty 0.26 stops
    /// clearing every cell of the default background it redraws, anywhere on the screen, and
    /// the gauge's changing figures pile up over each other; the presenter takes the picture
    /// away while text is over it instead.)
    public func place(_ image: RGBImage, id: UInt32, offset: (x: Int, y: Int) = (0, 0)) -> [UInt8] {
        var keys = "a=T,f=24,s=\(image.width),v=\(image.height),i=\(id),p=1,q=2,C=1"
        if offset.x > 0 { keys += ",X=\(offset.x)" }
        if offset.y > 0 { keys += ",Y=\(offset.y)" }
        // Shared memory that cannot be made (/dev/shm full) sends the pixels in the commands.
        if let name = sharedMemoryName(id: id),
           image.pixels.withUnsafeBytes({ (try? SharedMemory.write($0, name: name)) != nil }) {
            var payload: [UInt8] = []
            Array(name.utf8).withUnsafeBytes { Base64.append($0, to: &payload) }
            return Self.chunked(keys: keys + ",t=s,S=\(image.pixels.count)", payload: payload, passthrough: passthrough)
        }
        return transmit(image.pixels, keys: keys)
    }

    /// Transmits `image` as image `id` with a virtual placement of `columns` × `rows` cells
    /// (`U=1`), shown wherever placeholder cells name it. The picture is padded to those cells
    /// exactly (`cell` pixels each), `offset` pixels into the first, with transparent pixels,
    /// so the terminal has nothing to scale: one source pixel stays one screen pixel.
    public func placeVirtual(_ image: RGBImage, id: UInt32, offset: (x: Int, y: Int), columns: Int, rows: Int,
                             cell: (width: Int, height: Int)) -> [UInt8] {
        let width = columns * cell.width, height = rows * cell.height
        let fits = offset == (0, 0) && image.width == width && image.height == height
        let keys = "a=T,U=1,f=\(fits ? 24 : 32),s=\(width),v=\(height),i=\(id),c=\(columns),r=\(rows),q=2"
        guard !fits else { return transmit(image.pixels, keys: keys) }
        var padded = [UInt8](repeating: 0, count: width * height * 4)
        let copyWidth = min(image.width, width - offset.x), copyHeight = min(image.height, height - offset.y)
        image.pixels.withUnsafeBufferPointer { source in
            padded.withUnsafeMutableBufferPointer { target in
                for y in 0..<max(0, copyHeight) {
                    var s = y * image.width * 3
                    var t = ((y + offset.y) * width + offset.x) * 4
                    for _ in 0..<max(0, copyWidth) {
                        target[t] = source[s]
                        target[t + 1] = source[s + 1]
                        target[t + 2] = source[s + 2]
                        target[t + 3] = 255
                        s += 3
                        t += 4
                    }
                }
            }
        }
        return transmit(padded, keys: keys)
    }

    /// The commands sending `pixels` after `keys`, deflated when asked. A deflate that fails (it
    /// cannot, but for memory) sends the pixels as they are.
    private func transmit(_ pixels: [UInt8], keys: String) -> [UInt8] {
        var keys = keys
        var payload: [UInt8] = []
        let deflated: [UInt8]? = compressed ? pixels.withUnsafeBytes { try? Deflate.compress($0) } : nil
        if let deflated {
            keys += ",o=z"
            payload.reserveCapacity(Base64.encodedCount(deflated.count))
            deflated.withUnsafeBytes { Base64.append($0, to: &payload) }
        } else {
            payload.reserveCapacity(Base64.encodedCount(pixels.count))
            pixels.withUnsafeBytes { Base64.append($0, to: &payload) }
        }
        return Self.chunked(keys: keys, payload: payload, passthrough: passthrough)
    }

    /// Deletes image `id` and frees its data in the terminal (`a=d,d=I`).
    public func delete(id: UInt32) -> [UInt8] {
        let command = Array("\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\".utf8)
        return passthrough ? TmuxPassthrough.wrap(command) : command
    }

    /// The commands carrying `payload` after `keys`: the first holds the keys, the others only
    /// whether more follows (`m=1`, and `m=0` on the last); each wrapped for tmux with `passthrough`.
    static func chunked(keys: String, payload: [UInt8], passthrough: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / chunkBytes * 12 + keys.utf8.count + 16)
        var start = 0
        repeat {
            let end = min(payload.count, start + chunkBytes)
            let more = end < payload.count
            let commandStart = out.count
            out.append(contentsOf: [0x1B, UInt8(ascii: "_"), UInt8(ascii: "G")])
            if start == 0 {
                out.append(contentsOf: keys.utf8)
                if more { out.append(contentsOf: ",m=1".utf8) }
            } else {
                out.append(contentsOf: (more ? "m=1" : "m=0").utf8)
            }
            out.append(UInt8(ascii: ";"))
            out.append(contentsOf: payload[start..<end])
            out.append(contentsOf: [0x1B, UInt8(ascii: "\\")])
            if passthrough {
                let command = Array(out[commandStart...])
                out.removeSubrange(commandStart...)
                out += TmuxPassthrough.wrap(command)
            }
            start = end
        } while start < payload.count
        return out
    }
}
