import Testing
@testable import Dashboard

@Suite struct WidgetTests {
    @Test func blockDrawsUnicodeBorderWithTitle() {
        var b = ScreenBuffer(width: 12, height: 3)
        Block(title: "GP", titleStyle: .plain, borderStyle: .plain, glyphs: .unicode).render(in: b.area, into: &b)
        assertScreen(b, ScreenBuffer(lines: ["┌ GP ──────┐", "│          │", "└──────────┘"]))
    }

    @Test func blockDrawsASCIIBorder() {
        var b = ScreenBuffer(width: 8, height: 3)
        Block(title: "mem", titleStyle: .plain, borderStyle: .plain, glyphs: .ascii, rightTitle: "x").render(in: b.area, into: &b)
        assertScreen(b, ScreenBuffer(lines: ["+ mem -+", "|      |", "+------+"]))
    }

    @Test func barUsesEighthsForThePartialCell() {
        var b = ScreenBuffer(width: 4, height: 1)
        Bar(fraction: 0.5 + 1.0 / 32, fillStyle: .plain, emptyStyle: .plain, glyphs: .unicode).render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "██▏·")
        Bar(fraction: 2, fillStyle: .plain, emptyStyle: .plain, glyphs: .ascii).render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "####")
        Bar(fraction: .nan, fillStyle: .plain, emptyStyle: .plain, glyphs: .ascii).render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "....")
    }

    @Test func brailleSparklinePacksTwoValuesPerCell() {
        var b = ScreenBuffer(width: 2, height: 1)
        Sparkline(values: [0, 4, 2, 4], maximum: 4, gradient: Theme.builtIn.wakeGraph, background: .terminalDefault,
                  glyphs: .unicode, emptyStyle: .plain).render(in: b.area, into: &b)
        // (0, 4): right column full = dots 4 5 6 8; (2, 4): left dots 7 3, right full.
        #expect(b.text(row: 0) == "\u{28B8}\u{28FC}")
    }

    @Test func asciiSparklineRampsAndRightAlignsInsideABlankColumnEachSide() {
        var b = ScreenBuffer(width: 6, height: 1)
        Sparkline(values: [1, 2, 3], maximum: 3, gradient: Theme.builtIn.wakeGraph, background: .terminalDefault,
                  glyphs: .ascii, emptyStyle: .plain).render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "  .=# ")
    }

    @Test func asciiSparklineNeverUsesTheBorderCharacter() {
        var b = ScreenBuffer(width: 12, height: 2)
        Sparkline(values: Array(0...10), gradient: Theme.builtIn.wakeGraph, background: .terminalDefault,
                  glyphs: .ascii, emptyStyle: .plain).render(in: b.area, into: &b)
        #expect(!b.lines.joined().contains("|"))
        #expect(b.text(row: 0).first == " " && b.text(row: 0).last == " ")
    }

    @Test func sparklineShowsEveryNonZeroValue() {
        var b = ScreenBuffer(width: 1, height: 1)
        Sparkline(values: [1, 1_000_000], gradient: Theme.builtIn.wakeGraph, background: .terminalDefault,
                  glyphs: .unicode, emptyStyle: .plain).render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "\u{28F8}") // left: one dot (7); right: full
    }

    @Test func segmentBarGivesEveryNonZeroPartACell() {
        let bar = SegmentBar(parts: [.init(count: 1000, style: .plain, glyph: "#"), .init(count: 1, style: .plain, glyph: "z")],
                             scale: 1001, emptyStyle: .plain, emptyGlyph: " ")
        #expect(bar.cellCounts(width: 10) == [9, 1])
        var b = ScreenBuffer(width: 10, height: 1)
        bar.render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "#########z")
    }

    @Test func segmentBarScalesToTheLargestCPU() {
        let bar = SegmentBar(parts: [.init(count: 5, style: .plain, glyph: "a"), .init(count: 5, style: .plain, glyph: "b")],
                             scale: 20, emptyStyle: .plain, emptyGlyph: ".")
        var b = ScreenBuffer(width: 8, height: 1)
        bar.render(in: b.area, into: &b)
        #expect(b.text(row: 0) == "aabb....")
        #expect(SegmentBar(parts: [], scale: 0, emptyStyle: .plain, emptyGlyph: ".").cellCounts(width: 5) == [])
    }

    @Test func labelAlignsRightAndCentre() {
        var b = ScreenBuffer(width: 7, height: 2)
        Label("ab", style: .plain, alignment: .right).render(in: b.area.row(0), into: &b)
        Label("abc", style: .plain, alignment: .center).render(in: b.area.row(1), into: &b)
        assertScreen(b, ScreenBuffer(lines: ["     ab", "  abc  "]))
    }
}
