import Testing
@testable import Dashboard

@Suite struct ScreenBufferTests {
    @Test func putClipsToTheRectangleAndTheBuffer() {
        var b = ScreenBuffer(width: 8, height: 2)
        b.put("hello world", x: -2, y: 0, style: .plain)
        b.put("abcdef", in: Rect(x: 2, y: 1, width: 3, height: 1), style: .plain)
        b.put("ignored", x: 0, y: 5, style: .plain)
        assertScreen(b, ScreenBuffer(lines: ["llo worl", "  abc   "]))
    }

    @Test func controlCharactersBecomeQuestionMarks() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.put("a\u{1B}b\t", x: 0, y: 0, style: .plain)
        #expect(b.text(row: 0) == "a?b?")
    }

    @Test func diffListsOnlyChangedCells() {
        var a = ScreenBuffer(width: 3, height: 2)
        var b = a
        b.set(x: 1, y: 1, Cell("x"))
        #expect(b.diff(from: a) == [CellUpdate(x: 1, y: 1, cell: Cell("x"))])
        #expect(b.diff(from: b).isEmpty)
        a = ScreenBuffer(width: 2, height: 2)
        #expect(b.diff(from: a).count == 6)
        #expect(b.diff(from: nil).count == 6)
    }

    @Test func descriptionPrintsRowsBetweenBars() {
        #expect(ScreenBuffer(lines: ["ab", "c"]).description == "|ab|\n|c |")
    }

    @Test func zeroSizedBufferAcceptsDrawing() {
        var b = ScreenBuffer(width: 0, height: 0)
        b.put("x", x: 0, y: 0, style: .plain)
        b.fill(Rect(x: -5, y: -5, width: 50, height: 50), with: Cell("#"))
        #expect(b.cells.isEmpty)
        #expect(b.cell(x: 0, y: 0) == nil)
    }
}
