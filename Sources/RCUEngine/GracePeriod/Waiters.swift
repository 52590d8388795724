/// Callers that wait for grace periods (kernel-rcu.md §4.6, §4.7): `rcu_barrier()` (flush every
/// bypass, entrain a callback behind everything queued on each CPU, wait for all of them),
/// `synchronize_rcu()` (a `call_rcu_hurry` of `wakeme_after_rcu`) and the expedited variant.
///
/// Completion is tracked with per-CPU invocation counts: callbacks on one CPU run in FIFO order,
/// so "the barrier callback on CPU n has run" is "CPU n has invoked k more callbacks".
struct WaitState: Sendable, Equatable {
    /// Per-CPU invocation count the barrier waits for (.max: not waited on).
    var barrierTargets: [UInt64] = []
    var barrierRemainingCPUs = 0
    var barrierStartedAt: Jiffies = 0
    /// Pending synchronize_rcu callers: CPU, invocation count to reach, start jiffy.
    var synchronizeWaiters: [SynchronizeWaiter] = []
    var shown = WaitSnapshot()

    struct SynchronizeWaiter: Sendable, Equatable {
        var cpu: Int
        var target: UInt64
        var startedAt: Jiffies
    }
}

extension Simulation {
    /// `rcu_barrier()`: on each CPU with callbacks, flush the bypass (lazy included), entrain a
    /// barrier callback after the last non-empty segment and wake rcuog if the list had nothing
    /// pending; complete when every barrier callback has run. A call while one is in progress
    /// piggybacks on it (`barrier_sequence`). Returns the number of CPUs it waits for.
    @discardableResult
    public mutating func rcuBarrier() -> Int {
        guard waits.barrierRemainingCPUs == 0 else { return waits.barrierRemainingCPUs }
        if waits.barrierTargets.count != cpus.count { waits.barrierTargets = [UInt64](repeating: .max, count: cpus.count) }
        var waited = 0
        var callbacks: UInt64 = 0
        for c in 0..<cpus.count where cpus[c].length > 0 {
            let wasAllDone = !cpus[c].cblist.hasPendingCallbacks
            flushBypass(cpu: c, reason: .barrier)
            // The barrier callback needs no grace period of its own, only to run after the others.
            let barrierCallback = CallbackBatch(count: 1, freesNothing: 1, oldestEnqueue: now, requiredGPSeq: gp.gpSeq.value)
            cpus[c].cblist.entrain(barrierCallback)
            totals.queued += 1
            noteLength(cpu: c)
            callbacks += UInt64(cpus[c].length)
            waits.barrierTargets[c] = cpus[c].invokedTotal + UInt64(cpus[c].length)
            waited += 1
            if cpus[c].isOffloaded {
                if wasAllDone && cpus[c].cblist.hasPendingCallbacks { wakeNocbGP(group: cpus[c].group, force: false) }
                if cpus[c].cblist.hasReadyCallbacks && cpus[c].rcuopAsleep {
                    cpus[c].rcuopAsleep = false
                    countWakeup(cpu: c, cause: .rcuop)
                    scheduleInvoke(cpu: c)
                }
            } else {
                softirqCallbacksQueued(cpu: c)
            }
        }
        waits.shown.barrierCallbacks = callbacks
        log.add(.barrier(cpus: waited, callbacks: Int(callbacks)), at: now)
        if waited == 0 {
            waits.shown.barriersCompleted += 1  // EarlyExit
            waits.shown.lastBarrierJiffies = 0
            return 0
        }
        waits.barrierRemainingCPUs = waited
        waits.barrierStartedAt = now
        waits.shown.barrierInProgress = true
        return waited
    }

    /// `synchronize_rcu()` from `cpu`: queue a `wakeme_after_rcu` with `call_rcu_hurry` and wait
    /// for it. The wait's length shows in `WaitSnapshot.lastSynchronizeJiffies`.
    public mutating func synchronizeRCU(cpu c: Int) {
        precondition(c >= 0 && c < cpus.count)
        callRCU(cpu: c, run: CallbackRun(count: 1, hurry: true, bytesEach: 0, freesNothing: true))
        waits.synchronizeWaiters.append(.init(cpu: c, target: cpus[c].invokedTotal + UInt64(cpus[c].length), startedAt: now))
    }

    /// `synchronize_rcu_expedited()`: IPI every online, non-idle CPU that has not reported a
    /// quiescent state; idle CPUs are not disturbed. Done within the jiffy (≈9 µs median,
    /// calibration.md), with its own `expedited_sequence` (+4).
    public mutating func synchronizeRCUExpedited() {
        var ipis: UInt64 = 0
        if workloads[WorkloadKind.build.index].isOn {
            ipis = UInt64(cpus.count)
        } else {
            for c in transientBusy where cpus[c].busyUntil > now { ipis += 1 }
        }
        waits.shown.expeditedSequence &+= 4
        waits.shown.expeditedCompleted += 1
        waits.shown.expeditedIPIs += ipis
    }

    /// Called after CPU `c` invoked callbacks: complete the waiters it satisfies.
    mutating func checkWaiters(cpu c: Int) {
        if waits.barrierRemainingCPUs > 0, waits.barrierTargets[c] != .max, cpus[c].invokedTotal >= waits.barrierTargets[c] {
            waits.barrierTargets[c] = .max
            waits.barrierRemainingCPUs -= 1
            if waits.barrierRemainingCPUs == 0 {
                waits.shown.barrierInProgress = false
                waits.shown.barriersCompleted += 1
                waits.shown.lastBarrierJiffies = now - waits.barrierStartedAt
                log.add(.barrierDone(jiffies: now - waits.barrierStartedAt), at: now)
            }
        }
        if !waits.synchronizeWaiters.isEmpty {
            var kept = 0
            for i in waits.synchronizeWaiters.indices {
                let w = waits.synchronizeWaiters[i]
                if w.cpu == c && cpus[c].invokedTotal >= w.target {
                    waits.shown.synchronizeCompleted += 1
                    waits.shown.lastSynchronizeJiffies = now - w.startedAt
                } else {
                    waits.synchronizeWaiters[kept] = w
                    kept += 1
                }
            }
            waits.synchronizeWaiters.removeLast(waits.synchronizeWaiters.count - kept)
        }
    }

    /// Keep the count of CPUs at or above `qovld` callbacks up to date after a length change.
    mutating func noteLength(cpu c: Int) {
        let len = cpus[c].length
        if (len > 0) != cpus[c].hasCallbacks {
            cpus[c].hasCallbacks = len > 0
            groups[cpus[c].group].setHasCallbacks(c, len > 0)
        }
        let over = len >= params.qovld
        if over != cpus[c].isOverloaded {
            cpus[c].isOverloaded = over
            overloadedCPUs += over ? 1 : -1
        }
    }
}
