/// The no-CB kthreads: one pass of rcuog over its group (`nocb_gp_wait`, kernel-rcu.md §2.5)
/// and rcuop invoking ready callbacks (`nocb_cb_wait`, §2.6).
extension Simulation {
    /// One pass of rcuog over its group: flush bypasses that are old or big enough, advance and
    /// accelerate, ask for grace periods, wake rcuop where callbacks are ready, then defer a
    /// LAZY or BYPASS wake and sleep or wait for the earliest grace period needed.
    mutating func rcuogPass(group g: Int) {
        guard groups[g].state == .passQueued else { return }
        let j = now
        // rcuog clears its deferral and timer once it has slept or waited.
        cancelDeferredWake(group: g)
        var needWaitGP = false
        var waitSeq: Int64 = 0
        var sawLazy = false
        var sawBypass = false
        // CPUs with no callbacks at all are skipped, as the kernel's loop does.
        var low = groups[g].withCallbacksLow
        var high = groups[g].withCallbacksHigh
        let base = groups[g].cpus.lowerBound
        while low != 0 || high != 0 {
            let c: Int
            if low != 0 {
                c = base + low.trailingZeroBitCount
                low &= low - 1
            } else {
                c = base + 64 + high.trailingZeroBitCount
                high &= high - 1
            }
            guard cpus[c].isOffloaded else { continue }
            let ncbs = cpus[c].bypass.count
            if ncbs == 0 && cpus[c].cblist.isEmpty { continue }  // nothing here
            let lazyN = cpus[c].bypass.lazyLength
            if ncbs > 0 {
                let first = cpus[c].bypass.firstJiffy
                var reason: FlushReason? = nil
                if lazyN == ncbs {
                    // All lazy: flush when older than jiffies_lazy_flush or above 2*qhimark.
                    if timeAfter(j, first + params.lazyFlushJiffies) { reason = .lazyTimer }
                    else if ncbs > 2 * params.qhimark { reason = .size }
                } else {
                    // Some non-lazy: flush when first enqueued more than a jiffy ago, or above 2*qhimark.
                    if timeAfter(j, first + 1) { reason = lazyN > 0 ? .hurry : .bypassAge }
                    else if ncbs > 2 * params.qhimark { reason = .size }
                }
                if let reason { flushBypass(cpu: c, reason: reason) }
                if !cpus[c].bypass.isEmpty {
                    if cpus[c].bypass.isAllLazy { sawLazy = true } else { sawBypass = true }
                }
            }
            // Advance if NEXT has callbacks or the awaited grace period has completed.
            if !cpus[c].cblist.isRestEmpty(after: .nextReady) || (cpus[c].cblist.nextGP.map { gp.gpSeq.isDone($0) } ?? false) {
                advanceAndAccelerate(cpu: c)
            }
            if let next = cpus[c].cblist.nextGP {
                if !needWaitGP || GPSeq.isBefore(next, waitSeq) { waitSeq = next }
                needWaitGP = true
            }
            if cpus[c].cblist.hasReadyCallbacks && cpus[c].rcuopAsleep {
                cpus[c].rcuopAsleep = false
                countWakeup(cpu: c, cause: .rcuop)
                scheduleInvoke(cpu: c)
            }
        }
        // A non-empty bypass must not be stranded: WakeLazyIsDeferred / WakeBypassIsDeferred.
        if sawLazy && !sawBypass {
            deferWake(from: groups[g].leader, level: .lazy)
        } else if sawBypass {
            deferWake(from: groups[g].leader, level: .bypass)
        }
        if needWaitGP {
            if gp.gpSeq.isDone(waitSeq) {
                groups[g].state = .passQueued
                queue.schedule(.rcuogPass(group: Int32(g)), at: now)
            } else {
                groups[g].state = .waitingForGP(waitSeq)
                gpWaiters.append(g)
            }
        } else {
            groups[g].state = .sleeping
        }
    }

    /// `rcu_advance_cbs`: move finished segments to DONE, then accelerate the rest and ask for
    /// the grace period they need (`rcu_start_this_gp`).
    mutating func advanceAndAccelerate(cpu c: Int) {
        guard cpus[c].cblist.hasPendingCallbacks else { return }
        cpus[c].cblist.advance(to: gp.gpSeq.value)
        guard cpus[c].cblist.hasPendingCallbacks else { return }
        let seq = gp.gpSeq.snap
        if cpus[c].cblist.accelerate(to: seq) { requestGP(seq) }
    }

    mutating func scheduleInvoke(cpu c: Int) {
        guard !cpus[c].invokeQueued else { return }
        cpus[c].invokeQueued = true
        queue.schedule(.rcuopRun(cpu: Int32(c)), at: now)
    }

    /// rcuop/N: `rcu_do_batch` on all of DONE (no `blimit` in kthread context), then advance if
    /// the next grace period is done, and sleep when nothing is ready.
    mutating func rcuopRun(cpu c: Int) {
        cpus[c].invokeQueued = false
        guard cpus[c].isOffloaded else { return }
        invoke(cpus[c].cblist.extractDoneCallbacks(), on: c)
        if let next = cpus[c].cblist.nextGP, gp.gpSeq.isDone(next) {
            advanceAndAccelerate(cpu: c)
        }
        if cpus[c].cblist.hasReadyCallbacks {
            scheduleInvoke(cpu: c)
        } else {
            cpus[c].rcuopAsleep = true
        }
    }

    /// Run the callbacks of `batch`: count them and give their memory back.
    mutating func invoke(_ batch: CallbackBatch, on c: Int) {
        guard batch.count > 0 else { return }
        if !gp.gpSeq.isDone(batch.requiredGPSeq) { earlyInvocations += UInt64(batch.count) }
        totals.invoked += UInt64(batch.count)
        cpus[c].invokedTotal += UInt64(batch.count)
        noteLength(cpu: c)
        if waits.barrierRemainingCPUs > 0 || !waits.synchronizeWaiters.isEmpty { checkWaiters(cpu: c) }
        if kfreeSlotsBusy > 0 { checkKfreeSlots(cpu: c) }
        totals.bytesFreed += batch.bytes
        totals.bytesPending -= batch.bytes
        history.bytesFreed += batch.bytes
    }
}
