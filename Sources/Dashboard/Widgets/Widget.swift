/// Something that draws itself into a rectangle of a buffer (ratatui's `Widget`).
public protocol Widget {
    func render(in area: Rect, into buffer: inout ScreenBuffer)
}

/// One line of text, clipped to its area, aligned left, right or centre.
public struct Label: Widget {
    public enum Alignment: Sendable { case left, right, center }
    public var text: String
    public var style: Style
    public var alignment: Alignment

    public init(_ text: String, style: Style, alignment: Alignment = .left) {
        self.text = text; self.style = style; self.alignment = alignment
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let n = text.count
        let x: Int
        switch alignment {
        case .left: x = area.x
        case .right: x = area.right - min(n, area.width)
        case .center: x = area.x + max(0, (area.width - n) / 2)
        }
        buffer.put(alignment == .right && n > area.width ? String(text.suffix(area.width)) : text,
                   x: x, y: area.y, style: style, clip: area)
    }
}

/// A run of styled pieces on one line (a header, a footer, a table row).
public struct Line: Widget {
    public var spans: [(String, Style)]
    public init(_ spans: [(String, Style)]) { self.spans = spans }
    public var width: Int { spans.reduce(0) { $0 + $1.0.count } }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (text, style) in spans {
            x = buffer.put(text, x: x, y: area.y, style: style, clip: area)
            if x >= area.right { break }
        }
    }
}
