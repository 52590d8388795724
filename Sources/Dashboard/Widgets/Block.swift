/// A bordered box with a title in its top edge: `┌ title ─┐` (ASCII `+ title -+`).
public struct Block: Widget {
    public var title: String
    public var titleStyle: Style
    public var borderStyle: Style
    public var glyphs: Glyphs
    /// Text drawn at the right end of the top edge (a count, a scale), if any.
    public var rightTitle: String?
    public var rightTitleStyle: Style

    public init(title: String, titleStyle: Style, borderStyle: Style, glyphs: Glyphs,
                rightTitle: String? = nil, rightTitleStyle: Style? = nil) {
        self.title = title; self.titleStyle = titleStyle; self.borderStyle = borderStyle; self.glyphs = glyphs
        self.rightTitle = rightTitle; self.rightTitleStyle = rightTitleStyle ?? borderStyle
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inner(1) }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let g = glyphs
        buffer.horizontalLine(x: area.x, y: area.y, length: area.width, character: g.horizontal, style: borderStyle)
        if area.height > 1 {
            buffer.horizontalLine(x: area.x, y: area.bottom - 1, length: area.width, character: g.horizontal, style: borderStyle)
            buffer.verticalLine(x: area.x, y: area.y, length: area.height, character: g.vertical, style: borderStyle)
            buffer.verticalLine(x: area.right - 1, y: area.y, length: area.height, character: g.vertical, style: borderStyle)
            buffer.set(x: area.x, y: area.y, Cell(g.topLeft, style: borderStyle))
            buffer.set(x: area.right - 1, y: area.y, Cell(g.topRight, style: borderStyle))
            buffer.set(x: area.x, y: area.bottom - 1, Cell(g.bottomLeft, style: borderStyle))
            buffer.set(x: area.right - 1, y: area.bottom - 1, Cell(g.bottomRight, style: borderStyle))
        }
        // Title inside the top edge, between the corners, with a space either side.
        let titleArea = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
        guard titleArea.width >= 3 else { return }
        var used = 0
        if !title.isEmpty {
            let end = buffer.put(" " + title + " ", x: titleArea.x, y: titleArea.y, style: titleStyle, clip: titleArea)
            used = end - titleArea.x
        }
        if let rightTitle, !rightTitle.isEmpty {
            let text = " " + rightTitle + " "
            let room = titleArea.width - used - 1
            if text.count <= room {
                buffer.put(text, x: titleArea.right - text.count, y: titleArea.y, style: rightTitleStyle, clip: titleArea)
            }
        }
    }
}
