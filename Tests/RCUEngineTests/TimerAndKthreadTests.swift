import Testing
@testable import RCUEngine

@Suite struct TimerAndKthreadTests {
    /// kernel/time/timer.c calc_index: a timer never runs at or before its expiry; long timers
    /// run at the end of their level's bucket.
    @Test func timerWheelRunsTimersAfterTheirExpiry() {
        #expect(TimerWheel.fireJiffy(expires: 101, armedAt: 100) == 102)
        #expect(TimerWheel.fireJiffy(expires: 102, armedAt: 100) == 103)
        #expect(TimerWheel.fireJiffy(expires: 200, armedAt: 100) == 208)       // level 1: 8 jiffies
        #expect(TimerWheel.fireJiffy(expires: 1_100, armedAt: 100) == 1_152)   // level 2: 64
        #expect(TimerWheel.fireJiffy(expires: 10_100, armedAt: 100) == 10_240) // level 3: 512
        #expect(TimerWheel.fireJiffy(expires: 10_240, armedAt: 240) == 10_752)
    }

    /// §2.6: rcuop invokes all of DONE at once (no blimit in kthread context).
    @Test func rcuopInvokesAllOfDoneWithoutBlimit() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        sim.callRCU(cpu: 2, count: 10_001)
        #expect(sim.runUntil(limit: 1_000) { $0.invokedCount == 10_001 } == 16)
        #expect(sim.snapshot().wakeups.total(.rcuop) == 1)
    }

    /// §2.5: rcuog flushes a bypass above 2*qhimark even when it is young.
    @Test func rcuogFlushesBypassAboveTwiceQhimark() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        sim.cpus[1].bypass.append(CallbackBatch(count: 20_001, lazyCount: 20_001), lazy: true, at: 10)
        sim.totals.queued += 20_001; sim.totals.bypassLength += 20_001; sim.totals.lazyLength += 20_001
        sim.noteLength(cpu: 1)
        sim.wakeNocbGP(group: 0, force: false)
        sim.advance(to: 10)
        #expect(sim.snapshot().flushes.count(.size) == 1)
        #expect(sim.snapshot().flushes.callbacks(.size) == 20_001)
    }

    /// §2.3: a list grown by more than qhimark since the last check is an overload: the wake is
    /// deferred at FORCE level (+1 jiffy) when rcuop sleeps and no timer is pending.
    @Test func callbackOverloadDefersAForceWake() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        let out = sim.callRCU(cpu: 1, count: 10_017, hurry: true)
        #expect(out.cblist == 16 && out.bypass == 10_000 && out.cblistWithBypassFlush == 1)
        #expect(sim.groups[0].deferredWake == .force)
        #expect(sim.groups[0].timerExpires == 11)
    }

    /// §2.5: after a pass that leaves only lazy callbacks, rcuog defers a LAZY wake; with a
    /// non-lazy bypass it defers a BYPASS wake (+2).
    @Test func rcuogDefersLazyOrBypassWakeForWhatItLeaves() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        sim.callRCU(cpu: 1, count: 40)            // lazy: WakeLazy, timer at 10 + 10000
        sim.advance(to: 11)
        sim.callRCU(cpu: 1, count: 1, hurry: true) // count high: joins bypass, wakes rcuog
        sim.advance(to: 11)
        #expect(sim.groups[0].deferredWake == .bypass)
        #expect(sim.groups[0].timerExpires == 13)
    }
}
