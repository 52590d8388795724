/// One run of objects waiting in the slab as "free after GP `gpSnap`".
struct SlabDeferredEntry: Sendable, Equatable {
    var gpSnap: Int64
    var objects: UInt64
    var bytes: UInt64
}

/// `slab-deferred`: the slab allocator keeps freed objects marked "not until GP n"
/// (`get_state_synchronize_rcu`), as FreeBSD's UMA SMR does and as the LSFMM 2023 proposal asked
/// (kernel-rcu.md §8; v6.18 sheaves are the nearest landed relative). No callback is queued and
/// nothing is allocated on the free path. The objects come back:
/// - on reclaim (`shrink_slab`, any trigger), at once for every run whose GP is past; runs still
///   waiting get their GP requested (`start_poll_synchronize_rcu`), counted as a memory flush;
/// - on the slab's next free (reuse), for runs whose GP is past;
/// - and the slab asks for a GP itself at most once per `jiffies_lazy_flush` (10 s), so with no
///   pressure it costs about what one lazy flush costs.
extension Simulation {
    /// A workload frees objects through RCU: `call_rcu` (or `kfree_rcu`), or into the slab under
    /// `slab-deferred` (memory-freeing, non-hurry frees only).
    mutating func freeRCU(cpu c: Int, run: CallbackRun, kfree: Bool = false) {
        reclaim.workloadFrees += UInt64(run.count)
        if policy == .slabDeferred && !run.hurry && !run.freesNothing && run.bytesEach > 0 {
            slabDefer(objects: UInt64(run.count), bytes: UInt64(run.count) * run.bytesEach)
        } else if kfree {
            kfreeRCU(cpu: c, count: run.count, bytesEach: run.bytesEach)
        } else {
            callRCU(cpu: c, run: run)
        }
    }

    /// Put objects in the slab as "free after the GP that starts after now".
    mutating func slabDefer(objects: UInt64, bytes: UInt64) {
        slabRecycle()
        let snap = gp.gpSeq.snap
        if reclaim.slabDeferred.count > reclaim.slabHead, reclaim.slabDeferred[reclaim.slabDeferred.count - 1].gpSnap == snap {
            reclaim.slabDeferred[reclaim.slabDeferred.count - 1].objects += objects
            reclaim.slabDeferred[reclaim.slabDeferred.count - 1].bytes += bytes
        } else {
            reclaim.slabDeferred.append(SlabDeferredEntry(gpSnap: snap, objects: objects, bytes: bytes))
        }
        reclaim.slabDeferredBytes += bytes
        reclaim.slabDeferredObjects += objects
        totals.bytesAllocated += bytes
        if !reclaim.slabPollPending {
            reclaim.slabPollPending = true
            reclaim.slabPollGeneration &+= 1
            queue.schedule(.slabPoll(generation: reclaim.slabPollGeneration), at: now + params.lazyFlushJiffies)
        }
        checkMemoryPressure()
    }

    /// The slab's own lazy GP request, 10 s after the first object it is holding.
    mutating func slabPoll(generation: UInt32) {
        guard reclaim.slabPollPending, generation == reclaim.slabPollGeneration else { return }
        reclaim.slabPollPending = false
        slabRecycle()
        guard reclaim.slabDeferred.count > reclaim.slabHead else { return }
        let newest = reclaim.slabDeferred[reclaim.slabDeferred.count - 1].gpSnap
        if GPSeq.isBefore(gp.gpSeqNeeded, newest) {
            requestGP(newest)
            reclaim.slabGPRequests += 1
        }
        // Poll again while objects wait, so they go back even when nothing else frees or reclaims.
        reclaim.slabPollPending = true
        reclaim.slabPollGeneration &+= 1
        queue.schedule(.slabPoll(generation: reclaim.slabPollGeneration), at: now + params.lazyFlushJiffies)
    }

    /// Reuse by the slab: runs whose GP is past go back to the free lists.
    mutating func slabRecycle() {
        let n = takeSlabDeferredDone()
        reclaim.slabRecycledBytes += n
    }

    /// Reclaim takes back every run whose GP is past (memory back at once); if runs still wait,
    /// their GP is requested. Returns the bytes taken back.
    mutating func slabDeferredReclaim(trigger: ReclaimTrigger) -> UInt64 {
        guard reclaim.slabDeferred.count > reclaim.slabHead else { return 0 }
        let n = takeSlabDeferredDone()
        reclaim.slabReclaimedBytes += n
        if reclaim.slabDeferred.count > reclaim.slabHead {
            let newest = reclaim.slabDeferred[reclaim.slabDeferred.count - 1].gpSnap
            if GPSeq.isBefore(gp.gpSeqNeeded, newest) {
                requestGP(newest)
                reclaim.slabGPRequests += 1
                noteMemoryFlush(trigger: trigger, callbacks: 0)
            }
        }
        return n
    }

    private mutating func takeSlabDeferredDone() -> UInt64 {
        var bytes: UInt64 = 0
        while reclaim.slabHead < reclaim.slabDeferred.count, gp.gpSeq.isDone(reclaim.slabDeferred[reclaim.slabHead].gpSnap) {
            let e = reclaim.slabDeferred[reclaim.slabHead]
            reclaim.slabHead += 1
            bytes += e.bytes
            reclaim.slabDeferredBytes -= e.bytes
            reclaim.slabDeferredObjects -= e.objects
        }
        if reclaim.slabHead > 64 && reclaim.slabHead * 2 > reclaim.slabDeferred.count {
            reclaim.slabDeferred.removeFirst(reclaim.slabHead)
            reclaim.slabHead = 0
        }
        if bytes > 0 {
            totals.bytesFreed += bytes
            history.bytesFreed += bytes
        }
        return bytes
    }
}
