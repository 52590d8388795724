import Testing
@testable import RCUEngine

/// The quick soak: `rcutop soak`'s schedule (`SoakSchedule`, `SoakRun`) in-process.
@Suite struct SoakTests {
    /// Three schedule days: every workload, lazy and policy toggle of three days of `rcutop soak`, in
    /// order. A debug build runs the engine ~40x slower than release (about 5 minutes per real
    /// simulated day here), so each schedule minute lasts 1 simulated second instead of 60; the
    /// full-length run is `rcutop soak` (30 days in release). Invariants are checked every 10
    /// schedule minutes and at the end; the rings must be full and not past their capacities.
    @Test func soakOfThreeSimulatedDaysKeepsInvariantsAndBoundedHistory() {
        var run = SoakRun(cpus: 2, seed: 1, secondsPerMinute: 1)
        var problems: [String] = []
        var maxQueue = 0
        for _ in 1...3 {
            problems += run.run(minutes: 1440, recordEveryMinutes: 10)
            if !problems.isEmpty { break }
            maxQueue = max(maxQueue, run.maxQueuedEvents)
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(run.minute == 3 * 1440)
        #expect(run.records == 3 * 144)
        let f = run.simulation.footprint
        #expect(run.maxHistory == f.historyCapacity, "history fills its ring and stops there")
        #expect(run.maxEventLog == f.eventLogCapacity, "event log fills its ring and stops there")
        #expect(maxQueue < 1_000, "event queue stays small: \(maxQueue)")
        #expect(f.largestCounterFraction < 1e-6)
        // Every workload ran, and every reclaim policy and lazy setting was used.
        #expect(run.simulation.totals.queued > 1_000_000)
        #expect(run.simulation.gp.completed > 10_000)
    }

    @Test func scheduleTogglesEveryWorkloadLazyAndPolicy() {
        var toggled = Set<String>()
        for m in UInt64(0)..<(2 * 1440) {
            for c in SoakSchedule.controls(atMinute: m) {
                switch c {
                case .setWorkload(let k, let on): toggled.insert("\(k.rawValue) \(on)")
                case .setLazy(let on): toggled.insert("lazy \(on)")
                case .setPolicy(let p): toggled.insert("policy \(p.rawValue)")
                }
            }
        }
        for k in WorkloadKind.allCases { #expect(toggled.contains("\(k.rawValue) true") && toggled.contains("\(k.rawValue) false"), "\(k)") }
        #expect(toggled.contains("lazy true") && toggled.contains("lazy false"))
        for p in ReclaimPolicyKind.allCases { #expect(toggled.contains("policy \(p.rawValue)") || SoakSchedule.state(atMinute: 0).policy == p) }
        // Controls are the differences between consecutive states.
        #expect(SoakSchedule.controls(atMinute: 0).isEmpty)
        #expect(SoakSchedule.state(atMinute: 720).lazyEnabled == false)
        #expect(SoakSchedule.state(atMinute: 719).lazyEnabled == true)
    }

    /// The invariant checker is not vacuous: a corrupted total is reported.
    @Test func corruptedStateIsReported() {
        var sim = Simulation(config: EngineConfig(cpuCount: 4, workloads: [.logging]))
        sim.advance(to: 30_000)
        #expect(sim.totals.invoked > 0)
        #expect(sim.invariantViolations().isEmpty)
        var bad = sim
        bad.totals.queued += 1
        #expect(bad.invariantViolations().contains { $0.hasPrefix("callbacks: queued") })
        bad = sim
        bad.totals.bytesFreed += 64
        #expect(bad.invariantViolations().contains { $0.hasPrefix("bytes: allocated") })
        bad = sim
        bad.totals.lazyLength += 1
        #expect(bad.invariantViolations().contains { $0.hasPrefix("lazy_len total") })
        var monitor = InvariantMonitor()
        #expect(monitor.check(sim).isEmpty)
        bad = sim
        bad.totals.invoked -= 1; bad.totals.queued -= 1
        #expect(monitor.check(bad).contains { $0.hasPrefix("callbacks invoked went back") })
    }
}
