import Testing
import RCUEngine
@testable import Dashboard

/// Mouse clicks: a workload in the header toggles it, a panel is selected, the caption bar advances.
@Suite struct HitTestTests {
    func click(_ x: Int, _ y: Int, state: AppState = AppState(), width: Int = 100, height: Int = 30) -> Command? {
        HitTest.command(x: x, y: y, snapshot: SnapshotFixtures.video(), state: state, theme: .builtIn, glyphs: .unicode,
                        width: width, height: height)
    }

    /// Find a word on a rendered row: its first column.
    func column(of word: String, in b: ScreenBuffer, row: Int) -> Int? {
        guard let r = b.text(row: row).range(of: word) else { return nil }
        return b.text(row: row).distance(from: b.text(row: row).startIndex, to: r.lowerBound)
    }

    @Test(arguments: [(80, 24), (100, 30), (200, 60)])
    func clickingAWorkloadNameInTheHeaderTogglesIt(size: (Int, Int)) throws {
        let (w, h) = size
        let b = DashboardView.render(snapshot: SnapshotFixtures.video(), state: AppState(), theme: .builtIn, glyphs: .unicode, width: w, height: h)
        // The memory workloads (5, 6) are named on the header only when on (or when it is wide).
        for (i, kind) in WorkloadKind.allCases.enumerated() where i < 4 || w >= 200 {
            let x = try #require(column(of: kind.rawValue, in: b, row: 0), "\(kind) on the header at \(w)x\(h):\n\(b.text(row: 0))")
            #expect(click(x, 0, width: w, height: h) == .toggleWorkload(kind))
            #expect(click(x + kind.rawValue.count - 1, 0, width: w, height: h) == .toggleWorkload(kind))
        }
        #expect(click(0, 0, width: w, height: h) == nil, "the name rcutop is not a workload")
        let time = try #require(column(of: "t=", in: b, row: 0))
        #expect(click(time, 0, width: w, height: h) == nil)
    }

    @Test func clickingAPanelSelectsIt() throws {
        let layout = try #require(DashboardLayout.make(width: 100, height: 30, cpuCount: 8))
        for panel in Panel.allCases {
            let r = layout.rect(for: panel)
            #expect(click(r.x + r.width / 2, r.y + r.height / 2) == .selectPanel(panel))
            #expect(click(r.x, r.y) == .selectPanel(panel), "the border belongs to the panel")
        }
        var s = AppState()
        #expect(reduce(&s, .selectPanel(.memory)) == [])
        #expect(s == AppState(selectedPanel: .memory))
    }

    @Test func zoomHelpTooSmallAndTheFooterGiveNothing() {
        #expect(click(50, 15, state: AppState(isZoomed: true)) == nil)
        #expect(click(50, 15, state: AppState(showHelp: true)) == nil)
        #expect(click(5, 5, width: 40, height: 10) == nil)
        #expect(click(5, 29) == nil) // footer
        #expect(click(-1, -1) == nil)
    }

    @Test func clickingTheCaptionBarIsTheNextStep() throws {
        let scenario = try ScenarioParser.parse(Array("step on cue\ncaption hi\n".utf8), file: "t", name: "t")
        let state = AppState(scenario: ScenarioPlayer(scenario: scenario))
        #expect(click(10, 28, state: state) == .nextStep)
        #expect(click(10, 29, state: state) == .nextStep)
    }

    @Test func keysGoThroughTheKeyMapAndClicksThroughTheHitTest() {
        #expect(HitTest.command(for: .character("n"), snapshot: SnapshotFixtures.video(), state: AppState(), theme: .builtIn,
                                glyphs: .unicode, width: 100, height: 30) == .nextStep)
        let layout = DashboardLayout.make(width: 100, height: 30, cpuCount: 8)!
        #expect(HitTest.command(for: .mouseClick(x: layout.memory.x + 2, y: layout.memory.y + 2), snapshot: SnapshotFixtures.video(),
                                state: AppState(), theme: .builtIn, glyphs: .unicode, width: 100, height: 30) == .selectPanel(.memory))
    }
}
