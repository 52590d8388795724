/// A rectangle of terminal cells, in columns and rows from the top-left corner.
///
/// Geometry never traps: widths and heights are clamped to zero or more, edges use saturating
/// arithmetic, and an `inner` margin too large for the rectangle gives an empty rectangle.
public struct Rect: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y
        self.width = max(0, width); self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the right-most column.
    public var right: Int { x.addingReportingOverflow(width).overflow ? Int.max : x + width }
    /// One past the bottom row.
    public var bottom: Int { y.addingReportingOverflow(height).overflow ? Int.max : y + height }
    public var area: Int { width.multipliedReportingOverflow(by: height).overflow ? Int.max : width * height }

    /// The rectangle shrunk by `margin` on every side (`.zero`-sized when the margin is too big).
    public func inner(_ margin: Int = 1) -> Rect {
        let m = max(0, margin)
        guard width > 2 * m, height > 2 * m else { return Rect(x: x + min(m, width), y: y + min(m, height), width: 0, height: 0) }
        return Rect(x: x + m, y: y + m, width: width - 2 * m, height: height - 2 * m)
    }

    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(right, other.right), y1 = min(bottom, other.bottom)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < right && py >= y && py < bottom }

    /// Split off `rows` rows at the top: (top, rest). Rows are clamped to the height.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: r), Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Split off `rows` rows at the bottom: (rest, bottom).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - r), Rect(x: x, y: y + height - r, width: width, height: r))
    }

    /// Split off `columns` columns at the left: (left, rest).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let c = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: c, height: height), Rect(x: x + c, y: y, width: width - c, height: height))
    }

    /// Split off `columns` columns at the right: (rest, right).
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let c = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - c, height: height), Rect(x: x + width - c, y: y, width: c, height: height))
    }

    /// Cut the rectangle into horizontal bands of the given heights, top to bottom; the last band
    /// takes what is left. Bands past the bottom are empty.
    public func rows(_ heights: [Int]) -> [Rect] {
        var rest = self
        var out: [Rect] = []
        for (i, h) in heights.enumerated() {
            if i == heights.count - 1 { out.append(rest); break }
            let (top, remaining) = rest.splitTop(h)
            out.append(top); rest = remaining
        }
        return out
    }

    /// One row of the rectangle (empty when out of range).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
