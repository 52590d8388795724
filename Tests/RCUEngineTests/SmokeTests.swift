import Testing
@testable import RCUEngine

@Suite struct SmokeTests {
    @Test func smokePrint() {
        for lazy in [true, false] {
            for w in WorkloadKind.allCases {
                var sim = Simulation(config: EngineConfig(cpuCount: 8, seed: 1, lazyEnabled: lazy, workloads: [w]))
                sim.advance(to: 120_000)
                let s = sim.snapshot()
                print("\(w) lazy=\(lazy) rcu=\(s.wakeups.rcuTotal) by=\(s.wakeups.total) gps=\(s.gracePeriod.completed) q=\(s.counters.queued) inv=\(s.counters.invoked) ev=\(s.eventsProcessed) early=\(sim.earlyInvocations) flush=\(s.flushes.count) dur=\(s.gracePeriod.recentDurations.suffix(5))")
                for e in s.recentEvents.suffix(4) { print("   ", e.jiffy, e.text) }
            }
        }
    }
}
