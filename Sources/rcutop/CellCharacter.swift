import CNcursesw
import Dashboard

/// What may go into one terminal cell, whatever the Dashboard drew.
enum CellCharacter {
    /// The one scalar to put in a cell: never a control character (it would move the cursor or
    /// start an escape sequence), never a double-width or zero-width one (it would shift the
    /// row), and only ASCII when the locale is not UTF-8 (ncurses would draw a blank).
    static func displayableScalar(_ character: Character, glyphs: GlyphSet) -> UInt32 {
        guard let scalar = character.unicodeScalars.first else { return 0x20 }
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0x20 }
        if value < 0x7F { return value }
        if glyphs == .ascii { return asciiFallback(value) }
        return nc_wcwidth(wchar_t(bitPattern: value)) == 1 ? value : UInt32(UInt8(ascii: "?"))
    }

    /// ASCII stand-ins for the characters a dashboard draws with, for when a Unicode glyph
    /// reaches a non-UTF-8 locale anyway.
    private static func asciiFallback(_ value: UInt32) -> UInt32 {
        let ascii: UInt8
        switch value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x2550, 0x254C, 0x254D: ascii = UInt8(ascii: "-")
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x2551, 0x254E, 0x254F: ascii = UInt8(ascii: "|")
        case 0x250C...0x254B, 0x2552...0x256C, 0x256D...0x2570: ascii = UInt8(ascii: "+")
        case 0x2580...0x259F: ascii = UInt8(ascii: "#")
        case 0x2800: ascii = UInt8(ascii: " ")
        case 0x2801...0x28FF: ascii = UInt8(ascii: ".")
        case 0x2022, 0x25CF, 0x25CB: ascii = UInt8(ascii: "*")
        case 0x2190...0x21FF: ascii = UInt8(ascii: ">")
        case 0x2026: ascii = UInt8(ascii: ".")
        default: ascii = UInt8(ascii: "?")
        }
        return UInt32(ascii)
    }
}
