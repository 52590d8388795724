/// The memory model (DESIGN.md §2 Memory): total RAM; free memory that shrinks as workloads
/// allocate (the objects their callbacks will free, the memory hog's anonymous memory) and grows
/// back when callbacks run, reclaim drops page cache or slab-deferred objects are taken back;
/// and the zone watermarks (`Watermarks`) that wake kswapd and send allocations into direct reclaim.
struct MemoryState: Sendable, Equatable {
    let totalBytes: UInt64
    /// Free memory before any workload allocated anything.
    let freeBytesAtStart: UInt64
    let minWatermark: UInt64
    let lowWatermark: UInt64
    let highWatermark: UInt64
    /// Page cache at start (part of the used memory) and now: reclaim drops it, file reads refill it.
    let pageCacheAtStart: UInt64
    var pageCacheBytes: UInt64
    /// Anonymous memory held by the memory hog.
    var anonBytes: UInt64 = 0
    /// Is kswapd awake (a pass is queued)?
    var kswapdAwake = false
    var kswapdGeneration: UInt32 = 0
    /// Consecutive kswapd passes below the high watermark (lowers the scan priority).
    var kswapdPasses = 0
    var shrinkerCounts: UInt64 = 0
    var shrinkerScans: UInt64 = 0
    var kswapdWakeups: UInt64 = 0

    init(totalBytes: UInt64, freeBytesAtStart: UInt64, pageCacheBytes: UInt64? = nil) {
        self.totalBytes = totalBytes
        self.freeBytesAtStart = min(freeBytesAtStart, totalBytes)
        let w = Watermarks(totalBytes: totalBytes)
        minWatermark = w.min
        lowWatermark = w.low
        highWatermark = w.high
        let used = totalBytes - self.freeBytesAtStart
        pageCacheAtStart = min(pageCacheBytes ?? totalBytes / 8, used)
        self.pageCacheBytes = pageCacheAtStart
    }

    /// Free bytes when `held` bytes are held by callbacks not yet invoked (and other RCU-deferred frees).
    func freeBytes(pending held: UInt64) -> UInt64 {
        let available = freeBytesAtStart + (pageCacheAtStart - pageCacheBytes)
        let used = held + anonBytes
        return available > used ? available - used : 0
    }
}

/// `SHRINK_BATCH`: vmscan calls `scan_objects` with at most this many objects at a time.
let shrinkBatch = 128
/// `DEF_PRIORITY`: the first reclaim pass scans `freeable >> 12`; each harder pass halves the shift.
let defaultReclaimPriority = 12

extension Simulation {
    /// Free memory now.
    var freeBytes: UInt64 {
        memory.freeBytes(pending: totals.bytesPending + UInt64(kfreePages) * Simulation.pageBytes + reclaim.slabDeferredBytes)
    }

    /// After an allocation: below the low watermark, wake kswapd (and a shortage begins).
    mutating func checkMemoryPressure() {
        guard freeBytes < memory.lowWatermark else { return }
        noteShortage()
        guard !memory.kswapdAwake else { return }
        memory.kswapdAwake = true
        memory.kswapdPasses = 0
        memory.kswapdWakeups += 1
        memory.kswapdGeneration &+= 1
        log.add(.kswapd(freeBytes: freeBytes), at: now)
        queue.schedule(.kswapd(generation: memory.kswapdGeneration), at: now)
    }

    /// One kswapd pass (`balance_pgdat` → `shrink_node`): drop page cache towards the high
    /// watermark, then `shrink_slab` (the reclaim policy's shrinker, the kfree_rcu shrinker, the
    /// slab's deferred objects); sleep once free memory is above the high watermark, else try
    /// again in HZ/10 with a harder priority.
    mutating func kswapdPass(generation: UInt32) {
        guard memory.kswapdAwake, generation == memory.kswapdGeneration else { return }
        if freeBytes >= memory.highWatermark {
            memory.kswapdAwake = false
            return
        }
        let priority = max(0, defaultReclaimPriority - memory.kswapdPasses)
        memory.kswapdPasses += 1
        reclaim.kswapdPasses += 1
        _ = dropPageCache(memory.highWatermark - freeBytes)
        shrinkSlab(priority: priority, trigger: .kswapd)
        memory.kswapdGeneration &+= 1
        queue.schedule(.kswapd(generation: memory.kswapdGeneration), at: now + max(1, Jiffies(config.hz / 10)))
    }

    /// Total `lazy_len` over offloaded CPUs.
    public var lazyCallbackCount: Int { totals.lazyLength }
}
