/// `reclaim-hook`: no shrinker. When the page allocator is about to retry (or give up) after
/// direct reclaim (`should_reclaim_retry`), flush every lazy callback on every CPU and wake
/// rcuog. kswapd and proactive reclaim flush nothing, so a `memory.reclaim` write with plenty of
/// free memory costs no wake-ups; the price is that memory held by lazy callbacks only starts
/// coming back once an allocation is already stalling.
struct ReclaimHook: ReclaimPolicy {
    var kind: ReclaimPolicyKind { .reclaimHook }
    func shrink(_ sim: inout Simulation, priority: Int, trigger: ReclaimTrigger) {}

    func flushAll(_ sim: inout Simulation) {
        guard sim.totals.lazyLength > 0 else { return }
        var flushedCPUs = 0
        var flushed = 0
        for c in 0..<sim.cpus.count where sim.cpus[c].isOffloaded && sim.cpus[c].bypass.lazyLength > 0 {
            let lazy = sim.cpus[c].bypass.lazyLength
            sim.flushBypass(cpu: c, reason: .reclaimHook)
            sim.noteMemoryFlush(trigger: .allocRetry, callbacks: lazy)
            sim.wakeNocbGP(group: sim.cpus[c].group, force: false)
            flushedCPUs += 1
            flushed += lazy
        }
        if flushed > 0 { sim.log.add(.reclaimHook(cpus: flushedCPUs, callbacks: flushed), at: sim.now) }
    }
}
