import ReelCore

/// The viewer's picture for an image protocol: the pixels, which frame they are and where they
/// go (`identity`), the viewer's cells they cover, and how far into the first cell they start.
public struct PlacedPicture {
    public var image: RGBImage
    public var identity: ImagePlacer.Identity
    /// The viewer's rectangle of cells.
    public var area: Rect
    /// Pixels into the cell at (`identity.column`, `identity.row`), each less than a cell.
    public var offset: (x: Int, y: Int)
    /// A cell's size in pixels (what kitty's placeholders pad the picture to).
    public var cell: (width: Int, height: Int)

    public init(image: RGBImage, identity: ImagePlacer.Identity, area: Rect, offset: (x: Int, y: Int),
                cell: (width: Int, height: Int) = (1, 1)) {
        self.image = image
        self.identity = identity
        self.area = area
        self.offset = offset
        self.cell = cell
    }
}
