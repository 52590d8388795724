/// How memory held by lazy callbacks is got back (DESIGN.md §2): the seam where the article's
/// alternative policies plug in. kswapd calls `shrink` once per pass.
protocol ReclaimPolicy: Sendable {
    var kind: ReclaimPolicyKind { get }
    /// One reclaim pass at vmscan `priority` (12 = gentle ... 0 = desperate).
    mutating func shrink(_ sim: inout Simulation, priority: Int)
}

extension Simulation {
    static func reclaimPolicy(for kind: ReclaimPolicyKind) -> any ReclaimPolicy {
        switch kind {
        case .shrinker: return LazyRCUShrinker()
        case .none: return NoReclaim()
        }
    }
}

/// `none`: lazy callbacks are never flushed for memory.
struct NoReclaim: ReclaimPolicy {
    var kind: ReclaimPolicyKind { .none }
    mutating func shrink(_ sim: inout Simulation, priority: Int) {}
}

/// Today's kernel: the "rcu-lazy" shrinker (kernel-rcu.md §3). `count_objects` sums `lazy_len`;
/// `scan_objects` flushes whole bypass lists CPU by CPU and wakes rcuog, until `nr_to_scan`
/// is used up. No memory comes back synchronously: it returns after a grace period and rcuop.
struct LazyRCUShrinker: ReclaimPolicy {
    var kind: ReclaimPolicyKind { .shrinker }

    mutating func shrink(_ sim: inout Simulation, priority: Int) {
        let freeable = sim.lazyShrinkCount()
        guard freeable > 0 else { return }  // SHRINK_EMPTY
        // do_shrink_slab: total_scan = (freeable >> priority) * 4 / DEFAULT_SEEKS(2), in SHRINK_BATCH chunks.
        var totalScan = max(1, (freeable >> priority) * 4 / 2)
        totalScan = min(totalScan, 2 * freeable)
        var flushedCPUs = 0
        var flushedCallbacks = 0
        while totalScan > 0 {
            let nr = min(shrinkBatch, totalScan)
            let (cpus, callbacks) = sim.lazyShrinkScan(nrToScan: nr)
            flushedCPUs += cpus
            flushedCallbacks += callbacks
            totalScan -= nr
            if callbacks == 0 { break }  // SHRINK_STOP
        }
        if flushedCallbacks > 0 { sim.log.add(.shrinker(cpus: flushedCPUs, callbacks: flushedCallbacks), at: sim.now) }
    }
}

extension Simulation {
    /// `lazy_rcu_shrink_count`: Σ `lazy_len` over the offloaded CPUs.
    mutating func lazyShrinkCount() -> Int {
        memory.shrinkerCounts += 1
        return totals.lazyLength
    }

    /// `lazy_rcu_shrink_scan`: for each offloaded CPU with lazy callbacks, flush its whole bypass
    /// and wake rcuog now; stop once `nr_to_scan` is used up. Returns (CPUs, lazy callbacks).
    mutating func lazyShrinkScan(nrToScan: Int) -> (cpus: Int, callbacks: Int) {
        memory.shrinkerScans += 1
        var left = nrToScan
        var flushedCPUs = 0
        var count = 0
        guard totals.lazyLength > 0 else { return (0, 0) }
        for c in 0..<cpus.count where cpus[c].isOffloaded && cpus[c].bypass.lazyLength > 0 {
            let lazy = cpus[c].bypass.lazyLength
            flushBypass(cpu: c, reason: .shrinker)
            wakeNocbGP(group: cpus[c].group, force: false)
            flushedCPUs += 1
            count += lazy
            left -= lazy
            if left <= 0 { break }
        }
        return (flushedCPUs, count)
    }
}
