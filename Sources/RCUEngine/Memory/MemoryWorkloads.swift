/// Parameters of the memory workloads and the page cache (docs/workloads.md).
extension WorkloadProfile {
    /// memhog: one 1 MiB anonymous chunk every 16 ms (~64 MiB/s) while growing.
    public static let memhogTickMicroseconds: UInt64 = 16_000
    public static let memhogChunkBytes: UInt64 = 1 << 20
    /// memhog: every 20 s it releases half of what it holds in one burst (munmap).
    public static let memhogReleasePeriodSeconds: UInt64 = 20
    /// memhog: each released chunk is one VMA freed through RCU (`vm_area_free`, ~192 bytes), plus
    /// one lazy callback that frees nothing (a reference drop on an object still in use).
    public static let memhogVMABytes: UInt64 = 192
    /// memhog: restarted this long after an OOM kill.
    public static let memhogRestartSeconds: UInt64 = 5
    /// proactive: a `memory.reclaim` write every 5 s, asking for 1/256 of RAM (16 MiB at 4 GiB).
    public static let proactivePeriodMicroseconds: UInt64 = 5_000_000
    public static let proactiveReclaimDivisor: UInt64 = 256
    /// Page cache refilled by file reads, per simulated second, while memory is plentiful.
    public static let pageCacheRefillBytesPerSecond: UInt64 = 4 << 20
}

/// Reclaim, stalls, OOM kills and slab-deferred memory as shown (docs/engine-rules.md "Memory").
public struct ReclaimSnapshot: Sendable, Equatable {
    /// Lazy-callback flushes done for memory, by `ReclaimTrigger.allCases` order (one per CPU
    /// bypass flushed; a slab-deferred GP request counts as one).
    public var memoryFlushes = [UInt64](repeating: 0, count: ReclaimTrigger.allCases.count)
    public var memoryFlushCallbacks = [UInt64](repeating: 0, count: ReclaimTrigger.allCases.count)
    /// Memory flushes while free memory was above the low watermark.
    public var unnecessaryFlushes: UInt64 = 0
    /// `shrink_slab` calls by trigger.
    public var shrinkCalls = [UInt64](repeating: 0, count: ReclaimTrigger.allCases.count)
    public var kswapdWakeups: UInt64 = 0
    public var proactiveWrites: UInt64 = 0
    public var pageCacheBytes: UInt64 = 0
    public var pageCacheReclaimed: UInt64 = 0
    /// The memory hog's anonymous memory.
    public var anonBytes: UInt64 = 0
    /// Bytes held back from the free lists by lazy RCU: lazy callbacks plus slab-deferred objects.
    public var lazyHeldBytes: UInt64 = 0
    public var slabDeferredBytes: UInt64 = 0
    public var slabDeferredObjects: UInt64 = 0
    public var slabReclaimedBytes: UInt64 = 0
    public var slabGPRequests: UInt64 = 0
    /// Allocations that entered direct reclaim, their retries, and stall durations (jiffies).
    public var allocStalls: UInt64 = 0
    public var allocRetries: UInt64 = 0
    public var stallsEnded: UInt64 = 0
    public var stallJiffiesTotal: UInt64 = 0
    public var lastStallJiffies: UInt64 = 0
    public var isStalled = false
    public var oomKills: UInt64 = 0
    /// Shortages (free below low) and how long memory took to come back above low (jiffies).
    public var shortages: UInt64 = 0
    public var inShortage = false
    public var memoryBackCount: UInt64 = 0
    public var memoryBackLastJiffies: UInt64 = 0
    public var memoryBackTotalJiffies: UInt64 = 0
    /// no-mem-flag: marked callbacks left parked by memory flushes.
    public var freesNothingSkipped: UInt64 = 0
    /// Lazy callbacks parked now that free nothing.
    public var lazyFreesNothing: UInt64 = 0
    /// Objects the workloads freed through RCU by any path (identical across policies for the same events).
    public var workloadFrees: UInt64 = 0
    /// kfree_rcu pages allocated for the free path, and times a page could not be had.
    public var kfreePageAllocations: UInt64 = 0
    public var kfreePageFailures: UInt64 = 0

    public init() {}

    public func memoryFlushes(_ t: ReclaimTrigger) -> UInt64 { memoryFlushes[t.index] }
    public var totalMemoryFlushes: UInt64 { memoryFlushes.reduce(0, +) }
    /// Mean time for memory to come back after a shortage, in jiffies (0 when none ended).
    public var memoryBackMeanJiffies: Double {
        memoryBackCount == 0 ? 0 : Double(memoryBackTotalJiffies) / Double(memoryBackCount)
    }
}

extension Simulation {
    var reclaimSnapshot: ReclaimSnapshot {
        var s = ReclaimSnapshot()
        s.memoryFlushes = reclaim.memoryFlushes
        s.memoryFlushCallbacks = reclaim.memoryFlushCallbacks
        s.unnecessaryFlushes = reclaim.unnecessaryFlushes
        s.shrinkCalls = reclaim.shrinkCalls
        s.kswapdWakeups = memory.kswapdWakeups
        s.proactiveWrites = reclaim.proactiveWrites
        s.pageCacheBytes = memory.pageCacheBytes
        s.pageCacheReclaimed = reclaim.pageCacheReclaimed
        s.anonBytes = memory.anonBytes
        s.lazyHeldBytes = totals.bytesLazy + reclaim.slabDeferredBytes
        s.slabDeferredBytes = reclaim.slabDeferredBytes
        s.slabDeferredObjects = reclaim.slabDeferredObjects
        s.slabReclaimedBytes = reclaim.slabReclaimedBytes
        s.slabGPRequests = reclaim.slabGPRequests
        s.allocStalls = reclaim.allocStalls
        s.allocRetries = reclaim.allocRetries
        s.stallsEnded = reclaim.stallsEnded
        s.stallJiffiesTotal = reclaim.stallJiffiesTotal
        s.lastStallJiffies = reclaim.lastStallJiffies
        s.isStalled = reclaim.stalled != nil
        s.oomKills = reclaim.oomKills
        s.shortages = reclaim.shortages
        s.inShortage = reclaim.shortageSince != nil
        s.memoryBackCount = reclaim.memoryBackCount
        s.memoryBackLastJiffies = reclaim.memoryBackLastJiffies
        s.memoryBackTotalJiffies = reclaim.memoryBackTotalJiffies
        s.freesNothingSkipped = reclaim.freesNothingSkipped
        var fn = 0
        for c in cpus.indices where cpus[c].bypass.lazyFreesNothing > 0 { fn += cpus[c].bypass.lazyFreesNothing }
        s.lazyFreesNothing = UInt64(fn)
        s.workloadFrees = reclaim.workloadFrees
        s.kfreePageAllocations = reclaim.kfreePageAllocations
        s.kfreePageFailures = reclaim.kfreePageFailures
        return s
    }
}
