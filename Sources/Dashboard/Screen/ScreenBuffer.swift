/// A grid of cells that views draw into; the terminal backend copies the changed cells to the screen.
///
/// Drawing never traps: anything outside the buffer (or outside the clip rectangle a helper is
/// given) is dropped. `description` prints the rows as text, for tests and `tui-shot`-style dumps.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// A buffer whose rows are the given strings (plain style), padded with blanks to the widest row.
    /// For tests: the expected picture of a screen.
    public init(lines: [String]) {
        let w = lines.map(\.count).max() ?? 0
        self.init(width: w, height: lines.count)
        for (y, line) in lines.enumerated() {
            for (x, ch) in line.enumerated() { set(x: x, y: y, Cell(ch)) }
        }
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position, or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// The cell at a position; traps with the buffer size and position when outside (use `cell(x:y:)`
    /// for a safe lookup).
    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && y >= 0 && x < width && y < height,
                     "position (\(x), \(y)) outside ScreenBuffer \(width)x\(height)")
        return cells[y * width + x]
    }

    /// Set a cell; positions outside the buffer are ignored (geometry never traps).
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x] = cell
    }

    /// The cells that differ from `previous` (all of them when the sizes differ or there is none).
    public func diff(from previous: ScreenBuffer?) -> [CellUpdate] {
        var updates: [CellUpdate] = []
        guard let previous, previous.width == width, previous.height == height else {
            updates.reserveCapacity(cells.count)
            for i in cells.indices { updates.append(CellUpdate(x: i % width, y: i / width, cell: cells[i])) }
            return updates
        }
        // Hot path (every frame): compare through raw buffers, no bounds checks or copies.
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for i in 0..<now.count where before[i] != now[i] {
                    updates.append(CellUpdate(x: i % width, y: i / width, cell: now[i]))
                }
            }
        }
        return updates
    }
}

// MARK: - Drawing helpers

extension ScreenBuffer {
    /// Write `text` from (x, y) to the right, one character per cell, clipped to `clip` and the buffer.
    /// Returns the column after the last character written (or that would have been written).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        // One cell per Unicode scalar: everything rcutop draws is single-scalar, single-width,
        // and walking scalars avoids grapheme breaking on every string of every frame.
        guard y >= bounds.y, y < bounds.bottom else { return x + text.unicodeScalars.count }
        var cx = x
        let row = y * width
        cells.withUnsafeMutableBufferPointer { cells in
            for scalar in text.unicodeScalars {
                if cx >= bounds.right { break }
                if cx >= bounds.x { cells[row + cx] = Cell(scalar: ScreenBuffer.printable(scalar), style: style) }
                cx += 1
            }
        }
        return cx
    }

    /// Write `text` at the start of row `row` of `rect`, clipped to the rectangle.
    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, row: Int = 0, column: Int = 0, style: Style) -> Int {
        guard row >= 0, row < rect.height else { return rect.x + column }
        return put(text, x: rect.x + column, y: rect.y + row, style: style, clip: rect)
    }

    /// Fill a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let width = self.width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in r.y..<r.bottom { for x in r.x..<r.right { cells[y * width + x] = cell } }
        }
    }

    /// Set the style of every cell in a rectangle, keeping characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom { for x in r.x..<r.right { cells[y * width + x].style = transform(cells[y * width + x].style) } }
    }

    /// A horizontal line of `character` across `length` cells from (x, y), clipped to the buffer.
    public mutating func horizontalLine(x: Int, y: Int, length: Int, character: Character, style: Style) {
        guard length > 0 else { return }
        fill(Rect(x: x, y: y, width: length, height: 1), with: Cell(character, style: style))
    }

    /// A vertical line of `character` down `length` cells from (x, y), clipped to the buffer.
    public mutating func verticalLine(x: Int, y: Int, length: Int, character: Character, style: Style) {
        guard length > 0 else { return }
        fill(Rect(x: x, y: y, width: 1, height: length), with: Cell(character, style: style))
    }

    /// Row `y` as plain text (trailing blanks kept).
    public func text(row y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return String(cells[(y * width)..<(y * width + width)].map(\.character))
    }

    /// Every row as plain text.
    public var lines: [String] { (0..<height).map { text(row: $0) } }

    /// Does any row contain `needle`?
    public func contains(_ needle: String) -> Bool { lines.contains { $0.contains(needle) } }

    /// Control characters and anything wider than a cell would corrupt the screen; show `?` instead.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { return "?" }
        // A combining mark has no cell of its own.
        if scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark { return "?" }
        return scalar
    }

    static func printable(_ ch: Character) -> Character {
        guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return "?" }
        if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { return "?" }
        return ch
    }
}

// MARK: - CustomStringConvertible

extension ScreenBuffer: CustomStringConvertible {
    /// The rows between `|` marks, one per line, so a failing test shows the screen.
    public var description: String {
        lines.map { "|" + $0 + "|" }.joined(separator: "\n")
    }
}

/// One changed cell for the backend to write.
public struct CellUpdate: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) { self.x = x; self.y = y; self.cell = cell }
}
