/// The grace-period kthread's state machine (kernel-rcu.md §4): request, start, FQS waits,
/// quiescent states, cleanup, and back-to-back grace periods while more are needed.
extension Simulation {
    /// `rcu_start_this_gp(c)`: record that grace period `c` is needed and wake the GP kthread
    /// if it is idle. A request already covered by `gp_seq_needed` does nothing.
    mutating func requestGP(_ c: Int64) {
        guard GPSeq.isBefore(gp.gpSeqNeeded, c) else { return }  // Prestarted
        gp.gpSeqNeeded = c
        guard !gp.gpSeq.isInProgress, gp.state == .waitGPs, !gp.hasPendingEvent else { return }
        // rcu_gp_kthread_wake: the kthread sleeps in RCU_GP_WAIT_GPS (reqwait).
        countWakeup(cpu: 0, cause: .gpKthread)
        gp.state = .doneGPs
        scheduleGPEvent(at: now)
    }

    private mutating func scheduleGPEvent(at jiffy: Jiffies) {
        gp.generation &+= 1
        gp.hasPendingEvent = true
        queue.schedule(.gpKthread(generation: gp.generation), at: jiffy)
    }

    mutating func gpKthreadEvent(generation: UInt32) {
        guard generation == gp.generation, gp.hasPendingEvent else { return }
        gp.hasPendingEvent = false
        switch gp.state {
        case .doneGPs:
            startGP()
        case .waitFQS:
            fqsWake()
        default:
            break
        }
    }

    /// `rcu_gp_init`: `rcu_seq_start`, then plan every CPU's quiescent state.
    private mutating func startGP() {
        gp.state = .initializing
        gp.gpSeq.start()
        gp.startedAt = now
        gp.fqsInThisGP = 0
        if !gp.busyOwing.isEmpty { gp.busyOwing.removeAll(keepingCapacity: true) }
        // Callback overload (a CPU at qovld): the first FQS is immediate and the interval
        // becomes (j + 2) / 3 (rcu_gp_fqs_loop with RCU_GP_FLAG_OVLD).
        let overloaded = overloadedCPUs > 0
        let first = overloaded ? now : now + params.jiffiesTillFirstFQS
        let next = overloaded ? max(1, (params.jiffiesTillNextFQS + 2) / 3) : params.jiffiesTillNextFQS
        gp.fqsInterval = next
        gp.firstFQSAt = first
        gp.nextFQSAt = first
        var lastReport = now
        var busyCount = 0
        let urgentBy = now + params.jiffiesToSchedQS
        if workloads[WorkloadKind.build.index].isOn {
            // Every CPU runs build jobs: each reports at its next context switch.
            for c in 0..<cpus.count {
                let at = min(now + contextSwitchDelay(cpu: c, build: true), urgentBy)
                gp.busyOwing.append((c, at))
                lastReport = max(lastReport, at)
            }
            busyCount = cpus.count
        } else {
            var kept = 0
            for i in transientBusy.indices {
                let c = transientBusy[i]
                if cpus[c].busyUntil > now {
                    transientBusy[kept] = c
                    kept += 1
                    let at = min(now + contextSwitchDelay(cpu: c, build: false), cpus[c].busyUntil, urgentBy)
                    gp.busyOwing.append((c, at))
                    lastReport = max(lastReport, at)
                } else {
                    cpus[c].inBusyList = false
                }
            }
            if kept < transientBusy.count { transientBusy.removeLast(transientBusy.count - kept) }
            busyCount = kept
        }
        // Idle CPUs are credited at the first FQS (dti); the GP kthread's idle CPU is the holdout
        // credited at the second.
        gp.cpu0IsHoldout = !isBusy(0)
        gp.holdoutCreditAt = first + next
        var end = lastReport
        if busyCount < cpus.count { end = max(end, first) }
        if gp.cpu0IsHoldout { end = max(end, gp.holdoutCreditAt) }
        gp.allReportedAt = end
        gp.state = .waitFQS
        scheduleGPEvent(at: min(gp.nextFQSAt, end))
    }

    /// The next context switch of a busy CPU, from the workload's busy pattern: a hash of
    /// (seed, grace period, CPU), so it does not depend on the order CPUs are visited. Build
    /// jobs switch after an exponentially distributed time (so the slowest of many CPUs sets the
    /// GP length, which grows with the CPU count); short bursts switch within 0.5-3 ms.
    func contextSwitchDelay(cpu c: Int, build: Bool) -> Jiffies {
        if let forced = contextSwitchOverride { return forced }
        let h = SplitMix64.mix(config.seed ^ UInt64(bitPattern: gp.gpSeq.value) &* 0x9E37_79B9 ^ UInt64(c) &* 0xD1B5_4A32_D192_ED03)
        let us: UInt64
        if build {
            let u = max(Double(h >> 11) * (1.0 / 9_007_199_254_740_992.0), 1e-12)
            us = UInt64(-Double(WorkloadProfile.buildContextSwitchMeanMicroseconds) * RCUEngine.log(u))
        } else {
            let range = WorkloadProfile.burstContextSwitchMicroseconds
            us = range.lowerBound + h % (range.upperBound - range.lowerBound + 1)
        }
        return params.jiffies(microseconds: us, minimum: 1)
    }

    /// The GP kthread wakes in RCU_GP_WAIT_FQS: an FQS timeout, or the last QS report.
    private mutating func fqsWake() {
        if now > gp.startedAt { countWakeup(cpu: 0, cause: .gpKthread) }
        if now >= gp.nextFQSAt {
            gp.state = .doingFQS
            gp.fqsScans += 1
            gp.fqsInThisGP += 1
            gp.nextFQSAt = now + gp.fqsInterval
        }
        if now >= gp.allReportedAt {
            cleanupGP()
        } else {
            gp.state = .waitFQS
            scheduleGPEvent(at: min(gp.nextFQSAt, gp.allReportedAt))
        }
    }

    /// `rcu_gp_cleanup`: `rcu_seq_end`, wake rcuog waiters, and start the next grace period at
    /// once if `gp_seq_needed` is ahead.
    private mutating func cleanupGP() {
        gp.state = .cleanup
        let endedSeq = gp.gpSeq.value
        let duration = now - gp.startedAt
        gp.gpSeq.end()
        gp.completed += 1
        gp.recentDurations.append(duration)
        if !gp.busyOwing.isEmpty { gp.busyOwing.removeAll(keepingCapacity: true) }
        history.gracePeriods += 1
        log.noteGPEnd(seq: endedSeq, durationJiffies: duration, at: now, hz: config.hz)
        // rcu_nocb_gp_cleanup: wake the rcuog kthreads whose grace period is now done.
        if !gpWaiters.isEmpty {
            var still = 0
            for i in gpWaiters.indices {
                let g = gpWaiters[i]
                guard case .waitingForGP(let seq) = groups[g].state else { continue }
                if gp.gpSeq.isDone(seq) {
                    countWakeup(cpu: groups[g].leader, cause: .rcuog)
                    groups[g].state = .passQueued
                    queue.schedule(.rcuogPass(group: Int32(g)), at: now)
                } else {
                    gpWaiters[still] = g
                    still += 1
                }
            }
            if still < gpWaiters.count { gpWaiters.removeLast(gpWaiters.count - still) }
        }
        gpCompletedForSoftirqCPUs()
        gp.state = .cleaned
        if GPSeq.isBefore(gp.gpSeq.value, gp.gpSeqNeeded) {
            // newreq: the kthread is awake; the next grace period starts now.
            startGP()
        } else {
            gp.state = .waitGPs
        }
    }
}
