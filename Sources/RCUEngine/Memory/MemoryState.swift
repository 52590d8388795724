/// The simple memory model (DESIGN.md §2 Memory): total RAM, free memory that shrinks as
/// workloads allocate the objects their callbacks will free and grows back when callbacks run,
/// and the zone watermarks that wake kswapd.
///
/// Watermarks (documented in docs/engine-rules.md): min = 0.5 % of RAM, low = 1.25 * min,
/// high = 1.5 * min, as `__setup_per_zone_wmarks` sets low/high at min + min/4 and min + min/2.
struct MemoryState: Sendable, Equatable {
    let totalBytes: UInt64
    /// Free memory before any workload allocated anything.
    let freeBytesAtStart: UInt64
    let minWatermark: UInt64
    let lowWatermark: UInt64
    let highWatermark: UInt64
    /// Is kswapd awake (a pass is queued)?
    var kswapdAwake = false
    var kswapdGeneration: UInt32 = 0
    /// Consecutive kswapd passes below the high watermark (lowers the scan priority).
    var kswapdPasses = 0
    var shrinkerCounts: UInt64 = 0
    var shrinkerScans: UInt64 = 0
    var kswapdWakeups: UInt64 = 0

    init(totalBytes: UInt64, freeBytesAtStart: UInt64) {
        self.totalBytes = totalBytes
        self.freeBytesAtStart = min(freeBytesAtStart, totalBytes)
        minWatermark = totalBytes / 200
        lowWatermark = minWatermark + minWatermark / 4
        highWatermark = minWatermark + minWatermark / 2
    }

    /// Free bytes when `pending` bytes are held by callbacks not yet invoked.
    func freeBytes(pending: UInt64) -> UInt64 { freeBytesAtStart > pending ? freeBytesAtStart - pending : 0 }
}

/// `SHRINK_BATCH`: vmscan calls `scan_objects` with at most this many objects at a time.
let shrinkBatch = 128
/// `DEF_PRIORITY`: the first reclaim pass scans `freeable >> 12`; each harder pass halves the shift.
let defaultReclaimPriority = 12

extension Simulation {
    /// Free memory now.
    var freeBytes: UInt64 { memory.freeBytes(pending: totals.bytesPending + UInt64(kfreePages) * Simulation.pageBytes) }

    /// After an allocation: below the low watermark, wake kswapd.
    mutating func checkMemoryPressure() {
        guard !memory.kswapdAwake, freeBytes < memory.lowWatermark else { return }
        memory.kswapdAwake = true
        memory.kswapdPasses = 0
        memory.kswapdWakeups += 1
        memory.kswapdGeneration &+= 1
        log.add(.kswapd(freeBytes: freeBytes), at: now)
        queue.schedule(.kswapd(generation: memory.kswapdGeneration), at: now)
    }

    /// One kswapd pass (`balance_pgdat` → `shrink_slab`): ask the reclaim policy to count and
    /// scan; sleep once free memory is above the high watermark, else try again in HZ/10.
    mutating func kswapdPass(generation: UInt32) {
        guard memory.kswapdAwake, generation == memory.kswapdGeneration else { return }
        if freeBytes >= memory.highWatermark {
            memory.kswapdAwake = false
            return
        }
        let priority = max(0, defaultReclaimPriority - memory.kswapdPasses)
        memory.kswapdPasses += 1
        var reclaim = Simulation.reclaimPolicy(for: policy)
        reclaim.shrink(&self, priority: priority)
        kfreeShrink(priority: priority)
        memory.kswapdGeneration &+= 1
        queue.schedule(.kswapd(generation: memory.kswapdGeneration), at: now + max(1, Jiffies(config.hz / 10)))
    }

    /// Total `lazy_len` over offloaded CPUs.
    public var lazyCallbackCount: Int { totals.lazyLength }
}
