/// A colour as a theme names it. The backend degrades it to what the terminal can show.
public enum Color: Sendable, Equatable, Hashable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    case rgb(UInt8, UInt8, UInt8)
}

/// How one cell is drawn.
public struct Style: Sendable, Equatable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault,
                bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.dim = dim; self.reverse = reverse; self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell: a single-width character and its style.
public struct Cell: Sendable, Equatable, Hashable {
    /// The character, stored as one Unicode scalar: every glyph rcutop draws is a single
    /// single-width scalar, and a scalar keeps `Cell` a plain value (no reference counting),
    /// which makes filling, copying and diffing a 200x60 buffer several times cheaper.
    public var scalar: Unicode.Scalar
    public var style: Style

    /// The character (its first scalar is what is stored).
    public var character: Character {
        get { Character(scalar) }
        set { scalar = newValue.unicodeScalars.first ?? " " }
    }

    public init(_ character: Character = " ", style: Style = .plain) {
        self.scalar = character.unicodeScalars.first ?? " "
        self.style = style
    }

    public init(scalar: Unicode.Scalar, style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    public static let blank = Cell()
}
