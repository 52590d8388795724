#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The screen as a file for slides (`e`): plain text, or an SVG with each cell's colours.
///
/// Pure: the frame loop renders the frame, calls these, writes `baseName(...)` + `.txt` and
/// `.svg`, then sends `Command.exportDone("screen saved to ...")`.
public enum ScreenExport {
    /// Pixel size of one cell in the SVG (a 0.6 em wide monospace font at 15 px, 1.2 line height).
    public static let cellWidth = 9
    public static let cellHeight = 18
    public static let fontSize = 15
    static let fontFamily = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace"

    /// Every row, trailing blanks removed, each ending in a newline.
    public static func text(_ buffer: ScreenBuffer) -> String {
        buffer.lines.map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l) + "\n"
        }.joined()
    }

    /// `rcutop-20261203-162055` (UTC): the wall-clock time of the export, to a second.
    public static func baseName(date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "rcutop-\(c.year ?? 0)\(two(c.month))\(two(c.day))-\(two(c.hour))\(two(c.minute))\(two(c.second))"
    }

    /// The screen as a standalone SVG: one background rectangle per run of cells with the same
    /// background, one `<text>` per run with the same look, stretched to its cells
    /// (`textLength`) so columns line up whatever monospace font the viewer has. Colours the
    /// terminal chooses (`terminalDefault`) take the theme's `main_fg` / `main_bg`, else light
    /// grey on black. Bold, dim (opacity), underline and reverse are kept.
    public static func svg(_ buffer: ScreenBuffer, theme: Theme) -> String {
        let w = buffer.width * cellWidth, h = buffer.height * cellHeight
        let defaultFG = hex(theme[.mainFG]) ?? "#d0d0d0"
        let defaultBG = hex(theme[.mainBG]) ?? "#000000"
        func colors(_ style: Style) -> (fg: String, bg: String) {
            let fg = hex(style.foreground) ?? defaultFG, bg = hex(style.background) ?? defaultBG
            return style.reverse ? (bg, fg) : (fg, bg)
        }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)">
        <rect x="0" y="0" width="\(w)" height="\(h)" fill="\(defaultBG)"/>
        <g font-family="\(fontFamily)" font-size="\(fontSize)" xml:space="preserve">

        """
        for y in 0..<buffer.height {
            let cells = (0..<buffer.width).map { buffer[$0, y] }
            // Backgrounds.
            var x = 0
            while x < cells.count {
                let bg = colors(cells[x].style).bg
                var end = x + 1
                while end < cells.count, colors(cells[end].style).bg == bg { end += 1 }
                if bg != defaultBG {
                    out += "<rect x=\"\(x * cellWidth)\" y=\"\(y * cellHeight)\" width=\"\((end - x) * cellWidth)\" height=\"\(cellHeight)\" fill=\"\(bg)\"/>\n"
                }
                x = end
            }
            // Text.
            x = 0
            while x < cells.count {
                let style = cells[x].style
                let key = TextLook(fg: colors(style).fg, bold: style.bold, dim: style.dim, underline: style.underline)
                var end = x + 1
                while end < cells.count {
                    let s = cells[end].style
                    guard TextLook(fg: colors(s).fg, bold: s.bold, dim: s.dim, underline: s.underline) == key else { break }
                    end += 1
                }
                let text = String(cells[x..<end].map(\.character))
                if text.contains(where: { $0 != " " }) || key.underline {
                    var attributes = "x=\"\(x * cellWidth)\" y=\"\(y * cellHeight + cellHeight * 4 / 5)\" fill=\"\(key.fg)\""
                    attributes += " textLength=\"\((end - x) * cellWidth)\" lengthAdjust=\"spacingAndGlyphs\""
                    if key.bold { attributes += " font-weight=\"bold\"" }
                    if key.dim { attributes += " opacity=\"0.6\"" }
                    if key.underline { attributes += " text-decoration=\"underline\"" }
                    out += "<text \(attributes)>\(escape(text))</text>\n"
                }
                x = end
            }
        }
        return out + "</g>\n</svg>\n"
    }

    private struct TextLook: Equatable { var fg: String; var bold: Bool; var dim: Bool; var underline: Bool }

    /// `#rrggbb`, or nil for the terminal's own colour.
    static func hex(_ color: Color) -> String? {
        guard case let .rgb(r, g, b) = color else { return nil }
        func two(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + two(r) + two(g) + two(b)
    }

    /// Text made safe for XML content and attribute values: `& < > " '` as entities, and
    /// characters XML 1.0 forbids (controls other than tab/LF/CR, U+FFFE, U+FFFF) as `?`.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x9F).contains(v) { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
