/// A grid of cells that views draw into; the terminal backend copies the changed cells to the screen.
///
/// CONTRACT STUB: the Dashboard fills in drawing helpers; `width`, `height`, `cell(x:y:)`,
/// `diff(from:)` and `CellUpdate` are what the backend uses.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position, or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Set a cell; positions outside the buffer are ignored (geometry never traps).
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x] = cell
    }

    /// The cells that differ from `previous` (all of them when the sizes differ).
    public func diff(from previous: ScreenBuffer?) -> [CellUpdate] {
        var updates: [CellUpdate] = []
        let same = previous.map { $0.width == width && $0.height == height } ?? false
        for y in 0..<height {
            for x in 0..<width {
                let c = cells[y * width + x]
                if !same || previous!.cells[y * width + x] != c { updates.append(CellUpdate(x: x, y: y, cell: c)) }
            }
        }
        return updates
    }
}

/// One changed cell for the backend to write.
public struct CellUpdate: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}
