/// A horizontal meter: `fraction` of the width filled with block elements (`▏▎▍▌▋▊▉█`, ASCII `#`),
/// the rest with the empty glyph.
public struct Bar: Widget {
    public var fraction: Double
    public var fillStyle: Style
    public var emptyStyle: Style
    public var glyphs: Glyphs

    public init(fraction: Double, fillStyle: Style, emptyStyle: Style, glyphs: Glyphs) {
        self.fraction = fraction.isFinite ? min(1, max(0, fraction)) : 0
        self.fillStyle = fillStyle; self.emptyStyle = emptyStyle; self.glyphs = glyphs
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let eighths = Int((fraction * Double(area.width * 8)).rounded())
        for i in 0..<area.width {
            let filled = min(8, max(0, eighths - i * 8))
            let cell = filled == 0 ? Cell(glyphs.barEmpty, style: emptyStyle) : Cell(glyphs.barEighths[filled - 1], style: fillStyle)
            for row in 0..<area.height { buffer.set(x: area.x + i, y: area.y + row, cell) }
        }
    }
}

/// Several counts stacked end to end in one bar (DONE, WAIT, NEXT_READY, NEXT, bypass, lazy),
/// scaled so `scale` fills the whole width. A non-zero part always gets at least one cell while
/// the bar has room, so a lone callback is visible.
public struct SegmentBar: Widget {
    public struct Part: Sendable {
        public var count: Int
        public var style: Style
        public var glyph: Character
        public init(count: Int, style: Style, glyph: Character) { self.count = count; self.style = style; self.glyph = glyph }
    }
    public var parts: [Part]
    public var scale: Int
    public var emptyStyle: Style
    public var emptyGlyph: Character

    public init(parts: [Part], scale: Int, emptyStyle: Style, emptyGlyph: Character) {
        self.parts = parts; self.scale = max(1, scale); self.emptyStyle = emptyStyle; self.emptyGlyph = emptyGlyph
    }

    /// Cells for each part at `width` (largest remainder, at least one per non-zero part).
    public func cellCounts(width: Int) -> [Int] {
        guard width > 0 else { return parts.map { _ in 0 } }
        let counts = parts.map { max(0, $0.count) }
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        let filled = min(width, max(counts.filter { $0 > 0 }.count,
                                    Int((Double(min(total, scale)) / Double(scale) * Double(width)).rounded())))
        let filledTarget = min(width, filled)
        var cells = counts.map { Int(Double($0) / Double(total) * Double(filledTarget)) }
        // At least one cell for each non-zero part, taken from the largest.
        for i in counts.indices where counts[i] > 0 && cells[i] == 0 {
            if cells.reduce(0, +) < filledTarget { cells[i] = 1; continue }
            if let big = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[big] > 1 { cells[big] -= 1; cells[i] = 1 }
        }
        // Hand out what is left by largest remainder.
        var left = filledTarget - cells.reduce(0, +)
        let order = counts.indices.sorted {
            let r0 = Double(counts[$0]) / Double(total) * Double(filledTarget) - Double(cells[$0])
            let r1 = Double(counts[$1]) / Double(total) * Double(filledTarget) - Double(cells[$1])
            return r0 == r1 ? $0 < $1 : r0 > r1
        }
        var k = 0
        while left > 0 && k < order.count * 2 {
            let i = order[k % order.count]
            if counts[i] > 0 { cells[i] += 1; left -= 1 }
            k += 1
        }
        return cells
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let cells = cellCounts(width: area.width)
        var x = area.x
        for (part, n) in zip(parts, cells) where n > 0 {
            buffer.fill(Rect(x: x, y: area.y, width: n, height: area.height), with: Cell(part.glyph, style: part.style))
            x += n
        }
        if x < area.right {
            buffer.fill(Rect(x: x, y: area.y, width: area.right - x, height: area.height), with: Cell(emptyGlyph, style: emptyStyle))
        }
    }
}
