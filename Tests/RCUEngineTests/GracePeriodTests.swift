import Testing
@testable import RCUEngine

/// kernel-rcu.md §4
@Suite struct GracePeriodTests {
    /// §4.3: RCU_JIFFIES_TILL_FORCE_QS = 1 + (HZ>250) + (HZ>500), plus nr_cpu_ids/256.
    @Test func fqsWaitsFollowHZAndCPUCount() {
        #expect(KernelParameters(hz: 1000, cpuCount: 8).jiffiesTillFirstFQS == 3)
        #expect(KernelParameters(hz: 300, cpuCount: 8).jiffiesTillFirstFQS == 2)
        #expect(KernelParameters(hz: 250, cpuCount: 8).jiffiesTillFirstFQS == 1)
        #expect(KernelParameters(hz: 100, cpuCount: 8).jiffiesTillFirstFQS == 1)
        #expect(KernelParameters(hz: 1000, cpuCount: 512).jiffiesTillFirstFQS == 5)
        #expect(KernelParameters(hz: 1000, cpuCount: 4096).jiffiesTillNextFQS == 19)
    }

    /// §4.3: jiffies_to_sched_qs = max(first + 2*next, HZ/10 + nr_cpu_ids/256).
    @Test func jiffiesToSchedQSIsAboutATenthOfASecond() {
        #expect(KernelParameters(hz: 1000, cpuCount: 8).jiffiesToSchedQS == 100)
        #expect(KernelParameters(hz: 250, cpuCount: 8).jiffiesToSchedQS == 25)
        #expect(KernelParameters(hz: 100, cpuCount: 8).jiffiesToSchedQS == 10)
    }

    /// §4.4-4.5: idle CPUs are credited at the first FQS; the GP kthread's idle CPU is the holdout
    /// credited at the second, so an idle-system GP takes first + next FQS waits.
    @Test func idleGracePeriodTakesTwoFQSWaits() {
        for (hz, expected) in [(1000, 106), (250, 102), (300, 104)] {
            var sim = quietSimulation(hz: hz)
            sim.advance(to: 100)
            sim.callRCU(cpu: 3, count: 1, hurry: true)
            #expect(sim.runUntil(limit: 1_000) { $0.snapshot().gracePeriod.completed == 1 } == Jiffies(expected))
            #expect(sim.snapshot().gracePeriod.fqsScans == 2)
        }
    }

    /// §4.4: a busy CPU reports its QS at its next context switch; the GP never ends before.
    @Test func gracePeriodNeverEndsWhileBusyCPUOwesQS() {
        var sim = quietSimulation(cpus: 4)
        sim.contextSwitchOverride = 50
        sim.advance(to: 100)
        sim.markBusy(2, until: 1_000)
        sim.callRCU(cpu: 1, count: 1, hurry: true)
        sim.advance(to: 104)
        var s = sim.snapshot()
        #expect(s.gracePeriod.inProgress)
        #expect(s.gracePeriod.cpusOwingQS == [0, 2])   // CPU 0: holdout until 106; CPU 2: busy
        sim.advance(to: 149)
        s = sim.snapshot()
        #expect(s.gracePeriod.inProgress)
        #expect(s.gracePeriod.cpusOwingQS == [2])
        #expect(s.cpus[2].owesQuiescentState)
        #expect(s.counters.invoked == 0)
        sim.advance(to: 150)
        s = sim.snapshot()
        #expect(!s.gracePeriod.inProgress)
        #expect(s.gracePeriod.completed == 1)
        #expect(s.gracePeriod.recentDurations == [50])
        #expect(s.counters.invoked == 1)
    }

    /// §4.3: a busy CPU that does not pass through a QS is forced by jiffies_to_sched_qs urgency.
    @Test func busyCPUWithoutContextSwitchIsForcedAfterJiffiesToSchedQS() {
        var sim = quietSimulation(cpus: 4)
        sim.contextSwitchOverride = 5_000
        sim.advance(to: 100)
        sim.markBusy(3, until: 10_000)
        sim.callRCU(cpu: 1, count: 1, hurry: true)
        #expect(sim.runUntil(limit: 10_000) { $0.snapshot().gracePeriod.completed == 1 } == 200)
    }

    /// §4.1: each grace period adds 4 to gp_seq, which only grows.
    @Test func gpSeqGrowsByFourPerGracePeriod() {
        var sim = Simulation(config: EngineConfig(cpuCount: 8, seed: 3, lazyEnabled: false, workloads: [.video]))
        var last = sim.snapshot().gracePeriod.gpSeq
        for t in stride(from: 50, through: 5_000, by: 50) {
            sim.advance(to: Jiffies(t))
            let g = sim.snapshot().gracePeriod
            #expect(g.gpSeq >= last)
            last = g.gpSeq
            #expect(g.gpSeq == -1200 + 4 * Int64(g.completed) + (g.inProgress ? 1 : 0))
        }
        #expect(sim.snapshot().gracePeriod.completed > 100)
    }

    /// §4.2: when gp_seq_needed is ahead at cleanup, the next GP starts at once (newreq).
    @Test func nextGracePeriodStartsAtCleanupWhenNeeded() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 1, hurry: true)
        sim.advance(to: 101)
        sim.callRCU(cpu: 5, count: 1, hurry: true)   // group 1: needs the GP after the current one
        sim.advance(to: 106)
        let s = sim.snapshot()
        #expect(s.gracePeriod.completed == 1)
        #expect(s.gracePeriod.inProgress)
        #expect(s.gracePeriod.startedAt == 106)
        #expect(sim.runUntil(limit: 1_000) { $0.invokedCount == 2 } == 112)
    }

    /// §4.2: the kthread sleeps in RCU_GP_WAIT_GPS when no grace period is needed.
    @Test func gpKthreadSleepsWhenNothingIsNeeded() {
        var sim = quietSimulation()
        sim.advance(to: 10_000)
        #expect(sim.snapshot().gracePeriod.state == .waitGPs)
        #expect(sim.snapshot().wakeups.rcuTotal == 0)
        #expect(sim.eventsProcessed == 0)
    }
}
