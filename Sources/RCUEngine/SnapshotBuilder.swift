extension Simulation {
    /// The state right now, as an immutable value. O(CPUs + history + log).
    public func snapshot() -> Snapshot {
        let second = now / UInt64(config.hz)
        // Who still owes a quiescent state to the grace period in progress.
        var owes = [Bool](repeating: false, count: cpus.count)
        if gp.gpSeq.isInProgress && gp.state != .initializing {
            var busy = [Bool](repeating: false, count: cpus.count)
            for (c, at) in gp.busyOwing {
                busy[c] = true
                if at > now { owes[c] = true }
            }
            for c in 0..<cpus.count where !busy[c] {
                if c == 0 && gp.cpu0IsHoldout {
                    owes[c] = now < gp.holdoutCreditAt
                } else {
                    owes[c] = now < gp.firstFQSAt
                }
            }
        }
        let cpuSnapshots = cpus.map { d in
            var c = CPUSnapshot(id: d.id, isOffloaded: d.isOffloaded, activity: isBusy(d.id) ? .busy : .idle,
                        segmentLengths: d.cblist.segmentLengths, bypassLength: d.bypass.count, lazyLength: d.bypass.lazyLength,
                        wakeups: d.wakeups, wakeupsLastSecond: d.wakeups(inSecondBefore: second),
                        owesQuiescentState: owes[d.id])
            c.bypassFirstJiffy = d.bypass.isEmpty ? nil : d.bypass.firstJiffy
            return c
        }
        let inProgress = gp.gpSeq.isInProgress
        let gpSnap = GracePeriodSnapshot(
            gpSeq: gp.gpSeq.value, state: gp.state, inProgress: inProgress, startedAt: gp.startedAt,
            elapsedJiffies: inProgress ? now - gp.startedAt : 0,
            cpusOwingQS: owes.indices.filter { owes[$0] }, completed: gp.completed,
            recentDurations: gp.recentDurations.elements, fqsScans: gp.fqsScans)
        let pending = totals.queued - totals.invoked
        let lastSecond: [UInt64] = history.currentSecond == second
            ? history.lastSecondCauses.array
            : (history.currentSecond + 1 == second ? history.causeCounts.array : CauseCounts().array)
        var waitsShown = waits.shown
        waitsShown.overloadedCPUs = overloadedCPUs
        var snap = Snapshot(
            jiffies: now, hz: config.hz, config: config, lazyEnabled: lazyEnabled, policy: policy,
            activeWorkloads: WorkloadKind.allCases.filter { workloads[$0.index].isOn },
            cpus: cpuSnapshots,
            gracePeriod: gpSnap,
            counters: CallbackCounters(queued: totals.queued, invoked: totals.invoked, pending: pending,
                                       lazyPending: UInt64(totals.lazyLength), bypass: UInt64(totals.bypassLength)),
            wakeups: WakeupCounters(total: totals.wakeups.array, lastSecond: lastSecond),
            memory: MemorySnapshot(totalBytes: memory.totalBytes, freeBytes: freeBytes, bytesPending: totals.bytesPending,
                                   bytesLazy: totals.bytesLazy, bytesFreed: totals.bytesFreed,
                                   minWatermark: memory.minWatermark, lowWatermark: memory.lowWatermark,
                                   highWatermark: memory.highWatermark, shrinkerCounts: memory.shrinkerCounts,
                                   shrinkerScans: memory.shrinkerScans),
            flushes: FlushCounters(count: totals.flushCount, callbacks: totals.flushCallbacks),
            history: history.samples.elements,
            recentEvents: log.events(hz: config.hz, qhimark: params.qhimark),
            eventsProcessed: eventsProcessed)
        snap.waits = waitsShown
        snap.kfree = kfreeSnapshot
        snap.reclaim = reclaimSnapshot
        snap.power = powerSnapshot
        snap.gpSeqNeeded = gp.gpSeqNeeded
        snap.groups = groups.map { g in
            let activity: NOCBGroupSnapshot.Activity
            var waitSeq: Int64? = nil
            switch g.state {
            case .sleeping: activity = .sleeping
            case .waitingForGP(let seq): activity = .waitingForGP; waitSeq = seq
            case .passQueued: activity = .running
            }
            return NOCBGroupSnapshot(leader: g.leader, firstCPU: g.cpus.lowerBound, lastCPU: g.cpus.upperBound - 1,
                                     activity: activity, waitingForGPSeq: waitSeq, deferredWake: g.deferredWake,
                                     timerFiresAt: g.isTimerPending ? g.timerFireAt : nil)
        }
        snap.lazyFlushJiffies = params.lazyFlushJiffies
        return snap
    }
}
