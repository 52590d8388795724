import Testing
@testable import RCUEngine

/// kernel-rcu.md §2.2-2.5, §2.7, §9 (lazy life cycle).
@Suite struct LazyRCUTests {
    /// §9: enqueue → WakeLazy → group timer at +jiffies_lazy_flush (10 s; the timer wheel runs it
    /// at the end of its 512-jiffy bucket) → rcuog flushes → one GP (6 jiffies idle) → rcuop.
    @Test func lazyCallbackOnIdleSystemIsInvokedAfterTenSecondsPlusOneGP() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        let out = sim.callRCU(cpu: 3, count: 1)
        #expect(out.last == .bypass)
        #expect(sim.groups[0].deferredWake == .lazy || sim.groups[sim.cpus[3].group].deferredWake == .lazy)
        let invokedAt = sim.runUntil(limit: 30_000) { $0.invokedCount == 1 }
        // expires = 100 + 10000 = 10100; level-3 bucket (512 jiffies) ends at 10240; GP 10240...10246.
        #expect(invokedAt == 10_246)
        #expect(invokedAt! > 100 + 10_000 && invokedAt! <= 100 + 10_000 + 512 + 6)
        let s = sim.snapshot()
        #expect(s.flushes.count(.lazyTimer) == 1)
        #expect(s.wakeups.total(.lazyTimer) == 1)
        #expect(s.gracePeriod.completed == 1)
    }

    /// §2.2 step 3: a non-lazy call_rcu at a low rate flushes the CPU's bypass, lazy callbacks
    /// included, and they join the next grace period.
    @Test func hurryCallbackPullsLazyCallbacksIntoNextGP() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 2, count: 10)   // no-bypass count ends at 9 (< 16)
        sim.advance(to: 200)
        #expect(sim.snapshot().counters.lazyPending == 10)
        let out = sim.callRCU(cpu: 2, count: 1, hurry: true)
        #expect(out.last == .cblist)
        #expect(out.bypassCallbacksFlushed == 10)
        let invokedAt = sim.runUntil(limit: 5_000) { $0.invokedCount == 11 }
        #expect(invokedAt == 206)
        let s = sim.snapshot()
        #expect(s.flushes.count(.hurry) == 1)
        #expect(s.flushes.callbacks(.hurry) == 10)
        #expect(s.recentEvents.contains { $0.text == "hurry callback on CPU 2 pulled 10 lazy callbacks into the next GP" })
    }

    /// §2.2 step 2 and 5: the no-bypass count decays by the limit once per new jiffy, not per
    /// jiffy elapsed, so after a burst of 40 lazy callbacks a hurry callback still sees 16 and
    /// joins the bypass; the wake that follows lets rcuog flush it (first enqueue > 1 jiffy ago).
    @Test func hurryCallbackAfterLazyBurstJoinsBypassAndRcuogFlushesIt() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 2, count: 40)
        sim.advance(to: 200)
        let out = sim.callRCU(cpu: 2, count: 1, hurry: true)
        #expect(out.last == .bypass)
        #expect(sim.runUntil(limit: 5_000) { $0.invokedCount == 41 } == 206)
        let s = sim.snapshot()
        #expect(s.flushes.count(.hurry) == 1)
        #expect(s.flushes.callbacks(.hurry) == 41)
    }

    /// §2.2 step 4(c): a bypass at qhimark (10000) is flushed by the next call_rcu.
    @Test func bypassReachingQhimarkIsFlushed() {
        var sim = quietSimulation()
        sim.advance(to: 50)
        let out = sim.callRCU(cpu: 5, count: 10_001)
        #expect(out.bypass == 10_000)
        #expect(out.cblistWithBypassFlush == 1)
        #expect(out.bypassCallbacksFlushed == 10_000)
        let s = sim.snapshot()
        #expect(s.flushes.count(.size) == 1)
        #expect(s.flushes.callbacks(.size) == 10_000)
        #expect(s.cpus[5].bypassLength == 0)
        #expect(s.cpus[5].segmentLengths == [0, 0, 0, 10_001])
        #expect(s.recentEvents.last?.text == "bypass on CPU 5 reached qhimark (10000): flushed 10000 callbacks")
    }

    /// §2.2 step 2: nocb_nobypass_lim_per_jiffy = 16*1000/HZ; beyond it, non-lazy callbacks of
    /// the same jiffy use the bypass, which rcuog flushes once it is more than a jiffy old.
    @Test func noBypassLimitPerJiffyIs16AtHZ1000() {
        #expect(KernelParameters(hz: 1000, cpuCount: 8).noBypassLimitPerJiffy == 16)
        #expect(KernelParameters(hz: 250, cpuCount: 8).noBypassLimitPerJiffy == 64)
        #expect(KernelParameters(hz: 100, cpuCount: 8).noBypassLimitPerJiffy == 160)
        var sim = quietSimulation()
        sim.advance(to: 10)
        let out = sim.callRCU(cpu: 1, count: 20, hurry: true)
        #expect(out.cblist == 16)
        #expect(out.bypass == 4)
        // Next jiffy: count 19 - 16 = 3 < 16: direct again, flushing the 4 (bypass age).
        sim.advance(to: 11)
        let next = sim.callRCU(cpu: 1, count: 1, hurry: true)
        #expect(next.last == .cblist)
        #expect(next.bypassCallbacksFlushed == 4)
        #expect(sim.snapshot().flushes.count(.bypassAge) == 1)
    }

    /// §2.2: lazy callbacks skip step 3: they go to the bypass at any rate.
    @Test func lazyCallbacksSkipTheNoBypassPath() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        let out = sim.callRCU(cpu: 1, count: 3)
        #expect(out.bypass == 3)
        #expect(out.cblist == 0)
    }

    /// §2.7: with lazy RCU off every call_rcu is call_rcu_hurry: the lone callback runs after one GP.
    @Test func lazyOffMakesEveryCallRCUAHurry() {
        var sim = quietSimulation(lazy: false)
        sim.advance(to: 100)
        #expect(sim.callRCU(cpu: 3, count: 1).last == .cblist)
        #expect(sim.runUntil(limit: 1_000) { $0.invokedCount == 1 } == 106)
    }

    /// EngineControl.setLazy at run time: lazy callbacks already parked stay lazy; new ones hurry.
    @Test func lazyToggleAtRunTimeAffectsLaterCallsOnly() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        sim.callRCU(cpu: 1, count: 5)
        sim.apply(.setLazy(false))
        sim.advance(to: 20)
        let out = sim.callRCU(cpu: 1, count: 1)
        #expect(out.last == .cblist)
        #expect(out.bypassCallbacksFlushed == 5)
        #expect(sim.snapshot().lazyEnabled == false)
        #expect(sim.snapshot().recentEvents.contains { $0.kind == .lazyToggle })
    }

    /// §2.5: rcuog flushes an all-lazy bypass once it is older than jiffies_lazy_flush, even when
    /// woken for another CPU of its group.
    @Test func rcuogFlushesLazyBypassOlderThanTenSecondsWhenWokenForAnotherCPU() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 2, count: 7)                 // lazy, CPU 2, group 0 (CPUs 0-3)
        sim.advance(to: 10_150)                       // older than 10 s, timer not yet run (10240)
        sim.callRCU(cpu: 1, count: 1, hurry: true)   // wakes rcuog/0 now
        sim.advance(to: 10_150)
        #expect(sim.snapshot().flushes.count(.lazyTimer) == 1)
        #expect(sim.runUntil(limit: 20_000) { $0.invokedCount == 8 } == 10_156)
    }
}
