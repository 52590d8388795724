import Testing
@testable import RCUEngine

/// The memory model's reclaim paths and the five reclaim policies (DESIGN.md §2; docs/engine-rules.md
/// "Memory and reclaim", "Reclaim policies").
@Suite struct ReclaimPolicyTests {
    static func run(_ policy: ReclaimPolicyKind, workloads: [WorkloadKind], seconds: UInt64, memoryBytes: UInt64 = 4 << 30,
                    lazy: Bool = true) -> Snapshot {
        var sim = Simulation(config: EngineConfig(cpuCount: 8, hz: 1000, seed: 1, lazyEnabled: lazy, workloads: workloads,
                                                  policy: policy, memoryBytes: memoryBytes))
        sim.advance(to: seconds * 1000)
        return sim.snapshot()
    }

    /// kswapd wakes below low, drops page cache until free memory is exactly at high, then sleeps.
    @Test func kswapdWakesBelowLowAndReclaimsPageCacheToHigh() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 700_000, policy: .none, pageCache: 4 << 20)
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 400, bytesEach: 256)          // free 597600 < low 655360
        #expect(sim.memory.kswapdAwake)
        sim.advance(to: 100)
        var s = sim.snapshot()
        #expect(s.memory.freeBytes == 786_432)                  // the high watermark
        #expect(s.reclaim.pageCacheReclaimed == 786_432 - 597_600)
        #expect(s.reclaim.kswapdWakeups == 1)
        sim.advance(to: 200)
        #expect(!sim.memory.kswapdAwake)                        // above high: asleep
        s = sim.snapshot()
        #expect(s.reclaim.inShortage == false && s.reclaim.memoryBackLastJiffies == 0)
    }

    /// `should_reclaim_retry`: 16 retries without progress (one every 2 jiffies), then the OOM killer.
    @Test func directReclaimGivesUpAfterSixteenRetriesWithoutProgress() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 1 << 20, policy: .none)
        sim.advance(to: 100)
        #expect(sim.allocateAnon(768 << 10) == .stalled)        // 1 MiB free - 768 KiB < min 512 KiB
        #expect(sim.reclaim.allocStalls == 1)
        #expect(sim.runUntil(limit: 1_000) { $0.reclaim.oomKills == 1 } == 132)   // 100 + 16 * 2
        #expect(sim.reclaim.allocRetries == 16)
        #expect(sim.reclaim.stalled == nil)
        #expect(sim.snapshot().recentEvents.last?.text == "OOM kill after 16 retries without progress: memhog killed, 0 KB freed")
    }

    /// Progress (page cache dropped) resets `no_progress_loops`; the allocation then succeeds.
    @Test func directReclaimWithPageCacheSucceedsAtOnce() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 1 << 20, policy: .none, pageCache: 2 << 20)
        sim.advance(to: 100)
        #expect(sim.allocateAnon(768 << 10) == .done)
        let r = sim.snapshot().reclaim
        #expect(r.allocStalls == 1 && r.allocRetries == 0 && r.stallsEnded == 1 && r.lastStallJiffies == 0)
        #expect(r.anonBytes == 768 << 10)
        #expect(sim.freeBytes == 524_288)                        // reclaimed exactly what was needed: free is at min
    }

    /// Proactive reclaim with plenty of free memory: the shrinker flushes lazy callbacks (all of
    /// them unnecessary) and costs wake-ups; reclaim-hook flushes nothing.
    @Test func proactiveReclaimFlushesLazyCallbacksOnlyWithTheShrinker() {
        let shrinker = Self.run(.shrinker, workloads: [.logging, .proactive], seconds: 30)
        let hook = Self.run(.reclaimHook, workloads: [.logging, .proactive], seconds: 30)
        #expect(shrinker.reclaim.proactiveWrites == 6)          // at 2.5 s, 7.5 s, ... 27.5 s
        #expect(shrinker.reclaim.memoryFlushes(.proactive) > 0)
        #expect(shrinker.reclaim.unnecessaryFlushes == shrinker.reclaim.totalMemoryFlushes)
        #expect(shrinker.reclaim.unnecessaryFlushes > 0)
        #expect(hook.reclaim.totalMemoryFlushes == 0 && hook.reclaim.unnecessaryFlushes == 0)
        #expect(hook.flushes.count(.shrinker) == 0)
        #expect(shrinker.wakeups.rcuTotal > hook.wakeups.rcuTotal)
        #expect(shrinker.power.energyJoules > hook.power.energyJoules)
        #expect(shrinker.reclaim.allocStalls == 0 && hook.reclaim.allocStalls == 0)
        #expect(shrinker.counters.queued == hook.counters.queued)
    }

    /// A memory hog pushing free memory below min: with no policy the lazy memory stays parked and
    /// allocations end in OOM kills; reclaim-hook and the shrinker get it back in time.
    @Test func memoryHogBelowMinStallsOrOOMsMoreWithoutAPolicy() {
        let none = Self.run(.none, workloads: [.logging, .memhog], seconds: 120, memoryBytes: 512 << 20)
        let hook = Self.run(.reclaimHook, workloads: [.logging, .memhog], seconds: 120, memoryBytes: 512 << 20)
        let shrinker = Self.run(.shrinker, workloads: [.logging, .memhog], seconds: 120, memoryBytes: 512 << 20)
        #expect(none.reclaim.allocStalls > 0)
        #expect(none.reclaim.oomKills > hook.reclaim.oomKills)
        #expect(none.reclaim.oomKills > shrinker.reclaim.oomKills)
        #expect(hook.reclaim.allocStalls > 0 && shrinker.reclaim.allocStalls > 0)
    }

    /// Callback policies: memory comes back only after a GP and rcuop ran the callbacks.
    @Test func memoryComesBackAfterGPAndInvocationForCallbackPolicies() {
        for policy in [ReclaimPolicyKind.shrinker, .reclaimHook, .noMemFlag] {
            var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 2 << 20, policy: policy)
            sim.advance(to: 100)
            sim.callRCU(cpu: 1, count: 4096, bytesEach: 256)     // 1 MiB held by lazy callbacks
            sim.advance(to: 150)
            #expect(sim.allocateAnon(768 << 10) == .stalled, "\(policy)")   // 256 KiB free < min
            #expect(sim.snapshot().memory.bytesFreed == 0, "\(policy)")
            #expect(sim.snapshot().counters.lazyPending == 0, "\(policy)")  // flushed, not yet invoked
            let back = sim.runUntil(limit: 2_000) { $0.reclaim.stalled == nil }
            let s = sim.snapshot()
            #expect(s.reclaim.oomKills == 0, "\(policy)")
            #expect(s.memory.bytesFreed == 1 << 20, "\(policy)")
            #expect(s.gracePeriod.completed >= 1, "\(policy)")
            #expect((back ?? 0) > 150 + 3, "\(policy): back at \(back ?? 0)")  // at least a GP later
            #expect(s.reclaim.lastStallJiffies > 3 && s.reclaim.lastStallJiffies <= 32, "\(policy)")
        }
    }

    /// slab-deferred: once the GP is past, reclaim takes the objects back at once (no flush, no
    /// invocation); before it, reclaim requests the GP and the memory is back as soon as it ends.
    @Test func slabDeferredMemoryComesBackAtOnceWhenTheGPIsPast() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 2 << 20, policy: .slabDeferred)
        sim.advance(to: 100)
        sim.freeRCU(cpu: 1, run: CallbackRun(count: 4096, bytesEach: 256))
        #expect(sim.totals.queued == 0)                          // no callback, no page on the free path
        #expect(sim.reclaim.slabDeferredBytes == 1 << 20)
        sim.perform(.synchronizeRCU(cpu: 0))                      // some other user's GP passes
        _ = sim.runUntil(limit: 1_000) { $0.snapshot().gracePeriod.completed >= 2 }
        #expect(sim.reclaim.slabDeferredBytes == 1 << 20)        // still in the slab: nobody asked
        #expect(sim.allocateAnon(768 << 10) == .done)            // direct reclaim takes them back now
        let r = sim.snapshot().reclaim
        #expect(r.slabReclaimedBytes == 1 << 20 && r.slabDeferredBytes == 0)
        #expect(r.lastStallJiffies == 0 && r.allocRetries == 0)
        #expect(r.totalMemoryFlushes == 0)

        // GP not yet past: reclaim requests it; the stalled allocation gets the memory at the GP's end.
        var late = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 2 << 20, policy: .slabDeferred)
        late.advance(to: 100)
        late.freeRCU(cpu: 1, run: CallbackRun(count: 4096, bytesEach: 256))
        #expect(late.allocateAnon(768 << 10) == .stalled)
        #expect(late.reclaim.slabGPRequests == 1)
        let gpEnd = late.runUntil(limit: 1_000) { $0.snapshot().gracePeriod.completed == 1 }!
        _ = late.runUntil(limit: 1_000) { $0.reclaim.stalled == nil }
        #expect(late.reclaim.oomKills == 0)
        #expect(late.now - gpEnd <= ReclaimState.retryDelayJiffies)  // the next retry after the GP
        #expect(late.totals.invoked == 0)                         // nothing was invoked
    }

    /// no-mem-flag: callbacks that free nothing are never flushed for memory, on any trigger.
    @Test func noMemFlagNeverFlushesCallbacksThatFreeNothingForMemory() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 2 << 20, policy: .noMemFlag)
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, run: CallbackRun(count: 500, bytesEach: 0, freesNothing: true))
        sim.callRCU(cpu: 2, run: CallbackRun(count: 300, bytesEach: 256))
        sim.callRCU(cpu: 2, run: CallbackRun(count: 200, bytesEach: 0, freesNothing: true))
        #expect(sim.lazyShrinkCount(freeingOnly: true) == 300)
        sim.proactiveWrite(on: 0)
        #expect(sim.snapshot().reclaim.lazyFreesNothing == 700)
        #expect(sim.totals.lazyLength == 700)
        #expect(sim.allocateAnon(1536 << 10) != .done)          // direct reclaim below min
        _ = sim.runUntil(limit: 3_000) { $0.reclaim.stalled == nil }
        let s = sim.snapshot()
        #expect(s.reclaim.lazyFreesNothing == 700)               // still parked
        #expect(s.reclaim.freesNothingSkipped >= 200)
        #expect(s.memory.bytesFreed == 300 * 256)
        #expect(s.counters.invoked == 300)
        // Later, the 10 s timer (not memory) flushes them.
        _ = sim.runUntil(limit: 30_000) { $0.totals.lazyLength == 0 }
        #expect(sim.totals.flushCount[FlushReason.lazyTimer.index] >= 1)

        // The same under the plain shrinker flushes them all for memory.
        var plain = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 2 << 20, policy: .shrinker)
        plain.advance(to: 100)
        plain.callRCU(cpu: 1, run: CallbackRun(count: 500, bytesEach: 0, freesNothing: true))
        plain.proactiveWrite(on: 0)
        #expect(plain.totals.lazyLength == 0)
    }

    /// Engines with the same seed and workloads see the same workload events whatever the policy
    /// (the compare view's premise): equal queued counts, equal frees.
    @Test func compareEnginesSeeIdenticalWorkloadEvents() {
        let runs = ReclaimPolicyKind.allCases.map { Self.run($0, workloads: [.video, .logging, .proactive], seconds: 40) }
        for r in runs.dropFirst() { #expect(r.reclaim.workloadFrees == runs[0].reclaim.workloadFrees, "\(r.policy)") }
        for r in runs where r.policy != .slabDeferred { #expect(r.counters.queued == runs[0].counters.queued, "\(r.policy)") }
        #expect(runs[0].reclaim.workloadFrees > 0)
    }

    /// The policy can be switched while running, to every policy and back, with invariants kept.
    @Test func everyPolicyCanBeSwitchedToWhileRunning() {
        var sim = Simulation(config: EngineConfig(cpuCount: 4, seed: 3, workloads: [.video, .logging, .proactive, .memhog],
                                                  memoryBytes: 256 << 20))
        for (i, p) in (ReclaimPolicyKind.allCases + ReclaimPolicyKind.allCases.reversed()).enumerated() {
            sim.advance(to: UInt64(i + 1) * 3_000)
            sim.apply(.setPolicy(p))
            #expect(sim.snapshot().policy == p)
            let a = sim.audit
            #expect(sim.totals.bytesAllocated == sim.totals.bytesFreed + a.bytes + sim.reclaim.slabDeferredBytes)
            #expect(sim.earlyInvocations == 0)
        }
    }
}
