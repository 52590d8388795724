import Testing
@testable import Dashboard

@Suite struct RectTests {
    @Test func negativeSizesClampToZero() {
        #expect(Rect(x: 3, y: 4, width: -5, height: -1) == Rect(x: 3, y: 4, width: 0, height: 0))
    }

    @Test func innerShrinksByTheMarginOnEverySide() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 5).inner() == Rect(x: 1, y: 1, width: 8, height: 3))
    }

    @Test func innerWithTooBigAMarginIsEmpty() {
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).inner().isEmpty)
        #expect(Rect(x: 0, y: 0, width: 1, height: 9).inner(3).isEmpty)
    }

    @Test func edgesSaturateInsteadOfOverflowing() {
        let r = Rect(x: Int.max - 1, y: Int.max, width: 10, height: 10)
        #expect(r.right == Int.max)
        #expect(r.bottom == Int.max)
    }

    @Test func splitsNeverExceedTheRectangle() {
        let r = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(r.splitTop(2) == (Rect(x: 2, y: 3, width: 10, height: 2), Rect(x: 2, y: 5, width: 10, height: 4)))
        #expect(r.splitTop(99).rest.isEmpty)
        #expect(r.splitBottom(1).bottom == Rect(x: 2, y: 8, width: 10, height: 1))
        #expect(r.splitLeft(4).rest == Rect(x: 6, y: 3, width: 6, height: 6))
        #expect(r.splitRight(-3).right.isEmpty)
        #expect(r.rows([1, 2, 0]).map(\.height) == [1, 2, 3])
    }

    @Test func intersectionOfDisjointRectanglesIsEmpty() {
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).intersection(Rect(x: 5, y: 5, width: 2, height: 2)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 4, height: 4).intersection(Rect(x: 2, y: 1, width: 9, height: 2)) == Rect(x: 2, y: 1, width: 2, height: 2))
    }
}
