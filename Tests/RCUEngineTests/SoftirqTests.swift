import Testing
@testable import RCUEngine

/// Non-offloaded CPUs (kernel-rcu.md §2.2 step 1, §2.9, §4.4).
@Suite struct SoftirqTests {
    /// §2.9: rcu_do_batch in softirq runs bl = max(blimit, DONE >> rcu_divisor) callbacks.
    @Test func softirqBatchLimitIsMaxOfBlimitAndDoneShiftedByRcuDivisor() {
        #expect(Simulation.softirqBatchLimit(doneCount: 5) == 10)
        #expect(Simulation.softirqBatchLimit(doneCount: 219) == 10)
        #expect(Simulation.softirqBatchLimit(doneCount: 2112) == 16)
        #expect(Simulation.softirqBatchLimit(doneCount: 20_000) == 156)
    }

    /// §2.2 step 1: a non-offloaded CPU ignores laziness: its callback runs after one GP, and
    /// its tick runs every jiffy while it has callbacks (rcu_needs_cpu).
    @Test func nonOffloadedCPUIgnoresLazinessAndKeepsItsTick() {
        var sim = quietSimulation(offloaded: [])
        sim.advance(to: 100)
        let out = sim.callRCU(cpu: 3, count: 2_112)
        #expect(out.last == .softirqList)
        #expect(out.softirqList == 2_112)
        let done = sim.runUntil(limit: 1_000) { $0.invokedCount == 2_112 }
        // Tick at 101 asks for the GP (starts 101, ends 107); the tick at 107 runs after the
        // cleanup and invokes: bl = 16 at first, shrinking with DONE, 195 batches in all.
        #expect(done == 107)
        #expect(sim.lastSoftirqBatchLimit == 10)
        #expect(sim.softirqBatches == 195)
        let s = sim.snapshot()
        #expect(s.wakeups.total(.tick) == 7)
        #expect(s.cpus[3].isOffloaded == false)
        #expect(s.counters.lazyPending == 0)
        sim.advance(to: 2_000)
        #expect(sim.snapshot().wakeups.total(.tick) == 7)   // tick stopped with no callbacks
    }

    /// The contrast that made no-CB and lazy RCU worth doing for video playback.
    @Test func videoWithoutOffloadingWakesCPUsMuchMoreThanWithNOCBAll() {
        func rcuWakeups(offloaded: [Int]?) -> UInt64 {
            var sim = Simulation(config: EngineConfig(cpuCount: 8, seed: 4, workloads: [.video], offloadedCPUs: offloaded))
            sim.advance(to: 60_000)
            return sim.snapshot().wakeups.rcuTotal
        }
        let none = rcuWakeups(offloaded: []), all = rcuWakeups(offloaded: nil)
        print("video 60 s, 8 CPUs: RCU wake-ups nocb none \(none), nocb all \(all)")
        #expect(none > 20 * all)
    }
}
