/// Redraws a panel's border heavier and brighter: the panel a scenario step says to look at.
///
/// Box lines become heavy ones (`┏━┓┃┗┛`; ASCII `-` and `|` become `=` and `#`) in the theme's
/// highlight style, bold. Only border cells change: the title text stays as it was.
struct PanelEmphasis {
    let theme: Theme

    static let heavier: [Character: Character] = [
        "─": "━", "│": "┃", "┌": "┏", "┐": "┓", "└": "┗", "┘": "┛", "-": "=", "|": "#",
    ]

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        var style = theme.highlight
        style.bold = true
        func emphasise(_ x: Int, _ y: Int) {
            guard let cell = buffer.cell(x: x, y: y) else { return }
            if let heavy = PanelEmphasis.heavier[cell.character] {
                buffer.set(x: x, y: y, Cell(heavy, style: style))
            } else if cell.character == "+" {
                buffer.set(x: x, y: y, Cell("+", style: style)) // ASCII corner
            }
        }
        // The top edge holds titles ("wake-ups"): only runs made of border glyphs alone change.
        var runStart = area.x
        for x in area.x...area.right {
            let ch = x < area.right ? buffer.cell(x: x, y: area.y)?.character : " "
            guard ch == " " else { continue }
            let run = (runStart..<x).compactMap { buffer.cell(x: $0, y: area.y)?.character }
            if run.allSatisfy({ PanelEmphasis.heavier[$0] != nil || $0 == "+" }) {
                for rx in runStart..<x { emphasise(rx, area.y) }
            }
            runStart = x + 1
        }
        if area.height > 1 { for x in area.x..<area.right { emphasise(x, area.bottom - 1) } }
        for y in (area.y + 1)..<max(area.y + 1, area.bottom) { emphasise(area.x, y); emphasise(area.right - 1, y) }
    }
}
