@testable import Dashboard

/// A buffer as text with 24-bit SGR colours (for `ansi2png.py`, to look at a theme).
func ansi(_ buffer: ScreenBuffer) -> String {
    var out = ""
    for y in 0..<buffer.height {
        var last: Style? = nil
        for x in 0..<buffer.width {
            let c = buffer[x, y]
            if c.style != last {
                var codes = ["0"]
                if c.style.bold { codes.append("1") }
                if c.style.dim { codes.append("2") }
                if c.style.underline { codes.append("4") }
                if c.style.reverse { codes.append("7") }
                if case let .rgb(r, g, b) = c.style.foreground { codes.append("38;2;\(r);\(g);\(b)") }
                if case let .rgb(r, g, b) = c.style.background { codes.append("48;2;\(r);\(g);\(b)") }
                out += "\u{1B}[" + codes.joined(separator: ";") + "m"
                last = c.style
            }
            out.append(c.character)
        }
        out += "\u{1B}[0m\n"
    }
    return out
}
