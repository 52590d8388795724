import Testing
@testable import RCUEngine

/// kernel-rcu.md §2.1, §2.4
@Suite struct NOCBGroupTests {
    /// §2.1: rcu_nocb_gp_stride = nr_cpu_ids / int_sqrt(nr_cpu_ids).
    @Test func groupSizePerCPUCount() {
        for (n, size) in [(1, 1), (2, 2), (3, 3), (4, 2), (8, 4), (16, 4), (64, 8), (257, 16), (4096, 64)] {
            #expect(KernelParameters(hz: 1000, cpuCount: n).nocbGroupSize == size)
        }
        let sim = quietSimulation(cpus: 8)
        #expect(sim.groups.map(\.leader) == [0, 4])
        #expect(sim.groups.map(\.cpus) == [0..<4, 4..<8])
        #expect(quietSimulation(cpus: 10).groups.map(\.leader) == [0, 3, 6, 9])
        // rdp_gp is the first offloaded CPU of each range.
        #expect(quietSimulation(cpus: 8, offloaded: [2, 3, 5, 6, 7]).groups.map(\.leader) == [2, 5])
    }

    @Test func deferredWakeLevelsAreOrdered() {
        #expect(DeferredWake.not < .bypass && DeferredWake.bypass < .lazy && DeferredWake.lazy < .wake && DeferredWake.wake < .force)
    }

    /// §2.4 wake_nocb_gp_defer: LAZY only from NOT (+10 s); BYPASS always re-arms at +2; WAKE
    /// and FORCE arm at +1 when below WAKE and only ever raise the level.
    @Test func wakeNocbGPDeferOverrideRules() {
        var sim = quietSimulation()
        sim.advance(to: 1_000)
        sim.deferWake(from: 0, level: .lazy)
        #expect(sim.groups[0].deferredWake == .lazy)
        #expect(sim.groups[0].timerExpires == 11_000)
        sim.deferWake(from: 1, level: .lazy)                 // not NOT: left alone
        #expect(sim.groups[0].timerExpires == 11_000)
        sim.deferWake(from: 0, level: .bypass)               // overrides LAZY
        #expect(sim.groups[0].deferredWake == .bypass)
        #expect(sim.groups[0].timerExpires == 1_002)
        sim.deferWake(from: 2, level: .lazy)                 // 6.17: BYPASS stays
        #expect(sim.groups[0].deferredWake == .bypass)
        #expect(sim.groups[0].timerExpires == 1_002)
        sim.deferWake(from: 0, level: .wake)                 // below WAKE: +1, raise
        #expect(sim.groups[0].deferredWake == .wake)
        #expect(sim.groups[0].timerExpires == 1_001)
        sim.advance(to: 1_000)
        sim.deferWake(from: 0, level: .force)                // at WAKE: no re-arm, raise
        #expect(sim.groups[0].deferredWake == .force)
        #expect(sim.groups[0].timerExpires == 1_001)
        sim.deferWake(from: 0, level: .wake)                 // never lowers
        #expect(sim.groups[0].deferredWake == .force)
        sim.deferWake(from: 0, level: .bypass)               // BYPASS overrides everything
        #expect(sim.groups[0].deferredWake == .bypass)
        #expect(sim.groups[0].timerExpires == 1_002)
    }

    /// §2.4, before the 2025 fix: the LAZY test reads the enqueuing CPU's own level, NOT on a
    /// non-leader, so a lazy enqueue there pushes a pending BYPASS wake out to 10 s.
    @Test func preFixLazyDeferralOnNonLeaderOverridesBypassWake() {
        var sim = quietSimulation(kernel: .v6_12)
        sim.advance(to: 1_000)
        sim.deferWake(from: 0, level: .bypass)
        sim.deferWake(from: 2, level: .lazy)
        #expect(sim.groups[0].deferredWake == .lazy)
        #expect(sim.groups[0].timerExpires == 11_000)
        sim.deferWake(from: 0, level: .bypass)
        sim.deferWake(from: 0, level: .lazy)                 // the leader's own level is tested: left alone
        #expect(sim.groups[0].deferredWake == .bypass)
    }

    /// §2.4: the delayed-hurry-callback effect. A call_rcu_hurry joins a lazy bypass after a
    /// burst (so it is parked), rcuog defers a 2-jiffy BYPASS wake and sleeps; one jiffy later a
    /// lazy call_rcu on another non-leader CPU of the group arrives. 6.12 pushes the wake out to
    /// the 10 s lazy timer; 6.17 keeps it.
    @Test(arguments: [(KernelVersion.v6_12, Jiffies(10_246)), (KernelVersion.v6_17, Jiffies(109))])
    func hurryCallbackDelayedBySecondsOnlyBeforeTheFix(kernel: KernelVersion, expectedInvokeJiffy: Jiffies) {
        var sim = quietSimulation(kernel: kernel)
        sim.advance(to: 99)
        sim.callRCU(cpu: 1, count: 40)                       // lazy burst: count stays high
        sim.advance(to: 100)
        #expect(sim.callRCU(cpu: 1, count: 1, hurry: true).last == .bypass)
        sim.advance(to: 100)                                 // rcuog: bypass too young, BYPASS defer, sleep
        #expect(sim.groups[0].deferredWake == .bypass)
        sim.advance(to: 101)
        sim.callRCU(cpu: 2, count: 1)                        // lazy on CPU 2 (non-leader), WakeLazy
        let hurryInvoked = sim.runUntil(limit: 30_000) { $0.invokedCount >= 41 }
        #expect(hurryInvoked == expectedInvokeJiffy)
    }
}

@Suite struct NOCBGroupSnapshotTests {
    /// The snapshot shows each rcuog, its deferred wake and when its timer runs.
    @Test func snapshotShowsRcuogStateAndTimer() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 5, count: 1)                 // lazy on group 1: WakeLazy, timer 10100 → 10240
        sim.callRCU(cpu: 1, count: 1, hurry: true)   // group 0: rcuog woken, then waits for the GP
        sim.advance(to: 100)
        let s = sim.snapshot()
        #expect(s.groups.count == 2)
        #expect(s.groups[1] == NOCBGroupSnapshot(leader: 4, firstCPU: 4, lastCPU: 7, activity: .sleeping, waitingForGPSeq: nil,
                                                 deferredWake: .lazy, timerFiresAt: 10_240))
        #expect(s.groups[0].activity == .waitingForGP)
        #expect(s.groups[0].waitingForGPSeq == -1196)
        #expect(s.groups[0].name == "rcuog/0")
        #expect(s.gpSeqNeeded == -1196)
    }
}
