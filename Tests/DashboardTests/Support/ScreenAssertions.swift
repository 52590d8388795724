import Testing
@testable import Dashboard

/// Compare two screens row by row; on mismatch, record both pictures and the first differing cell.
func assertScreen(_ actual: ScreenBuffer, _ expected: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.lines != expected.lines else { return }
    var first = "sizes differ: \(actual.width)x\(actual.height) vs \(expected.width)x\(expected.height)"
    if actual.width == expected.width && actual.height == expected.height {
        outer: for y in 0..<actual.height {
            for x in 0..<actual.width where actual[x, y].character != expected[x, y].character {
                first = "first difference at (\(x), \(y)): \"\(actual[x, y].character)\" vs expected \"\(expected[x, y].character)\""
                break outer
            }
        }
    }
    Issue.record("screens differ; \(first)\nactual:\n\(actual)\nexpected:\n\(expected)", sourceLocation: sourceLocation)
}

/// Every character drawn is ASCII.
func nonASCII(_ buffer: ScreenBuffer) -> [Character] {
    buffer.cells.map(\.character).filter { !$0.isASCII }
}
