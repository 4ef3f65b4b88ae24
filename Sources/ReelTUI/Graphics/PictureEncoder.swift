import ReelCore

/// One picture as the bytes a back end draws it with at the cursor: a kitty, sixel or iTerm2
/// image at the picture's own size in pixels, or lines of coloured block symbols (what
/// `reel render` prints and `reel bench render --graphics` measures).
///
/// Not thread-safe: the sixel encoder reuses its buffers from picture to picture.
public final class PictureEncoder {
    public let mode: GraphicsMode
    public let symbols: CellSymbols
    public let colorMode: ColorMode
    /// kitty's commands (the placer also deletes and places virtually through it).
    let kitty: KittyEncoder
    private let sixel: SixelEncoder

    /// `sixelColours`: the colour registers sixel may use; `kittyCompressed`: deflate kitty's
    /// pixels; `kittyPassthrough`: wrap kitty's commands for tmux; `kittyMedium`: how kitty gets the pixels.
    public init(mode: GraphicsMode, symbols: CellSymbols = .half, colorMode: ColorMode = .direct,
                sixelColours: Int = 256, kittyCompressed: Bool = true, kittyPassthrough: Bool = false,
                kittyMedium: KittyEncoder.Medium = .direct) {
        self.mode = mode
        self.symbols = symbols
        self.colorMode = colorMode
        kitty = KittyEncoder(compressed: kittyCompressed, passthrough: kittyPassthrough, medium: kittyMedium)
        sixel = SixelEncoder(colours: sixelColours)
    }

    /// The size in pixels to decode a picture to for a box of `columns` × `rows` cells, or of
    /// `pixels` for the image protocols.
    public func decodeBox(columns: Int, rows: Int) -> FrameSize {
        let per = symbols.decodedPixels
        return FrameSize(width: max(1, columns * per.columns), height: max(1, rows * per.rows))
    }

    /// `image` drawn at the cursor; kitty images get `kittyID`, `offset` pixels into the cell.
    public func encode(_ image: RGBImage, kittyID: UInt32 = 1, offset: (x: Int, y: Int) = (0, 0)) -> [UInt8] {
        switch mode {
        case .kitty: return kitty.place(image, id: kittyID, offset: offset)
        case .sixel: return sixel.encode(image)
        case .iterm: return ITermEncoder.encode(image) ?? []
        case .cells: return Array(ANSIText.encode(cells(image), mode: colorMode).utf8)
        }
    }

    /// `image` as a grid of block-symbol cells just its size.
    public func cells(_ image: RGBImage) -> CellGrid {
        let per = symbols.decodedPixels
        let rect = Rect(x: 0, y: 0, width: (image.width + per.columns - 1) / per.columns,
                        height: (image.height + per.rows - 1) / per.rows)
        var grid = CellGrid(width: rect.width, height: rect.height)
        ViewerPane.draw(.image(image), frame: 0, in: rect, into: &grid, symbols: symbols)
        return grid
    }
}
