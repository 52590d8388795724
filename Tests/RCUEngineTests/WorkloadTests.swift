import Testing
@testable import RCUEngine

@Suite struct WorkloadTests {
    /// The headline: with the Android logging workload, lazy RCU cuts RCU-caused wake-ups.
    @Test func lazyRCUCutsWakeupsOnLoggingWorkload() {
        func rcuWakeups(lazy: Bool) -> UInt64 {
            var sim = Simulation(config: EngineConfig(cpuCount: 8, seed: 1, lazyEnabled: lazy, workloads: [.logging]))
            sim.advance(to: 120_000)
            return sim.snapshot().wakeups.rcuTotal
        }
        let on = rcuWakeups(lazy: true)
        let off = rcuWakeups(lazy: false)
        print("logging 120 s, 8 CPUs: RCU wake-ups lazy on \(on), lazy off \(off)")
        #expect(on > 0)
        #expect(on * 10 < off)
    }

    /// Workload toggles at run time; each workload's arrivals come from its own stream.
    @Test func togglingOneWorkloadDoesNotPerturbAnother() {
        var a = Simulation(config: EngineConfig(cpuCount: 4, seed: 9, workloads: [.video, .idle]))
        var b = Simulation(config: EngineConfig(cpuCount: 4, seed: 9, workloads: [.idle]))
        a.advance(to: 500)
        a.apply(.setWorkload(.video, on: false))
        b.advance(to: 500)
        b.apply(.setWorkload(.video, on: true))
        b.apply(.setWorkload(.video, on: false))
        a.advance(to: 60_000)
        b.advance(to: 60_000)
        #expect(a.workloads[WorkloadKind.idle.index].rng == b.workloads[WorkloadKind.idle.index].rng)
        #expect(a.snapshot().activeWorkloads == [.idle])
        #expect(a.snapshot().recentEvents.contains { $0.text == "workload video off" })
    }

    @Test func idleWorkloadOnIdleMachineCostsFewEvents() {
        var sim = Simulation(config: EngineConfig(cpuCount: 64, seed: 1, workloads: [.idle]))
        sim.advance(to: 3_600_000)
        #expect(sim.eventsProcessed < 100_000)
        #expect(sim.snapshot().history.count == 600)
    }

    /// Video (calibration.md): a frame every 16.6 ms wakes the pipeline CPU; lazy on, RCU adds
    /// almost nothing; lazy off, hundreds of RCU wake-ups per second.
    @Test func videoWakeupsPerSecondLazyOnAndOff() {
        func lastSecond(lazy: Bool) -> (rcu: UInt64, workload: UInt64) {
            var sim = Simulation(config: EngineConfig(cpuCount: 8, seed: 2, lazyEnabled: lazy, workloads: [.video]))
            sim.advance(to: 30_500)
            let w = sim.snapshot().wakeups
            return (w.rcuLastSecond, w.lastSecond(.workload))
        }
        let on = lastSecond(lazy: true), off = lastSecond(lazy: false)
        print("video, second 29-30: lazy on \(on), lazy off \(off)")
        #expect(on.workload >= 100 && on.workload <= 160)  // 60 frames + ~90 closing threads
        #expect(off.rcu > 300)
        #expect(on.rcu < 30)
    }
}
