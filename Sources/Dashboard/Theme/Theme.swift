/// Colours for each role on screen. CONTRACT STUB: the Dashboard fills roles and the btop-format loader.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var text: Style
    public init(name: String, text: Style = .plain) { self.name = name; self.text = text }
    public static let builtIn = Theme(name: "default")
}

/// Which characters draw boxes, bars and sparklines: Unicode, or ASCII when the locale is not UTF-8.
public enum GlyphSet: Sendable, Equatable {
    case unicode, ascii
}
