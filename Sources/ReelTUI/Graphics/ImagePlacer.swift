import ReelCore

/// The pictures Reel has placed in the terminal through an image protocol, and the bytes that
/// place the next one: the terminal's side of the player's memory.
///
/// kitty pictures take turns between two image ids: the next frame is placed under the other id
/// and the last one deleted right after (`a=d,d=I`, which frees its data), so a frame replaces
/// the last without a gap and the terminal holds two pictures only between those two commands,
/// one after. Inside tmux (the encoder passes kitty's commands through) a kitty picture is a
/// virtual placement shown by placeholder cells the presenter writes (`placeholders`); the image
/// the last placeholders named is deleted only when its id comes round again, so it stays
/// until tmux has redrawn the cells with the new id: two pictures at most, at every moment.
/// Sixel and iTerm2 pictures are painted into the cells and replaced by the next;
/// the terminal keeps no picture of them beyond the screen.
///
/// A picture is sent only when it changed (another frame, size or place) or after `invalidate`.
/// Not thread-safe: the presenter owns it.
public final class ImagePlacer {
    /// What a placed picture is: which frame of which file, where.
    public struct Identity: Equatable, Sendable {
        public var file: Int
        public var frame: Int
        public var column: Int
        public var row: Int
        public var width: Int
        public var height: Int
        /// What the picture was cut from (a zoom shows part of a frame decoded at another size,
        /// and the better decode arriving is another picture) and the zoom it shows.
        public var decodedWidth: Int
        public var decodedHeight: Int
        public var zoom: ViewerZoom
        /// What else the picture shows (an A/B compare's mode, divider and B's frame): another
        /// variant is another picture.
        public var variant: String

        public init(file: Int, frame: Int, column: Int, row: Int, width: Int, height: Int,
                    decodedWidth: Int? = nil, decodedHeight: Int? = nil, zoom: ViewerZoom = ViewerZoom(), variant: String = "") {
            self.file = file
            self.frame = frame
            self.column = column
            self.row = row
            self.width = width
            self.height = height
            self.decodedWidth = decodedWidth ?? width
            self.decodedHeight = decodedHeight ?? height
            self.zoom = zoom
            self.variant = variant
        }
    }

    /// The two kitty image ids Reel uses, in turn: high, so they are unlikely to be another
    /// program's that left images in the same terminal, with zero middle bytes, so placeholder
    /// cells name them by a palette colour (which tmux passes on unchanged) and a diacritic.
    static let kittyIDs: [UInt32] = [0x5E00_0001, 0x5E00_0002]

    /// Where the placeholder cells of the picture on screen go, and the image they name.
    public struct Placeholders: Equatable, Sendable {
        public var box: Rect
        public var id: UInt32
    }

    public let encoder: PictureEncoder
    public var mode: GraphicsMode { encoder.mode }
    /// The picture on screen, and how far into its cell it starts (kitty; 0 for the others).
    public private(set) var shown: Identity?
    public private(set) var shownOffset: (x: Int, y: Int) = (0, 0)
    /// Pictures sent so far.
    public private(set) var placedCount = 0
    /// kitty ids alive in the terminal, with their bytes (4 a pixel, as kitty keeps them).
    private(set) var liveKittyImages: [UInt32: Int] = [:]
    private var nextKitty = 0
    /// The most bytes of pictures the terminal held at once, since the start.
    public private(set) var peakTerminalBytes = 0
    /// The placeholder cells the presenter writes for the picture on screen (kitty inside tmux).
    public private(set) var placeholders: Placeholders?

    public init(encoder: PictureEncoder) {
        self.encoder = encoder
    }

    /// Whether kitty pictures are shown through placeholder cells (inside tmux).
    public var usesPlaceholders: Bool { mode == .kitty && encoder.kitty.passthrough }

    /// Bytes of pictures the terminal holds for Reel now: kitty's live images, or the one
    /// sixel or iTerm2 picture on screen.
    public var terminalBytes: Int {
        guard mode == .kitty else { return shown.map { $0.width * $0.height * 4 } ?? 0 }
        return liveKittyImages.values.reduce(0, +)
    }

    /// Whether a picture is on screen.
    public var hasPicture: Bool { shown != nil }

    /// Whether the picture on screen is `identity`.
    public func isShowing(_ identity: Identity) -> Bool { shown == identity }

    /// The next picture is sent even if it is the one on screen (after the screen was cleared).
    /// (kitty's images outlive a repaint of the text; the next one replaces them as usual.)
    public func invalidate() {
        shown = nil
    }

    /// The bytes that delete both of Reel's kitty ids, whatever is alive: what a crash leaves.
    public var deleteEveryID: [UInt8] {
        Self.kittyIDs.flatMap(encoder.kitty.delete(id:))
    }

    /// The bytes that show `image` (`identity`) with its top-left corner at cell (`column`,
    /// `row`), `offset` pixels into that cell (kitty only), and remove the last picture; empty
    /// when it is already there. The cursor is left anywhere: the caller puts it back. With
    /// placeholders, `cell` is a cell's size in pixels, and the cells are the caller's to write.
    public func place(_ image: RGBImage, identity: Identity, offset: (x: Int, y: Int) = (0, 0),
                      cell: (width: Int, height: Int) = (1, 1)) -> [UInt8] {
        guard identity != shown else { return [] }
        var out = Self.moveTo(column: identity.column, row: identity.row)
        switch mode {
        case .kitty where usesPlaceholders:
            let id = Self.kittyIDs[nextKitty]
            nextKitty = 1 - nextKitty
            if liveKittyImages[id] != nil {
                out += encoder.kitty.delete(id: id)
                liveKittyImages[id] = nil
            }
            let columns = min(KittyPlaceholders.maxCells, (offset.x + image.width + cell.width - 1) / max(1, cell.width))
            let rows = min(KittyPlaceholders.maxCells, (offset.y + image.height + cell.height - 1) / max(1, cell.height))
            out += encoder.kitty.placeVirtual(image, id: id, offset: offset, columns: columns, rows: rows, cell: cell)
            liveKittyImages[id] = columns * cell.width * rows * cell.height * 4
            placeholders = Placeholders(box: Rect(x: identity.column, y: identity.row, width: columns, height: rows), id: id)
        case .kitty:
            let id = Self.kittyIDs[nextKitty]
            nextKitty = 1 - nextKitty
            out += encoder.encode(image, kittyID: id, offset: offset)
            liveKittyImages[id] = image.width * image.height * 4
            note()
            for old in liveKittyImages.keys where old != id {
                out += encoder.kitty.delete(id: old)
                liveKittyImages[old] = nil
            }
        case .sixel, .iterm:
            out += encoder.encode(image)
        case .cells:
            return []
        }
        shown = identity
        shownOffset = mode == .kitty ? offset : (0, 0)
        placedCount += 1
        note()
        return out
    }

    /// The bytes that take every picture away (on quit, on resize, when the viewer shows text).
    public func removeAll() -> [UInt8] {
        shown = nil
        placeholders = nil
        encoder.kitty.releaseSharedMemory(ids: Self.kittyIDs)
        guard mode == .kitty, !liveKittyImages.isEmpty else { return [] }
        let out = liveKittyImages.keys.sorted().flatMap(encoder.kitty.delete(id:))
        liveKittyImages = [:]
        return out
    }

    private func note() {
        peakTerminalBytes = max(peakTerminalBytes, terminalBytes)
    }

    /// Cursor position (CUP) of cell (`column`, `row`), 0-based.
    static func moveTo(column: Int, row: Int) -> [UInt8] {
        Array("\u{1B}[\(row + 1);\(column + 1)H".utf8)
    }
}
