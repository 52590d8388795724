import Testing
@testable import RCUEngine

/// kernel-rcu.md §2.2: the snapshot shows `->nocb_bypass_first` (nil while the bypass is empty)
/// and `jiffies_lazy_flush`, so the dashboard can count down to a lazy flush.
@Suite struct SnapshotBypassFirstTests {
    @Test func bypassFirstJiffyIsTheJiffyOfTheFirstEnqueueIntoAnEmptyBypass() {
        var sim = quietSimulation()
        #expect(sim.snapshot().cpus[3].bypassFirstJiffy == nil)
        #expect(sim.snapshot().lazyFlushJiffies == 10_000)
        sim.advance(to: 100)
        #expect(sim.callRCU(cpu: 3, count: 1).last == .bypass)
        sim.advance(to: 400)
        #expect(sim.callRCU(cpu: 3, count: 1).last == .bypass)
        let s = sim.snapshot()
        #expect(s.cpus[3].lazyLength == 2)
        #expect(s.cpus[3].bypassFirstJiffy == 100)   // the second enqueue found it non-empty
        #expect(s.cpus[2].bypassFirstJiffy == nil)
        // Once the lazy timer has flushed it, the bypass is empty again.
        _ = sim.runUntil(limit: 30_000) { $0.invokedCount == 2 }
        #expect(sim.snapshot().cpus[3].bypassFirstJiffy == nil)
    }
}
