/// `shrinker` — today's kernel: the "rcu-lazy" shrinker (kernel-rcu.md §3). `count_objects` sums
/// `lazy_len`; `scan_objects` flushes whole bypass lists CPU by CPU and wakes rcuog, until
/// `nr_to_scan` is used up. No memory comes back synchronously: it returns after a grace period
/// and rcuop.
///
/// `no-mem-flag` (`freeingOnly`): the same shrinker, but callbacks that free nothing carry a mark;
/// `count_objects` leaves them out and `scan_objects` flushes only the callbacks that free memory,
/// so the marked ones stay parked until a non-memory reason (10 s timer, size, hurry, barrier).
struct LazyRCUShrinker: ReclaimPolicy {
    var freeingOnly: Bool
    var kind: ReclaimPolicyKind { freeingOnly ? .noMemFlag : .shrinker }

    func shrink(_ sim: inout Simulation, priority: Int, trigger: ReclaimTrigger) {
        let freeable = sim.lazyShrinkCount(freeingOnly: freeingOnly)
        guard freeable > 0 else { return }  // SHRINK_EMPTY
        // do_shrink_slab: total_scan = (freeable >> priority) * 4 / DEFAULT_SEEKS(2), in SHRINK_BATCH chunks.
        var totalScan = max(1, (freeable >> priority) * 4 / 2)
        totalScan = min(totalScan, 2 * freeable)
        var flushedCPUs = 0
        var flushedCallbacks = 0
        while totalScan > 0 {
            let nr = min(shrinkBatch, totalScan)
            let (cpus, callbacks) = sim.lazyShrinkScan(nrToScan: nr, freeingOnly: freeingOnly, trigger: trigger)
            flushedCPUs += cpus
            flushedCallbacks += callbacks
            totalScan -= nr
            if callbacks == 0 { break }  // SHRINK_STOP
        }
        if flushedCallbacks > 0 { sim.log.add(.shrinker(cpus: flushedCPUs, callbacks: flushedCallbacks), at: sim.now) }
    }
}

extension Simulation {
    /// `lazy_rcu_shrink_count`: Σ `lazy_len` over the offloaded CPUs (without the marked
    /// callbacks that free nothing, for `no-mem-flag`).
    mutating func lazyShrinkCount(freeingOnly: Bool = false) -> Int {
        memory.shrinkerCounts += 1
        // mutex_trylock(&rcu_state.barrier_mutex) fails while rcu_barrier() runs: count 0.
        guard waits.barrierRemainingCPUs == 0 else { return 0 }
        guard freeingOnly else { return totals.lazyLength }
        var n = 0
        for c in cpus.indices where cpus[c].bypass.lazyLength > 0 {
            n += cpus[c].bypass.lazyLength - cpus[c].bypass.lazyFreesNothing
        }
        return n
    }

    /// `lazy_rcu_shrink_scan`: for each offloaded CPU with lazy callbacks, flush its whole bypass
    /// (only its memory-freeing callbacks for `no-mem-flag`) and wake rcuog now; stop once
    /// `nr_to_scan` is used up. Returns (CPUs, lazy callbacks).
    mutating func lazyShrinkScan(nrToScan: Int, freeingOnly: Bool = false,
                                 trigger: ReclaimTrigger = .kswapd) -> (cpus: Int, callbacks: Int) {
        memory.shrinkerScans += 1
        // The same trylock in scan: a running rcu_barrier() makes the shrinker stop at once.
        guard waits.barrierRemainingCPUs == 0 else { return (0, 0) }
        var left = nrToScan
        var flushedCPUs = 0
        var count = 0
        guard totals.lazyLength > 0 else { return (0, 0) }
        for c in 0..<cpus.count where cpus[c].isOffloaded && cpus[c].bypass.lazyLength > 0 {
            let lazy: Int
            if freeingOnly {
                guard cpus[c].bypass.lazyLength > cpus[c].bypass.lazyFreesNothing else { continue }
                lazy = flushFreeingBypass(cpu: c, reason: .shrinker)
            } else {
                lazy = cpus[c].bypass.lazyLength
                flushBypass(cpu: c, reason: .shrinker)
            }
            noteMemoryFlush(trigger: trigger, callbacks: lazy)
            wakeNocbGP(group: cpus[c].group, force: false)
            flushedCPUs += 1
            count += lazy
            left -= lazy
            if left <= 0 { break }
        }
        return (flushedCPUs, count)
    }

    /// `no-mem-flag`'s flush: move only the bypass callbacks that free memory onto `->cblist`.
    /// Returns the lazy callbacks moved.
    mutating func flushFreeingBypass(cpu c: Int, reason: FlushReason) -> Int {
        let skipped = cpus[c].bypass.lazyFreesNothing
        let (moved, lazy, lazyBytes) = cpus[c].bypass.takeFreeing(at: now)
        reclaim.freesNothingSkipped += UInt64(skipped)
        guard moved.count > 0 else { return 0 }
        cpus[c].cblist.enqueue(moved)
        totals.bypassLength -= moved.count
        totals.lazyLength -= lazy
        totals.bytesLazy -= lazyBytes
        totals.flushCount[reason.index] += 1
        totals.flushCallbacks[reason.index] += UInt64(moved.count)
        log.lazyFlushAwaitingGP = true
        return lazy
    }
}
