import Testing
@testable import RCUEngine

/// kernel-rcu.md §3 and the memory model (DESIGN.md §2).
@Suite struct MemoryTests {
    /// min_free_kbytes = int_sqrt(16 * KiB); low = min * 5/4; high = min * 3/2 (docs/engine-rules.md).
    @Test func watermarksFollowMinFreeKbytes() {
        let s = quietSimulation(memoryBytes: 16 << 20).snapshot().memory
        #expect(s.minWatermark == 524_288)       // sqrt(16 * 16384) = 512 KiB
        #expect(s.lowWatermark == 655_360)
        #expect(s.highWatermark == 786_432)
        #expect(s.freeBytes == 4_194_304)
        let g = Watermarks(totalBytes: 4 << 30)  // sqrt(16 * 4194304) = 8192 KiB
        #expect(g.min == 8 << 20 && g.low == 10 << 20 && g.high == 12 << 20)
        #expect(Watermarks(totalBytes: 256 << 10).min == 128 << 10)     // floor: 128 KiB
        #expect(Watermarks(totalBytes: 16 << 40).min == 262_144 << 10)  // ceiling: 256 MiB
        #expect(Watermarks(totalBytes: 4 << 40).min == 262_144 << 10)   // exactly the ceiling
        #expect(Watermarks.isqrt(1_562_496) == 1_249)
    }

    /// §3: below the low watermark kswapd calls the lazy shrinker; scan flushes the CPU's whole
    /// bypass and wakes rcuog; the memory comes back only after a grace period and rcuop.
    @Test func shrinkerFlushesLazyCallbacksAndMemoryComesBackAfterGPAndInvocation() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 700_000)
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 400, bytesEach: 256)     // 102400 bytes: free 597600 < low
        #expect(sim.snapshot().memory.freeBytes == 597_600)
        sim.advance(to: 100)                                // kswapd runs
        var s = sim.snapshot()
        #expect(s.memory.shrinkerCounts == 1)
        #expect(s.memory.shrinkerScans == 1)
        #expect(s.flushes.count(.shrinker) == 1)
        #expect(s.flushes.callbacks(.shrinker) == 400)
        #expect(s.counters.lazyPending == 0)
        #expect(s.memory.bytesLazy == 0)
        #expect(s.memory.bytesPending == 102_400)
        #expect(s.memory.bytesFreed == 0)
        #expect(s.recentEvents.last?.text == "shrinker flushed 1 CPU: 400 lazy callbacks")
        sim.advance(to: 105)
        #expect(sim.snapshot().memory.bytesFreed == 0)      // the GP is still running
        sim.advance(to: 106)
        s = sim.snapshot()
        #expect(s.memory.bytesFreed == 102_400)
        #expect(s.memory.freeBytes == 700_000)
        #expect(s.counters.invoked == 400)
    }

    /// §3: count and scan trylock `barrier_mutex`; while `rcu_barrier()` runs they return 0
    /// and flush nothing.
    @Test func lazyShrinkerCountsNothingWhileRCUBarrierRuns() {
        var sim = quietSimulation(memoryBytes: 16 << 20)
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 400, bytesEach: 256)
        sim.callRCU(cpu: 2, count: 300, bytesEach: 256)
        #expect(sim.lazyShrinkCount() == 700)
        sim.rcuBarrier()
        #expect(sim.lazyShrinkCount() == 0)
        #expect(sim.lazyShrinkScan(nrToScan: 128) == (0, 0))
        sim.advance(to: 10_000)                              // the barrier has completed
        sim.callRCU(cpu: 3, count: 50, bytesEach: 256)
        #expect(sim.lazyShrinkCount() == 50)
    }

    /// `none`: under the same pressure lazy callbacks wait for their 10 s timer.
    @Test func withoutReclaimPolicyLazyMemoryWaitsForTheTimer() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 700_000, policy: .none)
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 400, bytesEach: 256)
        sim.advance(to: 5_000)
        #expect(sim.snapshot().memory.bytesFreed == 0)
        #expect(sim.snapshot().flushes.count(.shrinker) == 0)
        #expect(sim.runUntil(limit: 20_000) { $0.snapshot().memory.bytesFreed == 102_400 } == 10_246)
    }

    /// setPolicy at run time: switching to the shrinker under pressure flushes at kswapd's next pass.
    @Test func switchingPolicyAtRunTimeTakesEffect() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 700_000, policy: .none)
        sim.advance(to: 100)
        sim.callRCU(cpu: 1, count: 400, bytesEach: 256)
        sim.advance(to: 1_000)
        sim.apply(.setPolicy(.shrinker))
        #expect(sim.runUntil(limit: 20_000) { $0.snapshot().flushes.count(.shrinker) == 1 }! <= 1_100)
        #expect(sim.snapshot().policy == .shrinker)
    }
}
