import RCUEngine

/// The characters one `GlyphSet` draws with: a table, as btop's `Symbols` (no branches in widgets).
public struct Glyphs: Sendable, Equatable {
    public var topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    public var horizontal: Character, vertical: Character
    /// Partial cells of a horizontal bar, 1/8 to 8/8 (ASCII: all `#`).
    public var barEighths: [Character]
    /// The empty part of a bar.
    public var barEmpty: Character
    /// Heat map levels, empty to full.
    public var heat: [Character]
    /// ASCII sparkline ramp, bottom to top, with no `|` so it never merges with a border
    /// (Unicode uses braille, built from dots).
    public var sparkRamp: [Character]
    public var usesBraille: Bool
    /// Fill of each segment bar part: DONE, WAIT, NEXT_READY, NEXT, bypass (not lazy), lazy.
    /// `colored` is for themes with colour; `distinct` tells the parts apart without colour, by
    /// shade patterns (lazy, the parked part, is the lightest: `░`, ASCII `:`).
    public var segmentColored: [Character]
    public var segmentDistinct: [Character]
    public var bullet: Character
    public var ellipsis: Character

    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "·",
        heat: ["·", "░", "▒", "▓", "█"], sparkRamp: [" ", "_", ".", "-", "=", "*", "#"], usesBraille: true,
        segmentColored: ["█", "█", "█", "█", "█", "█"], segmentDistinct: ["█", "▓", "▒", "▚", "▄", "░"],
        bullet: "●", ellipsis: "…")

    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        barEighths: ["#", "#", "#", "#", "#", "#", "#", "#"], barEmpty: ".",
        heat: [".", ":", "+", "*", "#"], sparkRamp: [" ", "_", ".", "-", "=", "*", "#"], usesBraille: false,
        segmentColored: ["#", "%", "=", "+", "-", ":"], segmentDistinct: ["#", "%", "=", "+", "-", ":"],
        bullet: "*", ellipsis: "~")
}

extension GlyphSet {
    /// The glyph table for this set.
    public var table: Glyphs { self == .unicode ? .unicode : .ascii }
}
