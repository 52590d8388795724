import Testing
@testable import RCUEngine

/// kernel-rcu.md §5: kfree_rcu batching.
@Suite struct KfreeRCUTests {
    @Test func pagesHold507PointersAndTheCacheFivePages() {
        #expect(Simulation.kvfreeBulkMaxEntries == 507)
        #expect(Simulation.kfreeMinCachedPages == 5)
        #expect(quietSimulation().kfreeDrainJiffies == 5_000)
        #expect(quietSimulation(hz: 250).kfreeDrainJiffies == 1_250)
    }

    /// With no cached page the two-argument form links the object through its rcu_head and
    /// kicks the page refill; the monitor runs 5 s later and its batch waits one normal GP.
    @Test func kfreeRCUObjectsWaitFiveSecondsThenOneGP() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.kfreeRCU(cpu: 1, count: 10, bytesEach: 128)
        var k = sim.snapshot().kfree
        #expect(k.headListFallbacks == 10)
        #expect(k.objectsQueued == 10)
        sim.advance(to: 101)
        #expect(sim.snapshot().kfree.cachedPages == 5)           // refill worker filled the cache
        sim.advance(to: 5_100)
        k = sim.snapshot().kfree
        #expect(k.batchesQueued == 1)
        #expect(k.objectsInFlight == 10)
        #expect(sim.runUntil(limit: 20_000) { $0.snapshot().kfree.objectsFreed == 10 } == 5_106)
        #expect(sim.snapshot().memory.bytesFreed == 1_280)
        #expect(sim.snapshot().counters.invoked == 1)             // the batch's rcu_work callback
    }

    /// A page's worth of objects waiting: the monitor runs after 1 jiffy, not 5 s.
    @Test func fullPageDrainsAfterOneJiffy() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.kfreeRCU(cpu: 1, count: 1, bytesEach: 64)
        sim.advance(to: 6_000)                                     // first batch done, cache full
        #expect(sim.snapshot().kfree.objectsFreed == 1)
        sim.kfreeRCU(cpu: 1, count: 507, bytesEach: 64)
        #expect(sim.snapshot().kfree.pagesInUse == 1)
        sim.advance(to: 6_001)
        #expect(sim.snapshot().kfree.batchesQueued == 2)
        #expect(sim.runUntil(limit: 20_000) { $0.snapshot().kfree.objectsFreed == 508 } == 6_007)
        let k = sim.snapshot().kfree
        #expect(k.bulkFrees == 1)                                  // one kfree_bulk for the page
        #expect(k.cachedPages == 5 && k.pagesInUse == 0)
    }

    /// Objects whose grace-period snapshot has already completed are freed by the monitor
    /// directly, with no new grace period (kvfree_rcu_drain_ready).
    @Test func alreadyCompletedSnapshotIsFreedWithoutANewGP() {
        var sim = quietSimulation()
        sim.advance(to: 100)
        sim.kfreeRCU(cpu: 1, count: 7, bytesEach: 64)
        sim.advance(to: 200)
        sim.synchronizeRCU(cpu: 6)                                 // some other GP passes
        sim.advance(to: 5_100)
        let k = sim.snapshot().kfree
        #expect(k.objectsFreed == 7)
        #expect(k.freedWithoutNewGP == 7)
        #expect(k.batchesQueued == 0)
        #expect(sim.snapshot().gracePeriod.completed == 1)
    }

    /// The head-less form may allocate a page inline; when that fails it calls synchronize_rcu()
    /// inline and frees the object after one grace period.
    @Test func headlessFormSynchronizesInlineWhenNoPageCanBeHad() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 400_000)   // below min
        sim.advance(to: 100)
        sim.kfreeRCU(cpu: 2, count: 3, bytesEach: 64, headless: true)
        #expect(sim.snapshot().kfree.inlineSynchronize == 3)
        #expect(sim.runUntil(limit: 1_000) { $0.snapshot().memory.bytesFreed == 192 } == 106)
    }

    /// The rcu-kfree shrinker runs the monitor at once: memory returns after one GP, not 5 s.
    @Test func kfreeShrinkerStartsTheBatchAtOnce() {
        var sim = quietSimulation(memoryBytes: 16 << 20, freeBytesAtStart: 700_000, policy: .none)
        sim.advance(to: 100)
        sim.kfreeRCU(cpu: 1, count: 400, bytesEach: 256)           // free 597600 < low: kswapd
        sim.advance(to: 100)
        let k = sim.snapshot().kfree
        #expect(k.shrinkerCounts == 1 && k.shrinkerScans == 1)
        #expect(k.batchesQueued == 1)
        #expect(sim.runUntil(limit: 20_000) { $0.snapshot().kfree.objectsFreed == 400 } == 106)
    }
}
