import Testing
@testable import RCUEngine

/// kernel-rcu.md §4.3 (qovld), §4.6, §4.7, §2.7 item 4.
@Suite struct WaiterTests {
    /// §4.7: rcu_barrier flushes every bypass (lazy included), entrains a callback behind
    /// everything on each CPU with callbacks, and returns once all have run: one GP, not 10 s.
    @Test func rcuBarrierFlushesLazyCallbacksAndWaitsForAll() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 2, count: 10)
        sim.callRCU(cpu: 6, count: 3)
        sim.advance(to: 200)
        #expect(sim.rcuBarrier() == 2)
        var s = sim.snapshot()
        #expect(s.waits.barrierInProgress)
        #expect(s.waits.barrierCallbacks == 15)
        #expect(s.flushes.count(.barrier) == 2)
        #expect(s.flushes.callbacks(.barrier) == 13)
        #expect(s.counters.lazyPending == 0)
        let done = sim.runUntil(limit: 20_000) { $0.snapshot().waits.barriersCompleted == 1 }
        #expect(done == 206)
        s = sim.snapshot()
        #expect(!s.waits.barrierInProgress)
        #expect(s.waits.lastBarrierJiffies == 6)
        #expect(s.counters.invoked == 15)
        #expect(s.counters.pending == 0)
    }

    @Test func rcuBarrierWithNoCallbacksReturnsAtOnce() {
        var sim = quietSimulation()
        sim.advance(to: 10)
        #expect(sim.rcuBarrier() == 0)
        #expect(sim.snapshot().waits.barriersCompleted == 1)
    }

    /// §2.8: synchronize_rcu is wait_rcu_gp(call_rcu_hurry): one normal GP on an idle machine,
    /// even with lazy RCU on.
    @Test func synchronizeRCUWaitsOneGracePeriodEvenWithLazyOn() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.synchronizeRCU(cpu: 5)
        #expect(sim.runUntil(limit: 1_000) { $0.snapshot().waits.synchronizeCompleted == 1 } == 106)
        #expect(sim.snapshot().waits.lastSynchronizeJiffies == 6)
    }

    /// §4.6: an expedited GP IPIs only the non-idle CPUs; expedited_sequence grows by 4.
    @Test func expeditedGracePeriodIPIsOnlyBusyCPUs() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.markBusy(3, until: 110)
        sim.markBusy(5, until: 150)
        sim.synchronizeRCUExpedited()
        var w = sim.snapshot().waits
        #expect(w.expeditedCompleted == 1 && w.expeditedIPIs == 2 && w.expeditedSequence == 4)
        sim.advance(to: 120)
        sim.synchronizeRCUExpedited()
        w = sim.snapshot().waits
        #expect(w.expeditedIPIs == 3 && w.expeditedSequence == 8)
    }

    /// §4.3: with a CPU at qovld (20000) callbacks the first FQS is immediate and the interval is
    /// (j + 2) / 3: at HZ=1000 an idle-machine GP takes 1 jiffy instead of 6.
    @Test func callbackOverloadShortensFQSWaits() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 20_000)   // lazy: 10000 in the bypass, then flushes; len 20000
        #expect(sim.snapshot().waits.overloadedCPUs == 1)
        sim.callRCU(cpu: 5, count: 1, hurry: true)
        sim.advance(to: 100)
        let started = sim.snapshot().gracePeriod.startedAt
        #expect(started == 100)
        #expect(sim.runUntil(limit: 1_000) { $0.snapshot().gracePeriod.completed == 1 } == 101)
    }
}

@Suite struct EngineActionTests {
    /// The waiting and queueing calls are reachable through `perform`, for keys and scenarios.
    @Test func actionsReachBarrierSynchronizeAndCallRCU() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.perform(.callRCU(cpu: 3, count: 5, hurry: false))
        sim.perform(.kfreeRCU(cpu: 3, count: 2))
        sim.perform(.rcuBarrier)
        sim.perform(.synchronizeRCU(cpu: 99))       // clamped to the last CPU
        sim.perform(.synchronizeRCUExpedited)
        sim.advance(to: 10_000)
        let s = sim.snapshot()
        #expect(s.waits.barriersCompleted == 1)
        #expect(s.waits.synchronizeCompleted == 1)
        #expect(s.waits.expeditedCompleted == 1)
        #expect(s.counters.invoked == 5 + 1 + 1)   // 5 callbacks, the barrier's, synchronize's
        // The kfree_rcu objects' snapshot completed long before the 5 s monitor: no batch needed.
        #expect(s.kfree.objectsFreed == 2)
        #expect(s.kfree.freedWithoutNewGP == 2)
    }
}

@Suite struct SnapshotAccessorTests {
    /// Fixtures built before a cause existed (shorter arrays) read as 0, never trap.
    @Test func countersReadZeroForCausesMissingFromShortArrays() {
        let w = WakeupCounters(total: [1, 2, 3, 4, 5, 6], lastSecond: [])
        #expect(w.total(.tick) == 0)
        #expect(w.total(.workload) == 6)
        #expect(w.lastSecond(.rcuog) == 0)
        let f = FlushCounters(count: [1], callbacks: [])
        #expect(f.count(.lazyTimer) == 1 && f.count(.barrier) == 0 && f.callbacks(.size) == 0)
    }
}
