import Testing
@testable import RCUEngine

/// The power model (Power/PowerModel.swift, docs/power-model.md).
@Suite struct PowerModelTests {
    /// Removing wake-ups from an identical schedule never raises the energy (random schedules).
    @Test func fewerWakeupsNeverGiveHigherPower() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let cpus = Int(rng.uniform(1...8))
            var wakes: [(UInt64, Int, UInt64)] = []
            var t: UInt64 = 0
            for _ in 0..<Int(rng.uniform(1...200)) {
                t += rng.uniform(0...20_000)
                wakes.append((t, Int(rng.uniform(0...UInt64(cpus - 1))), rng.uniform(1...3_000)))
            }
            let keep = wakes.filter { _ in rng.uniform(0...2) != 0 }
            func energy(_ w: [(UInt64, Int, UInt64)]) -> Double {
                var p = PowerState(cpus: cpus)
                for (at, c, len) in w { p.busy(c, from: at, to: at + len) }
                return p.energy(nowUs: t + 50_000).joules
            }
            #expect(energy(keep) <= energy(wakes) + 1e-12)
        }
    }

    /// A machine with nothing to do sits in C10 with the package deep: 8 x 5 mW + 50 mW.
    @Test func idleMachineDrawsDeepIdlePower() {
        var sim = quietSimulation()
        sim.advance(to: 10_000)
        let p = sim.snapshot().power
        #expect(abs(p.watts - 0.090) < 1e-9)
        #expect(p.packageDeepResidency == 1)
        #expect(abs(p.energyJoules - 0.9) < 1e-9)
    }

    /// Same workload, lazy on and off: lazy has fewer wake-ups and therefore no more power.
    @Test func lazyRCUSavesPowerOnlyThroughWakeupsAndResidency() {
        for w in [[WorkloadKind.video], [.logging], [.idle]] {
            let on = ReclaimPolicyTests.run(.shrinker, workloads: w, seconds: 30, lazy: true)
            let off = ReclaimPolicyTests.run(.shrinker, workloads: w, seconds: 30, lazy: false)
            #expect(on.wakeups.rcuTotal < off.wakeups.rcuTotal, "\(w)")
            #expect(on.power.watts < off.power.watts, "\(w)")
            #expect(on.power.packageDeepResidency >= off.power.packageDeepResidency, "\(w)")
        }
    }
}
