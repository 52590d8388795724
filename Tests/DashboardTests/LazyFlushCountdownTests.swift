import Testing
import RCUEngine
@testable import Dashboard

/// The countdown to each CPU's lazy flush (nocb_bypass_first + jiffies_lazy_flush), in the CPU
/// table's FLUSH column and as one line in the grace-period panel.
@Suite struct LazyFlushCountdownTests {
    func render(_ s: Snapshot, _ w: Int, _ h: Int) -> ScreenBuffer {
        DashboardView.render(snapshot: s, state: AppState(), theme: .builtIn, glyphs: .unicode, width: w, height: h)
    }

    @Test func countdownIsFirstEnqueuePlusTheDelayMinusNow() {
        let s = SnapshotFixtures.video()   // t = 12.345 s; CPU 2's bypass started at 9.945 s
        #expect(LazyFlushCountdown.jiffiesLeft(s.cpus[2], in: s) == 7_600)
        #expect(LazyFlushCountdown.jiffiesLeft(s.cpus[0], in: s) == nil)   // no lazy callbacks
        #expect(LazyFlushCountdown.soonest(in: s)! == (cpu: 7, jiffies: 4_100))
        var late = s
        late.jiffies = 30_000
        #expect(LazyFlushCountdown.jiffiesLeft(late.cpus[2], in: late) == 0)
        #expect(LazyFlushCountdown.text(jiffies: 0, hz: 1000) == "due")
        #expect(LazyFlushCountdown.text(jiffies: 10_000, hz: 1000) == "10.0s")
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func cpuTableHasAFlushColumnAndTheGPPanelTheNextFlush(size: (Int, Int)) {
        let b = render(SnapshotFixtures.video(), size.0, size.1)
        #expect(b.contains("FLUSH"), "\(b)")
        #expect(b.lines.contains { $0.contains("  2 idle") && $0.contains("7.6s") }, "\(b)")
        #expect(b.contains("next lazy flush in 4.1 s (CPU 7)") || b.contains("lazy flush in 4.1 s, CPU 7"), "\(b)")
    }

    @Test func at80ColumnsNextReadyIsCountedInNextAndTheRowFits() {
        let b = render(SnapshotFixtures.video(), 80, 24)
        #expect(b.text(row: 2).hasPrefix("│CPU state DONE WAIT NEXT BYPS LAZY RCU/s FLUSH│"), "\(b)")
        // CPU 5: NEXT_READY 2 + NEXT 10 = 12.
        #expect(b.text(row: 8).hasPrefix("│  5 busy     1   15   12"), "\(b)")
    }
}
