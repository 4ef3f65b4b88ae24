/// One character cell of the screen: a character, its colours and its attributes.
public struct Cell: Hashable, Sendable {
    /// Text attributes a cell can carry.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let reverse = Attributes(rawValue: 4)
        public static let underline = Attributes(rawValue: 8)
        /// A cell an image protocol's picture may cover; drawn as it would be without.
        public static let picture = Attributes(rawValue: 16)
    }

    public var character: Unicode.Scalar
    public var foreground: CellColor
    public var background: CellColor
    public var attributes: Attributes

    public init(_ character: Unicode.Scalar = " ", foreground: CellColor = .terminalDefault,
                background: CellColor = .terminalDefault, attributes: Attributes = []) {
        self.character = character
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let blank = Cell()

    /// A blank cell of the viewer that the picture (kitty, sixel, iTerm2) is drawn over: text
    /// drawn there instead (the help, even its spaces) keeps the picture off it.
    public static let underPicture = Cell(attributes: .picture)

    /// The upper half block: the foreground paints the top half, the background the bottom.
    public static let upperHalfBlock: Unicode.Scalar = "\u{2580}"
}

/// Colours and attributes for a run of text.
public struct TextStyle: Hashable, Sendable {
    public var foreground: CellColor
    public var background: CellColor
    public var attributes: Cell.Attributes

    public init(foreground: CellColor = .terminalDefault, background: CellColor = .terminalDefault,
                attributes: Cell.Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = TextStyle()
}
