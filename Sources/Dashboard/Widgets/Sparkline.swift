/// A small history graph, newest value at the right: braille (2 values per cell, 4 dots high per
/// row) or an ASCII ramp (` _.-=*#`, one value per cell, a blank column either side so the graph
/// never touches a `|` border). Colour follows the value through a gradient.
public struct Sparkline: Widget {
    public var values: [UInt64]
    /// The value that fills the full height; nil means the largest value shown.
    public var maximum: UInt64?
    public var gradient: Gradient
    public var background: Color
    public var glyphs: Glyphs
    public var emptyStyle: Style

    public init(values: [UInt64], maximum: UInt64? = nil, gradient: Gradient, background: Color, glyphs: Glyphs, emptyStyle: Style) {
        self.values = values; self.maximum = maximum; self.gradient = gradient; self.background = background
        self.glyphs = glyphs; self.emptyStyle = emptyStyle
    }

    /// Left column dots bottom-up (7, 3, 2, 1) and right column (8, 6, 5, 4) of a braille cell.
    static let leftDots: [UInt32] = [0x40, 0x04, 0x02, 0x01]
    static let rightDots: [UInt32] = [0x80, 0x20, 0x10, 0x08]

    public func render(in whole: Rect, into buffer: inout ScreenBuffer) {
        guard !whole.isEmpty else { return }
        var area = whole
        if !glyphs.usesBraille && whole.width >= 4 {
            buffer.fill(whole, with: Cell(" ", style: emptyStyle))
            area = Rect(x: whole.x + 1, y: whole.y, width: whole.width - 2, height: whole.height)
        }
        let perCell = glyphs.usesBraille ? 2 : 1
        let levelsPerRow = glyphs.usesBraille ? 4 : glyphs.sparkRamp.count - 1
        let shown = Array(values.suffix(area.width * perCell))
        let top = max(1, maximum ?? shown.max() ?? 1)
        let totalLevels = levelsPerRow * area.height
        // Height of each value in levels; a non-zero value shows at least one level.
        let heights = shown.map { v -> Int in
            guard v > 0 else { return 0 }
            return max(1, min(totalLevels, Int((Double(min(v, top)) / Double(top) * Double(totalLevels)).rounded())))
        }
        // Right-align: the newest value sits in the last column.
        let columns = (heights.count + perCell - 1) / perCell
        let firstX = area.right - columns
        let pad = columns * perCell - heights.count
        let padded = Array(repeating: 0, count: pad) + heights
        let paddedValues = Array(repeating: UInt64(0), count: pad) + shown
        for row in 0..<area.height {
            for x in area.x..<firstX { buffer.set(x: x, y: area.y + row, Cell(" ", style: emptyStyle)) }
        }
        for c in 0..<columns {
            let vals = Array(padded[(c * perCell)..<(c * perCell + perCell)])
            let peak = paddedValues[(c * perCell)..<(c * perCell + perCell)].max() ?? 0
            let style = Style(foreground: gradient.color(at: Double(min(peak, top)) / Double(top)), background: background)
            for row in 0..<area.height {
                // Row 0 is the top; levels below this row are `base`.
                let base = (area.height - 1 - row) * levelsPerRow
                let ch: Character
                if glyphs.usesBraille {
                    var bits: UInt32 = 0
                    for (i, h) in vals.enumerated() {
                        let dots = min(4, max(0, h - base))
                        let table = i == 0 ? Sparkline.leftDots : Sparkline.rightDots
                        for d in 0..<dots { bits |= table[d] }
                    }
                    ch = bits == 0 ? " " : Character(Unicode.Scalar(0x2800 + bits)!)
                } else {
                    let level = min(levelsPerRow, max(0, vals[0] - base))
                    ch = glyphs.sparkRamp[level]
                }
                buffer.set(x: area.x + firstX - area.x + c, y: area.y + row, Cell(ch, style: ch == " " ? emptyStyle : style))
            }
        }
    }
}
