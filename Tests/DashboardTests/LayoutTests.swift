import Testing
@testable import Dashboard

@Suite struct LayoutTests {
    @Test func belowTheMinimumThereIsNoLayout() {
        #expect(DashboardLayout.make(width: 79, height: 24, cpuCount: 8) == nil)
        #expect(DashboardLayout.make(width: 80, height: 23, cpuCount: 8) == nil)
        #expect(DashboardLayout.make(width: 80, height: 24, cpuCount: 8) != nil)
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40), (200, 60), (500, 200), (81, 25)], [1, 8, 64, 4096])
    func panelsTileTheScreenWithoutOverlap(size: (Int, Int), cpus: Int) throws {
        let l = try #require(DashboardLayout.make(width: size.0, height: size.1, cpuCount: cpus))
        let rects = [l.header, l.footer] + Panel.allCases.map(l.rect(for:))
        #expect(rects.reduce(0) { $0 + $1.area } == size.0 * size.1)
        for (i, a) in rects.enumerated() {
            #expect(a.x >= 0 && a.y >= 0 && a.right <= size.0 && a.bottom <= size.1)
            for b in rects[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b)") }
        }
        // Every panel has room for its border and at least two rows of content.
        for panel in Panel.allCases { #expect(l.rect(for: panel).height >= 4 && l.rect(for: panel).width >= 30, "\(panel)") }
    }

    @Test func eightCPUsGetOneRowEachAt80x24() throws {
        let l = try #require(DashboardLayout.make(width: 80, height: 24, cpuCount: 8))
        #expect(l.cpus.inner().height >= 8 + 2)
    }

    @Test func biggerScreensGiveWiderBarsAndMoreLogLines() throws {
        let small = try #require(DashboardLayout.make(width: 80, height: 24, cpuCount: 8))
        let big = try #require(DashboardLayout.make(width: 200, height: 60, cpuCount: 8))
        #expect(big.cpus.width > small.cpus.width)
        #expect(big.events.height > small.events.height)
        #expect(big.wakeups.height > small.wakeups.height)
    }

    /// Each view draws only inside the rectangle it is given.
    @Test(arguments: Panel.allCases)
    func viewsStayInsideTheirRectangle(panel: Panel) {
        let sentinel = Cell("@")
        for cpus in [8, 4096] {
            for area in [Rect(x: 7, y: 3, width: 40, height: 9), Rect(x: 0, y: 0, width: 1, height: 1), Rect(x: 20, y: 10, width: 90, height: 30)] {
                var b = ScreenBuffer(width: 130, height: 45)
                b.fill(b.area, with: sentinel)
                let context = ViewContext(snapshot: SnapshotFixtures.video(cpus: cpus), state: AppState(message: "a message"), theme: .builtIn, glyphs: .unicode)
                DashboardView.render(panel, context: context, in: area, into: &b)
                for y in 0..<b.height {
                    for x in 0..<b.width where !area.contains(x: x, y: y) {
                        #expect(b[x, y] == sentinel, "\(panel) drew at (\(x), \(y)) outside \(area)")
                    }
                }
            }
        }
    }
}
