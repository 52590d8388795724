/// Who asked for reclaim when lazy callbacks were flushed (or a slab-deferred GP requested).
public enum ReclaimTrigger: String, Sendable, CaseIterable, Equatable {
    /// kswapd, below the low watermark.
    case kswapd
    /// Direct reclaim by an allocation below the min watermark.
    case direct
    /// A user-space agent writing `memory.reclaim` (no shortage needed).
    case proactive
    /// The allocator about to retry (`should_reclaim_retry`): the `reclaim-hook` policy.
    case allocRetry = "alloc_retry"

    var index: Int {
        switch self {
        case .kswapd: return 0
        case .direct: return 1
        case .proactive: return 2
        case .allocRetry: return 3
        }
    }

    public var label: String {
        switch self {
        case .kswapd: return "kswapd"
        case .direct: return "direct"
        case .proactive: return "proactive"
        case .allocRetry: return "alloc retry"
        }
    }
}

/// An allocation waiting in the slow path (`__alloc_pages_slowpath`) between retries.
struct StalledAllocation: Sendable, Equatable {
    var bytes: UInt64
    var startedAt: Jiffies
    /// `no_progress_loops`.
    var noProgressLoops = 0
    var generation: UInt32
}

/// The result of one allocation attempt.
enum AllocationOutcome: Sendable, Equatable {
    case done, stalled, oomKilled
}

/// Reclaim, allocation-stall, OOM, slab-deferred and shortage bookkeeping (DESIGN.md §2 Memory).
struct ReclaimState: Sendable, Equatable {
    /// `MAX_RECLAIM_RETRIES` (mm/internal.h).
    static let maxReclaimRetries = 16
    /// Jiffies between retries: `reclaim_throttle(VMSCAN_THROTTLE_NOPROGRESS)` sleeps 2 jiffies.
    static let retryDelayJiffies: Jiffies = 2

    /// Bypass lists flushed for memory, by trigger, and the callbacks they moved.
    var memoryFlushes = [UInt64](repeating: 0, count: ReclaimTrigger.allCases.count)
    var memoryFlushCallbacks = [UInt64](repeating: 0, count: ReclaimTrigger.allCases.count)
    /// Memory flushes done while free memory was above the low watermark.
    var unnecessaryFlushes: UInt64 = 0
    /// `shrink_slab` calls by trigger.
    var shrinkCalls = [UInt64](repeating: 0, count: ReclaimTrigger.allCases.count)
    var kswapdPasses: UInt64 = 0
    var pageCacheReclaimed: UInt64 = 0
    var proactiveWrites: UInt64 = 0

    var allocStalls: UInt64 = 0
    var allocRetries: UInt64 = 0
    var oomKills: UInt64 = 0
    var stallJiffiesTotal: UInt64 = 0
    var stallsEnded: UInt64 = 0
    var lastStallJiffies: UInt64 = 0
    var stalled: StalledAllocation? = nil
    var allocGeneration: UInt32 = 0

    /// Below-low episodes: start, count, and how long memory took to come back above low.
    var shortageSince: Jiffies? = nil
    var shortages: UInt64 = 0
    var memoryBackCount: UInt64 = 0
    var memoryBackTotalJiffies: UInt64 = 0
    var memoryBackLastJiffies: UInt64 = 0

    /// no-mem-flag: callbacks that free nothing left parked by a memory flush.
    var freesNothingSkipped: UInt64 = 0
    /// Objects handed to a free path by workloads (callbacks, kfree_rcu or slab-deferred).
    var workloadFrees: UInt64 = 0

    /// slab-deferred: objects waiting in the slab as "free after GP n", oldest first.
    var slabDeferred: [SlabDeferredEntry] = []
    var slabHead = 0
    var slabDeferredBytes: UInt64 = 0
    var slabDeferredObjects: UInt64 = 0
    var slabReclaimedBytes: UInt64 = 0
    var slabRecycledBytes: UInt64 = 0
    var slabPollPending = false
    var slabPollGeneration: UInt32 = 0
    var slabGPRequests: UInt64 = 0

    /// kfree_rcu pages allocated on the free path (head-less inline, refill) and failures.
    var kfreePageAllocations: UInt64 = 0
    var kfreePageFailures: UInt64 = 0

    /// memory hog: stop growing after a real stall; restart after an OOM kill; next burst release.
    var memhogHolding = false
    var memhogRestartAt: Jiffies? = nil
    var memhogNextRelease: Jiffies = 0
    var memhogOOMKills: UInt64 = 0
}

extension Simulation {
    /// A shortage (free below the low watermark) begins, if none is open.
    mutating func noteShortage() {
        guard reclaim.shortageSince == nil else { return }
        reclaim.shortageSince = now
        reclaim.shortages += 1
    }

    /// After every event: has the memory come back above the low watermark?
    mutating func checkShortageEnd() {
        guard let since = reclaim.shortageSince, freeBytes >= memory.lowWatermark else { return }
        reclaim.shortageSince = nil
        reclaim.memoryBackCount += 1
        reclaim.memoryBackLastJiffies = now - since
        reclaim.memoryBackTotalJiffies += now - since
    }

    /// Drop up to `bytes` of page cache (clean pages: synchronous). Returns the bytes dropped.
    mutating func dropPageCache(_ bytes: UInt64) -> UInt64 {
        let n = min(bytes, memory.pageCacheBytes)
        memory.pageCacheBytes -= n
        reclaim.pageCacheReclaimed += n
        return n
    }

    /// File reads refill the page cache (once a simulated second) while memory is plentiful.
    mutating func refillPageCache() {
        let free = freeBytes
        guard memory.pageCacheBytes < memory.pageCacheAtStart, free > memory.highWatermark * 2 else { return }
        let n = min(WorkloadProfile.pageCacheRefillBytesPerSecond, memory.pageCacheAtStart - memory.pageCacheBytes,
                    free - memory.highWatermark * 2)
        memory.pageCacheBytes += n
    }

    /// `shrink_slab`: the reclaim policy's lazy-RCU shrinker, the kfree_rcu shrinker, and the
    /// slab's deferred objects. Returns the bytes got back synchronously.
    @discardableResult
    mutating func shrinkSlab(priority: Int, trigger: ReclaimTrigger) -> UInt64 {
        reclaim.shrinkCalls[trigger.index] += 1
        switch policy {
        case .shrinker: LazyRCUShrinker(freeingOnly: false).shrink(&self, priority: priority, trigger: trigger)
        case .noMemFlag: LazyRCUShrinker(freeingOnly: true).shrink(&self, priority: priority, trigger: trigger)
        case .reclaimHook, .slabDeferred, .none: break
        }
        kfreeShrink(priority: priority)
        return slabDeferredReclaim(trigger: trigger)
    }

    /// Count one bypass flush done for memory.
    mutating func noteMemoryFlush(trigger: ReclaimTrigger, callbacks: Int) {
        reclaim.memoryFlushes[trigger.index] += 1
        reclaim.memoryFlushCallbacks[trigger.index] += UInt64(callbacks)
        if freeBytes > memory.lowWatermark { reclaim.unnecessaryFlushes += 1 }
    }

    /// `__alloc_pages` of `bytes` of anonymous memory for the memory hog: the fast path above
    /// min, else the slow path (wake kswapd, direct reclaim, retry, OOM).
    mutating func allocateAnon(_ bytes: UInt64) -> AllocationOutcome {
        if freeBytes >= memory.minWatermark + bytes {
            memory.anonBytes += bytes
            checkMemoryPressure()
            return .done
        }
        checkMemoryPressure()
        reclaim.allocStalls += 1
        reclaim.allocGeneration &+= 1
        var stall = StalledAllocation(bytes: bytes, startedAt: now, generation: reclaim.allocGeneration)
        let progress = directReclaim(bytes)
        if freeBytes >= memory.minWatermark + bytes {
            memory.anonBytes += bytes
            endStall(stall)
            return .done
        }
        if !progress { stall.noProgressLoops += 1 }
        reclaim.stalled = stall
        aboutToRetry()
        queue.schedule(.allocRetry(generation: stall.generation), at: now + ReclaimState.retryDelayJiffies)
        return .stalled
    }

    /// One direct-reclaim round (`__alloc_pages_direct_reclaim` → `do_try_to_free_pages`): page
    /// cache first; `shrink_slab` at DEF_PRIORITY when that was enough, else at priority 0 (the
    /// priority loop ran to the end). Progress (`did_some_progress`) means at least a page got
    /// back synchronously: a trickle of slab objects smaller than a page frees no page.
    mutating func directReclaim(_ bytes: UInt64) -> Bool {
        let target = memory.minWatermark + bytes
        let need = target > freeBytes ? target - freeBytes : 0
        var got = dropPageCache(need)
        got += shrinkSlab(priority: got >= need ? defaultReclaimPriority : 0, trigger: .direct)
        return got >= Simulation.pageBytes
    }

    /// `should_reclaim_retry` says retry: the `reclaim-hook` policy flushes here.
    mutating func aboutToRetry() {
        guard policy == .reclaimHook else { return }
        ReclaimHook().flushAll(&self)
    }

    /// A stalled allocation retries (`get_page_from_freelist`, then direct reclaim again).
    mutating func allocRetry(generation: UInt32) {
        guard var stall = reclaim.stalled, stall.generation == generation else { return }
        reclaim.allocRetries += 1
        if freeBytes >= memory.minWatermark + stall.bytes {
            memory.anonBytes += stall.bytes
            endStall(stall)
            return
        }
        let progress = directReclaim(stall.bytes)
        if freeBytes >= memory.minWatermark + stall.bytes {
            memory.anonBytes += stall.bytes
            endStall(stall)
            return
        }
        stall.noProgressLoops = progress ? 0 : stall.noProgressLoops + 1
        if stall.noProgressLoops > ReclaimState.maxReclaimRetries {
            endStall(stall)
            oomKill()
            return
        }
        reclaim.stalled = stall
        aboutToRetry()
        queue.schedule(.allocRetry(generation: stall.generation), at: now + ReclaimState.retryDelayJiffies)
    }

    private mutating func endStall(_ stall: StalledAllocation) {
        reclaim.stalled = nil
        reclaim.stallsEnded += 1
        reclaim.lastStallJiffies = now - stall.startedAt
        reclaim.stallJiffiesTotal += now - stall.startedAt
        // The memory hog stops growing once an allocation really had to wait.
        if now > stall.startedAt { reclaim.memhogHolding = true }
    }

    /// `out_of_memory`: the memory hog (the largest task) is killed and its memory freed; it is
    /// restarted 5 s later.
    mutating func oomKill() {
        reclaim.oomKills += 1
        // A kill is not memory coming back: the shortage ends unmeasured (a new one starts if still low).
        reclaim.shortageSince = nil
        let freed = memory.anonBytes
        memory.anonBytes = 0
        if freed > 0 { reclaim.memhogOOMKills += 1 }
        reclaim.memhogHolding = false
        reclaim.memhogRestartAt = now + Jiffies(config.hz) * WorkloadProfile.memhogRestartSeconds
        log.add(.oom(freedBytes: freed), at: now)
    }

    /// Memory hog tick: release half in a burst every 20 s, else allocate a chunk unless holding.
    mutating func memhogTick(on c: Int) {
        if let restart = reclaim.memhogRestartAt {
            guard now >= restart else { return }
            reclaim.memhogRestartAt = nil
            reclaim.memhogNextRelease = now + Jiffies(config.hz) * WorkloadProfile.memhogReleasePeriodSeconds
        }
        if reclaim.memhogNextRelease == 0 {
            reclaim.memhogNextRelease = now + Jiffies(config.hz) * WorkloadProfile.memhogReleasePeriodSeconds
        }
        if now >= reclaim.memhogNextRelease {
            reclaim.memhogNextRelease = now + Jiffies(config.hz) * WorkloadProfile.memhogReleasePeriodSeconds
            let chunks = memory.anonBytes / WorkloadProfile.memhogChunkBytes / 2
            guard chunks > 0 else { reclaim.memhogHolding = false; return }
            memory.anonBytes -= chunks * WorkloadProfile.memhogChunkBytes
            reclaim.memhogHolding = false
            // munmap: each VMA freed through RCU (`vm_area_free`), plus a reference drop that frees nothing.
            freeRCU(cpu: c, run: CallbackRun(count: Int(chunks), bytesEach: WorkloadProfile.memhogVMABytes))
            freeRCU(cpu: c, run: CallbackRun(count: Int(chunks), bytesEach: 0, freesNothing: true))
            markBusy(c, until: now + 1)
            return
        }
        guard !reclaim.memhogHolding, reclaim.stalled == nil else { return }
        if !isBusy(c) { countWakeup(cpu: c, cause: .workload) }
        markBusy(c, until: now + 1)
        if allocateAnon(WorkloadProfile.memhogChunkBytes) == .oomKilled { reclaim.memhogHolding = false }
    }

    /// Proactive agent: write `memory.reclaim` of 1/256 of RAM. Modelled on `memory_reclaim()`:
    /// batches of a quarter of what is left (at least SWAP_CLUSTER_MAX pages), each a reclaim
    /// round at DEF_PRIORITY whose `shrink_slab` calls every shrinker, at most 16 rounds.
    mutating func proactiveWrite(on c: Int) {
        if !isBusy(c) { countWakeup(cpu: c, cause: .workload) }
        markBusy(c, until: now + max(1, params.jiffies(microseconds: 2_000)))
        reclaim.proactiveWrites += 1
        let want = memory.totalBytes / WorkloadProfile.proactiveReclaimDivisor
        var got: UInt64 = 0
        var rounds = 0
        while got < want && rounds < 16 {
            rounds += 1
            let batch = max((want - got) / 4, 32 * Simulation.pageBytes)
            let dropped = dropPageCache(batch)
            got += dropped
            got += shrinkSlab(priority: dropped > 0 ? defaultReclaimPriority : 0, trigger: .proactive)
            if dropped == 0 { break }
        }
    }
}
