/// Where a callback queued by `call_rcu()` went (kernel-rcu.md §2.2).
public enum CallbackPlacement: Sendable, Equatable {
    /// Step 3: few calls this jiffy and not lazy: the bypass was flushed and the callback went
    /// straight onto `->cblist` (trace `FirstQ` when the list had nothing pending).
    case cblist
    /// Step 4: the bypass was too old or too full; it was flushed with this callback onto `->cblist`.
    case cblistWithBypassFlush
    /// Step 5: parked on `->nocb_bypass` (trace `FirstBQ` when it was empty).
    case bypass
    /// Not offloaded: `call_rcu_core()` put it on NEXT for softirq; laziness ignored.
    case softirqList
}

/// What one `call_rcu` of a run of callbacks did, callback by callback, counted.
public struct CallRCUOutcome: Sendable, Equatable {
    /// Callbacks per placement.
    public var cblist = 0
    public var cblistWithBypassFlush = 0
    public var bypass = 0
    public var softirqList = 0
    /// Callbacks moved from the bypass onto `->cblist` by this call's flushes.
    public var bypassCallbacksFlushed = 0
    /// Where the last callback of the run went.
    public var last: CallbackPlacement? = nil

    public init() {}
}

/// A run of callbacks a workload (or a test) queues on one CPU in one jiffy.
public struct CallbackRun: Sendable, Equatable {
    public var count: Int
    /// `call_rcu_hurry()` (never lazy) rather than `call_rcu()`.
    public var hurry: Bool
    /// Bytes each callback frees when invoked.
    public var bytesEach: UInt64
    /// The callbacks free no memory (e.g. `wakeme_after_rcu`).
    public var freesNothing: Bool

    public init(count: Int, hurry: Bool = false, bytesEach: UInt64 = 256, freesNothing: Bool = false) {
        self.count = count; self.hurry = hurry; self.bytesEach = bytesEach; self.freesNothing = freesNothing
    }
}

extension Simulation {
    /// Queue `count` callbacks on `cpu` now, as `call_rcu()` (lazy if lazy RCU is on) or
    /// `call_rcu_hurry()`. Test and scenario hook; workloads use the same path.
    @discardableResult
    public mutating func callRCU(cpu: Int, count: Int, hurry: Bool = false, bytesEach: UInt64 = 256) -> CallRCUOutcome {
        precondition(cpu >= 0 && cpu < cpus.count && count > 0)
        return callRCU(cpu: cpu, run: CallbackRun(count: count, hurry: hurry, bytesEach: bytesEach))
    }

    /// `call_rcu()` / `call_rcu_hurry()` for a run of callbacks on one CPU in the current jiffy:
    /// `rcu_nocb_try_bypass` applied to the run as a whole, split only where its decision
    /// changes (kernel-rcu.md §2.2). O(1 + count / qhimark).
    @discardableResult
    mutating func callRCU(cpu c: Int, run: CallbackRun) -> CallRCUOutcome {
        let j = now  // jiffies, read once
        // lazy = lazy_in && !rcu_async_should_hurry(); with lazy RCU off every call is a hurry.
        let lazy = lazyEnabled && !run.hurry
        var outcome = CallRCUOutcome()
        let snap = gp.gpSeq.snap
        func makeBatch(_ n: Int) -> CallbackBatch {
            CallbackBatch(count: n, lazyCount: lazy ? n : 0, bytes: run.bytesEach * UInt64(n),
                          freesNothing: run.freesNothing ? n : 0, oldestEnqueue: j, requiredGPSeq: snap)
        }
        totals.queued += UInt64(run.count)
        let bytes = run.bytesEach * UInt64(run.count)
        totals.bytesAllocated += bytes
        totals.bytesPending += bytes

        // Step 1: not offloaded: call_rcu_core() enqueues on NEXT; laziness is ignored.
        guard cpus[c].isOffloaded else {
            cpus[c].cblist.enqueue(makeBatch(run.count))
            outcome.softirqList = run.count
            outcome.last = .softirqList
            softirqCallbacksQueued(cpu: c)
            noteLength(cpu: c)
            checkMemoryPressure()
            return outcome
        }

        // Step 2: the per-jiffy no-bypass counter, for the run as a whole. The first call of a
        // new jiffy sees the old count reduced by the limit and clamped to [0, limit]; each
        // later call in the same jiffy adds one.
        let limit = params.noBypassLimitPerJiffy
        let firstCount: Int
        if j == cpus[c].noBypassLast {
            firstCount = cpus[c].noBypassCount + 1
        } else {
            cpus[c].noBypassLast = j
            let old = cpus[c].noBypassCount
            firstCount = old < limit ? 0 : min(old - limit, limit)
        }
        cpus[c].noBypassCount = firstCount + run.count - 1
        var remaining = run.count

        // Step 3: while the count is below the limit, non-lazy callbacks flush the bypass (lazy
        // ones included: this is how a hurry callback rescues lazy ones) and go onto ->cblist.
        if !lazy && firstCount < limit {
            let direct = min(remaining, limit - firstCount)
            let wasAllDone = !cpus[c].cblist.hasPendingCallbacks
            if !cpus[c].bypass.isEmpty {
                let reason: FlushReason = cpus[c].bypass.lazyLength > 0 ? .hurry : .bypassAge
                outcome.bypassCallbacksFlushed += flushBypass(cpu: c, reason: reason)
            }
            cpus[c].cblist.enqueue(makeBatch(direct))
            remaining -= direct
            outcome.cblist += direct
            outcome.last = .cblist
            callRCUNocbWake(cpu: c, wasAllDone: wasAllDone)
            if direct > 1 { callRCUNocbWake(cpu: c, wasAllDone: false) }
        }

        // Steps 4 and 5 for the rest, one run at a time.
        while remaining > 0 {
            let ncbs = cpus[c].bypass.count
            let bypassIsLazy = cpus[c].bypass.isAllLazy
            let first = cpus[c].bypass.firstJiffy
            // Step 4: flush-and-enqueue when the bypass is (a) not all-lazy and from an older
            // jiffy, (b) all-lazy and older than jiffies_lazy_flush, or (c) at qhimark.
            var reason: FlushReason? = nil
            if ncbs > 0 && !bypassIsLazy && j != first {
                reason = cpus[c].bypass.lazyLength > 0 ? .hurry : .bypassAge
            } else if ncbs > 0 && bypassIsLazy && timeAfter(j, first + params.lazyFlushJiffies) {
                reason = .lazyTimer
            } else if ncbs >= params.qhimark {
                reason = .size
            }
            if let reason {
                let wasAllDone = !cpus[c].cblist.hasPendingCallbacks
                outcome.bypassCallbacksFlushed += flushBypass(cpu: c, reason: reason, then: makeBatch(1))
                remaining -= 1
                outcome.cblistWithBypassFlush += 1
                outcome.last = .cblistWithBypassFlush
                advanceIfGPCompleted(cpu: c)
                callRCUNocbWake(cpu: c, wasAllDone: wasAllDone)
                continue
            }
            // Step 5: park on the bypass. Within this jiffy nothing changes the decision until
            // qhimark, except a non-lazy callback joining an older all-lazy bypass, after which
            // the very next callback meets (a).
            var n = min(remaining, params.qhimark - ncbs)
            if ncbs > 0 && bypassIsLazy && !lazy && j != first { n = 1 }
            cpus[c].bypass.append(makeBatch(n), lazy: lazy, at: j)
            totals.bypassLength += n
            if lazy {
                totals.lazyLength += n
                totals.bytesLazy += run.bytesEach * UInt64(n)
            }
            remaining -= n
            outcome.bypass += n
            outcome.last = .bypass
            // Wake (or arm the timer) only for the first entry, or the first non-lazy one
            // joining lazy ones, and only if ->cblist has nothing pending (FirstBQwake).
            if ncbs == 0 || (bypassIsLazy && !lazy) {
                if !cpus[c].cblist.hasPendingCallbacks { callRCUNocbWake(cpu: c, wasAllDone: true) }
            }
        }
        noteLength(cpu: c)
        checkMemoryPressure()
        return outcome
    }

    /// `rcu_nocb_flush_bypass`: move the whole bypass (then `extra`, if any) onto NEXT of
    /// `->cblist`; `lazy_len = 0`. Returns the number of bypass callbacks moved.
    @discardableResult
    mutating func flushBypass(cpu c: Int, reason: FlushReason, then extra: CallbackBatch? = nil) -> Int {
        let lazyBytes = cpus[c].bypass.lazyBytes
        let lazyCount = cpus[c].bypass.lazyLength
        let moved = cpus[c].bypass.flush(at: now)
        if let extra { cpus[c].cblist.enqueue(moved); cpus[c].cblist.enqueue(extra) } else { cpus[c].cblist.enqueue(moved) }
        guard moved.count > 0 else { return 0 }
        totals.bypassLength -= moved.count
        totals.lazyLength -= lazyCount
        totals.bytesLazy -= lazyBytes
        totals.flushCount[reason.index] += 1
        totals.flushCallbacks[reason.index] += UInt64(moved.count)
        if reason != .shrinker && reason != .reclaimHook { log.add(.flush(reason, cpu: c, callbacks: moved.count, lazy: lazyCount), at: now) }
        if reason == .lazyTimer || reason == .shrinker || reason == .reclaimHook { log.lazyFlushAwaitingGP = true }
        return moved.count
    }

    /// The opportunistic `rcu_advance_cbs_nowake` of the enqueue path: once per jiffy, when the
    /// grace period the list waits for has completed and another is in progress.
    mutating func advanceIfGPCompleted(cpu c: Int) {
        guard now != cpus[c].nocbGPAdvTime, let next = cpus[c].cblist.nextGP, gp.gpSeq.isDone(next) else { return }
        cpus[c].nocbGPAdvTime = now
        guard gp.gpSeq.isInProgress else { return }
        advanceAndAccelerate(cpu: c)
    }

    /// `__call_rcu_nocb_wake`: after an enqueue, wake rcuog now, defer the wake, or do nothing
    /// (kernel-rcu.md §2.3). Interrupts are taken as enabled at every `call_rcu`.
    mutating func callRCUNocbWake(cpu c: Int, wasAllDone: Bool) {
        let len = cpus[c].length
        if wasAllDone {
            cpus[c].qlenLastFQSCheck = len
            let bypass = cpus[c].bypass
            if bypass.lazyLength > 0 && bypass.count == bypass.lazyLength {
                // Only lazy callbacks buffered: WakeLazy.
                deferWake(from: c, level: .lazy)
            } else {
                // WakeEmpty.
                wakeNocbGP(group: cpus[c].group, force: false)
            }
        } else if len > cpus[c].qlenLastFQSCheck + params.qhimark {
            // Callback overload: WakeOvfIsDeferred.
            cpus[c].qlenLastFQSCheck = len
            advanceIfGPCompleted(cpu: c)
            let g = cpus[c].group
            if (cpus[c].rcuopAsleep || !cpus[c].cblist.hasReadyCallbacks) && !groups[g].isTimerPending {
                deferWake(from: c, level: .force)
            }
        }
        // Otherwise WakeNot.
    }

    /// `wake_nocb_gp_defer(rdp, type)`: arm the group timer and raise the deferred level, with
    /// the kernel's override rules (kernel-rcu.md §2.4):
    /// - LAZY: only if the level is NOT, arm at +jiffies_lazy_flush and set LAZY; otherwise
    ///   leave everything alone. Before the 2025 fix (`.v6_12`) the level tested is the
    ///   enqueuing CPU's own, which is always NOT on a non-leader CPU, so the LAZY wake
    ///   overrides (and pushes out to 10 s) a pending BYPASS or WAKE deferral.
    /// - BYPASS: always re-arm at +2 and set BYPASS.
    /// - WAKE / FORCE: arm at +1 if the level is below WAKE, then raise the level if lower.
    mutating func deferWake(from c: Int, level: DeferredWake) {
        let g = cpus[c].group
        let current = groups[g].deferredWake
        switch level {
        case .not:
            return
        case .lazy:
            let isLeader = groups[g].leader == c
            let tested: DeferredWake = (config.kernel == .v6_12 && !isLeader) ? .not : current
            if tested == .not {
                armTimer(group: g, expires: now + params.lazyFlushJiffies)
                groups[g].deferredWake = .lazy
            }
        case .bypass:
            armTimer(group: g, expires: now + 2)
            groups[g].deferredWake = .bypass
        case .wake, .force:
            if current < .wake { armTimer(group: g, expires: now + 1) }
            if current < level { groups[g].deferredWake = level }
        }
    }

    /// `mod_timer(&rdp_gp->nocb_timer, expires)`.
    mutating func armTimer(group g: Int, expires: Jiffies) {
        groups[g].isTimerPending = true
        groups[g].timerExpires = expires
        let fire = TimerWheel.fireJiffy(expires: expires, armedAt: now)
        groups[g].timerFireAt = fire
        if let queued = groups[g].queuedTimerEventAt, queued <= fire { return }  // that event will re-queue
        groups[g].timerGeneration &+= 1
        groups[g].queuedTimerEventAt = fire
        queue.schedule(.nocbTimer(group: Int32(g), generation: groups[g].timerGeneration), at: fire)
    }

    /// `del_timer(&rdp_gp->nocb_timer)` and `nocb_defer_wakeup = RCU_NOCB_WAKE_NOT`.
    mutating func cancelDeferredWake(group g: Int) {
        if groups[g].deferredWake > .not { groups[g].deferredWake = .not }
        groups[g].isTimerPending = false
    }

    /// `do_nocb_deferred_wakeup_timer`: the group timer fired; wake rcuog whatever the level.
    mutating func nocbTimerFired(group g: Int, generation: UInt32) {
        guard groups[g].timerGeneration == generation else { return }
        groups[g].queuedTimerEventAt = nil
        guard groups[g].isTimerPending else { return }
        if groups[g].timerFireAt > now {
            // Re-armed for later since this event was queued: move the event.
            groups[g].queuedTimerEventAt = groups[g].timerFireAt
            queue.schedule(.nocbTimer(group: Int32(g), generation: generation), at: groups[g].timerFireAt)
            return
        }
        groups[g].isTimerPending = false
        let level = groups[g].deferredWake
        countWakeup(cpu: groups[g].leader, cause: level == .lazy ? .lazyTimer : .bypassTimer)
        wakeNocbGP(group: g, force: level == .force)
    }

    /// `wake_nocb_gp` / `__wake_nocb_gp`: cancel any deferral and wake rcuog if it sleeps or waits.
    mutating func wakeNocbGP(group g: Int, force: Bool) {
        cancelDeferredWake(group: g)
        switch groups[g].state {
        case .sleeping, .waitingForGP:
            countWakeup(cpu: groups[g].leader, cause: .rcuog)
            groups[g].state = .passQueued
            queue.schedule(.rcuogPass(group: Int32(g)), at: now)
        case .passQueued:
            break  // AlreadyAwake
        }
    }
}
