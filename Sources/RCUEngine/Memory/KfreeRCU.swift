/// `kvfree_call_rcu`, `kfree_rcu_monitor`, `kfree_rcu_work`, the page-cache refill and the
/// "rcu-kfree" shrinker (kernel-rcu.md §5).
extension Simulation {
    /// `KVFREE_BULK_MAX_ENTR`: pointers per 4 KiB page on 64-bit.
    static let kvfreeBulkMaxEntries = 507
    /// `rcu_min_cached_objs`: pages kept per CPU.
    static let kfreeMinCachedPages = 5
    static let pageBytes: UInt64 = 4096

    /// `KFREE_DRAIN_JIFFIES` = 5 * HZ.
    var kfreeDrainJiffies: Jiffies { Jiffies(5 * config.hz) }

    /// `kfree_rcu(ptr, rhf)` (two arguments) or `kfree_rcu_mightsleep(ptr)` (`headless`) of
    /// `count` objects on `cpu` now. O(1 + count / 507).
    public mutating func kfreeRCU(cpu c: Int, count: Int, bytesEach: UInt64, headless: Bool = false) {
        precondition(c >= 0 && c < cpus.count && count > 0)
        ensureKrc()
        let snap = gp.gpSeq.snap
        var remaining = count
        while remaining > 0 {
            if let last = krcs[c].blocks.last, last.objects < Simulation.kvfreeBulkMaxEntries {
                let n = min(remaining, Simulation.kvfreeBulkMaxEntries - last.objects)
                let i = krcs[c].blocks.count - 1
                krcs[c].blocks[i].objects += n
                krcs[c].blocks[i].bytes += UInt64(n) * bytesEach
                krcs[c].blocks[i].gpSnap = snap
                addKfreeBytes(UInt64(n) * bytesEach)
                remaining -= n
                continue
            }
            // The current block is full (or there is none): take a cached page, or allocate one.
            if krcs[c].cachedPages > 0 {
                krcs[c].cachedPages -= 1
                krcs[c].blocks.append(.init())
                continue
            }
            if headless && canAllocatePage {
                kfreePages += 1
                reclaim.kfreePageAllocations += 1
                krcs[c].blocks.append(.init())
                continue
            }
            if headless {
                // No page: synchronize_rcu() inline, then kvfree(): the objects wait one GP.
                kfreeShown.inlineSynchronize += UInt64(remaining)
                reclaim.kfreePageFailures += 1
                callRCU(cpu: c, run: CallbackRun(count: remaining, hurry: true, bytesEach: bytesEach))
                remaining = 0
                break
            }
            // Two-argument form: link through the object's rcu_head; kick the page refill.
            krcs[c].head.objects += remaining
            krcs[c].head.bytes += UInt64(remaining) * bytesEach
            krcs[c].head.gpSnap = snap
            addKfreeBytes(UInt64(remaining) * bytesEach)
            kfreeShown.headListFallbacks += UInt64(remaining)
            reclaim.kfreePageFailures += 1
            remaining = 0
            scheduleKfreeRefill(cpu: c)
        }
        scheduleKfreeMonitor(cpu: c)
        checkMemoryPressure()
    }

    private mutating func ensureKrc() {
        if krcs.isEmpty { krcs = [KfreeRCUCPU](repeating: KfreeRCUCPU(), count: cpus.count) }
    }

    private mutating func addKfreeBytes(_ bytes: UInt64) {
        totals.bytesAllocated += bytes
        totals.bytesPending += bytes
        kfreeBytesHeld += bytes
    }

    /// Could a `__GFP_NORETRY` page allocation succeed? Not below the min watermark.
    var canAllocatePage: Bool { freeBytes >= memory.minWatermark + Simulation.pageBytes }

    /// `schedule_delayed_monitor_work`: 5 s, or 1 jiffy once a page's worth waits; pulls a
    /// pending work in if the new delay is shorter.
    mutating func scheduleKfreeMonitor(cpu c: Int) {
        let delay: Jiffies = krcs[c].queuedObjects >= Simulation.kvfreeBulkMaxEntries ? 1 : kfreeDrainJiffies
        let at = now + delay
        if krcs[c].isMonitorPending && krcs[c].monitorAt <= at { return }
        krcs[c].isMonitorPending = true
        krcs[c].monitorAt = at
        krcs[c].monitorGeneration &+= 1
        queue.schedule(.kfreeMonitor(cpu: Int32(c), generation: krcs[c].monitorGeneration), at: at)
    }

    mutating func kfreeMonitorEvent(cpu c: Int, generation: UInt32) {
        guard krcs[c].isMonitorPending, krcs[c].monitorGeneration == generation else { return }
        kfreeMonitor(cpu: c)
    }

    /// `kfree_rcu_monitor`: free what is already safe, hand the rest to a free batch slot, re-arm.
    mutating func kfreeMonitor(cpu c: Int) {
        krcs[c].isMonitorPending = false
        // (a) kvfree_rcu_drain_ready: blocks (oldest first) whose snapshot has completed.
        var drained = 0
        while let first = krcs[c].blocks.first, first.objects > 0, gp.gpSeq.isDone(first.gpSnap) {
            krcs[c].blocks.removeFirst()
            freeKfreeObjects(first.objects, bytes: first.bytes, pages: 1, cpu: c)
            kfreeShown.bulkFrees += 1
            drained += first.objects
        }
        if krcs[c].head.objects > 0 && gp.gpSeq.isDone(krcs[c].head.gpSnap) {
            let h = krcs[c].head
            krcs[c].head = .init()
            freeKfreeObjects(h.objects, bytes: h.bytes, pages: 0, cpu: c)
            drained += h.objects
        }
        kfreeShown.freedWithoutNewGP += UInt64(drained)
        // (b) kvfree_rcu_queue_batch: detach everything into the first free slot.
        if krcs[c].queuedObjects > 0, let s = krcs[c].slots.firstIndex(where: { !$0.isBusy }) {
            let blocks = krcs[c].blocks.filter { $0.objects > 0 }
            var slot = KfreeRCUCPU.Slot(isBusy: true)
            slot.objects = blocks.reduce(0) { $0 + $1.objects } + krcs[c].head.objects
            slot.bytes = blocks.reduce(0) { $0 + $1.bytes } + krcs[c].head.bytes
            slot.pages = blocks.count
            slot.headObjects = krcs[c].head.objects
            // Empty blocks (pages taken but unused) go back to the cache.
            let unused = krcs[c].blocks.count - blocks.count
            if unused > 0 { returnPages(unused, cpu: c) }
            krcs[c].blocks = []
            krcs[c].head = .init()
            // queue_rcu_work: call_rcu_hurry of the work's rcu_head (frees nothing itself).
            callRCU(cpu: c, run: CallbackRun(count: 1, hurry: true, bytesEach: 0, freesNothing: true))
            slot.target = cpus[c].invokedTotal + UInt64(cpus[c].length)
            krcs[c].slots[s] = slot
            kfreeSlotsBusy += 1
            kfreeShown.batchesQueued += 1
        }
        // (c) Work left (both slots busy): try again later.
        if krcs[c].queuedObjects > 0 { scheduleKfreeMonitor(cpu: c) }
    }

    /// After CPU `c` invoked callbacks: run `kfree_rcu_work` for slots whose GP has passed.
    mutating func checkKfreeSlots(cpu c: Int) {
        guard !krcs.isEmpty else { return }
        for s in 0..<2 where krcs[c].slots[s].isBusy && cpus[c].invokedTotal >= krcs[c].slots[s].target {
            let slot = krcs[c].slots[s]
            krcs[c].slots[s] = .init()
            kfreeSlotsBusy -= 1
            kfreeShown.bulkFrees += UInt64(slot.pages)
            freeKfreeObjects(slot.objects, bytes: slot.bytes, pages: slot.pages, cpu: c)
        }
    }

    /// kfree_bulk / kvfree: give the objects' memory back; pages to the cache (up to 5) or freed.
    private mutating func freeKfreeObjects(_ objects: Int, bytes: UInt64, pages: Int, cpu c: Int) {
        totals.bytesFreed += bytes
        totals.bytesPending -= bytes
        kfreeBytesHeld -= bytes
        history.bytesFreed += bytes
        kfreeShown.objectsFreed += UInt64(objects)
        returnPages(pages, cpu: c)
    }

    private mutating func returnPages(_ pages: Int, cpu c: Int) {
        let keep = min(pages, Simulation.kfreeMinCachedPages - krcs[c].cachedPages)
        krcs[c].cachedPages += max(0, keep)
        kfreePages -= pages - max(0, keep)
    }

    /// `run_page_cache_worker`: refill the cache now (after a shrinker hit: 1 page, 5 s later).
    private mutating func scheduleKfreeRefill(cpu c: Int) {
        guard !krcs[c].isRefillPending else { return }
        krcs[c].isRefillPending = true
        let delay: Jiffies = krcs[c].isBackingOff ? kfreeDrainJiffies : 1
        queue.schedule(.kfreeRefill(cpu: Int32(c)), at: now + delay)
    }

    /// `fill_page_cache_func`: allocate pages (`__GFP_NORETRY`) up to `rcu_min_cached_objs`.
    mutating func kfreeRefill(cpu c: Int) {
        krcs[c].isRefillPending = false
        let want = krcs[c].isBackingOff ? 1 : Simulation.kfreeMinCachedPages
        krcs[c].isBackingOff = false
        while krcs[c].cachedPages < want && canAllocatePage {
            krcs[c].cachedPages += 1
            kfreePages += 1
            reclaim.kfreePageAllocations += 1
        }
        if krcs[c].cachedPages < want { reclaim.kfreePageFailures += 1 }
    }

    /// The "rcu-kfree" shrinker: count queued objects and cached pages; scan frees the caches
    /// and runs the monitor at once on each CPU until `nr_to_scan` is used up.
    mutating func kfreeShrink(priority: Int) {
        guard !krcs.isEmpty else { return }
        kfreeShown.shrinkerCounts += 1
        var count = 0
        for c in krcs.indices {
            count += krcs[c].queuedObjects + krcs[c].cachedPages
            krcs[c].isBackingOff = true
        }
        guard count > 0 else { return }
        var left = max(shrinkBatch, (count >> priority) * 4 / 2)
        kfreeShown.shrinkerScans += 1
        for c in krcs.indices where krcs[c].queuedObjects + krcs[c].cachedPages > 0 {
            let n = krcs[c].queuedObjects + krcs[c].cachedPages
            kfreePages -= krcs[c].cachedPages
            krcs[c].cachedPages = 0
            if krcs[c].queuedObjects > 0 { kfreeMonitor(cpu: c) }
            left -= n
            if left <= 0 { break }
        }
    }

    var kfreeSnapshot: KfreeSnapshot {
        var s = kfreeShown
        for k in krcs {
            s.objectsQueued += k.queuedObjects
            s.cachedPages += k.cachedPages
            for slot in k.slots where slot.isBusy { s.objectsInFlight += slot.objects }
        }
        s.pagesInUse = kfreePages - s.cachedPages
        return s
    }
}
