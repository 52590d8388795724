import Testing
import RCUEngine
@testable import Dashboard

/// What the numbers on screen say they are: per second or since start, GP counters, plurals,
/// the footer and the help at 80x24.
@Suite struct LabelsTests {
    func render(_ snapshot: Snapshot, state: AppState = AppState(), _ w: Int, _ h: Int) -> ScreenBuffer {
        DashboardView.render(snapshot: snapshot, state: state, theme: .builtIn, glyphs: .unicode, width: w, height: h)
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func wakeupsPanelSaysWhichNumberIsPerSecondAndWhichSinceStart(size: (Int, Int)) {
        let b = render(SnapshotFixtures.video(), size.0, size.1)
        #expect(b.contains("wake-ups/s"))
        #expect(b.contains("RCU 27/s  workload 60/s"))
        #expect(b.contains("since start 2737") || b.contains("since start 3k"), "\(b)")
        #expect(!b.contains("total "))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func cpuTableLabelsItsWakeupColumnRCUPerSecond(size: (Int, Int)) {
        let b = render(SnapshotFixtures.video(), size.0, size.1)
        #expect(b.contains("RCU/s"), "\(b)")
        #expect(!b.contains("WK/S") && !b.contains("WAKE/S"))
    }
}
