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

    /// A machine with nothing to do sits in C10 with the package deep: 8 x 5 mW + 50 mW + the 2 W platform.
    @Test func idleMachineDrawsDeepIdlePower() {
        var sim = quietSimulation()
        sim.advance(to: 10_000)
        let p = sim.snapshot().power
        #expect(abs(p.watts - 2.090) < 1e-9)
        #expect(p.packageDeepResidency == 1)
        #expect(abs(p.energyJoules - 20.9) < 1e-9)
    }

    /// One RCU wake-up of an idle CPU costs its run (25 us busy) plus the C10 exit (890 us at busy
    /// power) and, for the package, 25 us active plus the PC8 exit (200 us active).
    @Test func oneWakeupCostsItsRunAndTheExits() {
        var quiet = PowerState(cpus: 1), woken = PowerState(cpus: 1)
        woken.busy(0, from: 500_000, to: 500_025)
        let delta = woken.energy(nowUs: 1_000_000).joules - quiet.energy(nowUs: 1_000_000).joules
        // core: 25 us x 1 W + 890 us x 1 W - 25 us x 5 mW; package: 25 us x 1.5 W + 200 us x 1.5 W - 25 us x 50 mW
        let expected = (25 * 1.0 + 890 * 1.0 - 25 * 0.005 + 25 * 1.5 + 200 * 1.5 - 25 * 0.05) / 1e6
        #expect(abs(delta - expected) < 1e-12)
        quiet.busy(0, from: 0, to: 0)
        #expect(quiet.idleExits == 0 && woken.idleExits == 1)
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
