/// The engine's invariants, checked from its real state (the per-CPU lists, the running totals,
/// the grace-period kthread, the rings). Used by the invariant tests, the soak test and
/// `rcutop soak`. Cost: O(CPUs) per call, no allocation unless something is wrong.
extension Simulation {
    /// Sums over the per-CPU lists and kfree_rcu blocks, computed independently of the running totals.
    struct Audit: Sendable, Equatable {
        /// Callbacks in segments plus bypasses.
        var pending = 0
        var bypass = 0
        var lazy = 0
        /// Bytes held by callbacks and kfree_rcu objects not yet freed.
        var bytes: UInt64 = 0
        var lazyBytes: UInt64 = 0
    }

    var audit: Audit {
        var a = Audit()
        for d in cpus {
            a.pending += d.cblist.count + d.bypass.count
            a.bypass += d.bypass.count
            a.lazy += d.bypass.lazyLength
            a.bytes += d.cblist.bytes + d.bypass.batch.bytes
            a.lazyBytes += d.bypass.lazyBytes
        }
        for k in krcs {
            a.bytes += k.queuedBytes
            for slot in k.slots where slot.isBusy { a.bytes += slot.bytes }
        }
        return a
    }

    /// Everything that is wrong with the engine's state right now, one line each (empty when sound).
    ///
    /// - callbacks queued == invoked + pending (segments and bypasses), and the running bypass /
    ///   `lazy_len` totals equal the per-CPU sums;
    /// - per CPU: no negative segment, bypass or `lazy_len` count; `lazy_len` ≤ bypass length;
    ///   a batch's lazy and frees-nothing parts within its count;
    /// - bytes conserved: allocated == freed + held (callbacks and kfree_rcu objects), pending
    ///   and lazy byte totals equal the sums;
    /// - no callback invoked before its grace period, and nothing in DONE whose required
    ///   `gp_seq` has not been reached;
    /// - WAIT / NEXT_READY tags no later than `gp_seq_needed`, in order, and not before the
    ///   `gp_seq` their callbacks need;
    /// - history, event log and GP duration rings within their capacities.
    ///
    /// Monotonic counters need the previous state: see `InvariantMonitor`.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        let a = audit
        let t = totals
        if t.queued != t.invoked &+ UInt64(a.pending) {
            problems.append("callbacks: queued \(t.queued) != invoked \(t.invoked) + pending \(a.pending)")
        }
        if a.bypass != t.bypassLength { problems.append("bypass total \(t.bypassLength) != sum over CPUs \(a.bypass)") }
        if a.lazy != t.lazyLength { problems.append("lazy_len total \(t.lazyLength) != sum over CPUs \(a.lazy)") }
        // slab-deferred objects wait in the slab, not in a callback list, until their GP is past.
        let deferred = reclaim.slabDeferredBytes
        if t.bytesAllocated != t.bytesFreed &+ a.bytes &+ deferred {
            problems.append("bytes: allocated \(t.bytesAllocated) != freed \(t.bytesFreed) + held \(a.bytes) + slab-deferred \(deferred)")
        }
        if t.bytesPending != a.bytes { problems.append("bytes pending total \(t.bytesPending) != held \(a.bytes)") }
        if t.bytesLazy != a.lazyBytes { problems.append("lazy bytes total \(t.bytesLazy) != sum over CPUs \(a.lazyBytes)") }
        if earlyInvocations != 0 { problems.append("\(earlyInvocations) callbacks invoked before their grace period") }

        let seq = gp.gpSeq.value
        let needed = gp.gpSeqNeeded
        for d in cpus {
            let cpu = "CPU \(d.id)"
            for segment in Segment.allCases {
                let b = d.cblist[segment]
                if b.count < 0 || b.lazyCount < 0 || b.freesNothing < 0 || b.lazyCount > b.count || b.freesNothing > b.count {
                    problems.append("\(cpu) \(segment): bad counts \(b.count) (lazy \(b.lazyCount), frees nothing \(b.freesNothing))")
                }
            }
            let bypass = d.bypass
            if bypass.count < 0 || bypass.lazyLength < 0 { problems.append("\(cpu): negative bypass \(bypass.count) / lazy_len \(bypass.lazyLength)") }
            if bypass.lazyLength > bypass.count { problems.append("\(cpu): lazy_len \(bypass.lazyLength) > bypass length \(bypass.count)") }
            let done = d.cblist[.done]
            if done.count > 0 && !GPSeq.isDone(seq, done.requiredGPSeq) {
                problems.append("\(cpu): \(done.count) callbacks in DONE need gp_seq \(done.requiredGPSeq), now \(seq)")
            }
            var previousTag: Int64? = nil
            for segment in [Segment.wait, .nextReady] {
                let b = d.cblist[segment]
                guard b.count > 0 else { continue }
                let tag = d.cblist.gpSeqTag(segment)
                if GPSeq.isBefore(needed, tag) {
                    problems.append("\(cpu) \(segment): tag \(tag) after gp_seq_needed \(needed)")
                }
                if GPSeq.isBefore(tag, b.requiredGPSeq) {
                    problems.append("\(cpu) \(segment): tag \(tag) before the gp_seq its callbacks need (\(b.requiredGPSeq))")
                }
                if let p = previousTag, GPSeq.isBefore(tag, p) { problems.append("\(cpu): NEXT_READY tag \(tag) before WAIT tag \(p)") }
                previousTag = tag
            }
        }
        if GPSeq.isBefore(needed, seq & ~GPSeq.stateMask) {
            problems.append("gp_seq_needed \(needed) behind gp_seq \(seq)")
        }
        let f = footprint
        if f.historyCount > f.historyCapacity { problems.append("history holds \(f.historyCount) > capacity \(f.historyCapacity)") }
        if f.eventLogCount > f.eventLogCapacity { problems.append("event log holds \(f.eventLogCount) > capacity \(f.eventLogCapacity)") }
        if gp.recentDurations.count > gp.recentDurations.capacity { problems.append("GP duration ring over capacity") }
        return problems
    }

    /// Sizes of what the engine keeps, for soak reports: rings against their capacities, the event
    /// queue, and the largest running counter.
    public var footprint: SimulationFootprint {
        var largest = eventsProcessed
        func see(_ v: UInt64) { if v > largest { largest = v } }
        let t = totals
        see(t.queued); see(t.invoked); see(t.bytesAllocated); see(t.bytesFreed); see(t.bytesPending); see(t.bytesLazy)
        t.wakeups.array.forEach(see); t.flushCount.forEach(see); t.flushCallbacks.forEach(see)
        see(gp.completed); see(gp.fqsScans); see(softirqBatches); see(now)
        for d in cpus { see(d.wakeups); see(d.invokedTotal) }
        // gp_seq counts up from -1200 by 4 per grace period; as unsigned distance travelled.
        see(UInt64(bitPattern: gp.gpSeq.value &- GPSeq.initialValue))
        return SimulationFootprint(historyCount: history.samples.count, historyCapacity: history.samples.capacity,
                                   eventLogCount: log.entries.count, eventLogCapacity: log.entries.capacity,
                                   queuedEvents: queue.count, largestCounter: largest)
    }
}

/// What a running `Simulation` holds: see `Simulation.footprint`.
public struct SimulationFootprint: Sendable, Equatable {
    public var historyCount: Int
    public var historyCapacity: Int
    public var eventLogCount: Int
    public var eventLogCapacity: Int
    /// Events waiting on the queue (grows with CPUs and workloads, must not grow with time).
    public var queuedEvents: Int
    /// The largest running counter (events, callbacks, bytes, wake-ups, grace periods, ...).
    public var largestCounter: UInt64
    /// `largestCounter` as a fraction of `UInt64.max`: how close any counter is to overflowing.
    public var largestCounterFraction: Double { Double(largestCounter) / Double(UInt64.max) }
}

/// `invariantViolations()` plus what needs the previous state: time, events, `gp_seq`, grace
/// periods completed and the callback and byte counters never go back.
public struct InvariantMonitor: Sendable {
    private struct Counters: Sendable {
        var now: UInt64, events: UInt64, gpSeq: Int64, completed: UInt64
        var queued: UInt64, invoked: UInt64, allocated: UInt64, freed: UInt64
    }
    private var previous: Counters? = nil
    /// Checks made so far.
    public private(set) var checks: UInt64 = 0

    public init() {}

    /// All violations now, including counters that went back since the last call.
    public mutating func check(_ sim: Simulation) -> [String] {
        checks += 1
        var problems = sim.invariantViolations()
        let c = Counters(now: sim.now, events: sim.eventsProcessed, gpSeq: sim.gp.gpSeq.value, completed: sim.gp.completed,
                         queued: sim.totals.queued, invoked: sim.totals.invoked,
                         allocated: sim.totals.bytesAllocated, freed: sim.totals.bytesFreed)
        if let p = previous {
            if c.now < p.now { problems.append("time went back: \(p.now) -> \(c.now)") }
            if c.events < p.events { problems.append("events processed went back: \(p.events) -> \(c.events)") }
            if GPSeq.isBefore(c.gpSeq, p.gpSeq) { problems.append("gp_seq went back: \(p.gpSeq) -> \(c.gpSeq)") }
            if c.completed < p.completed { problems.append("grace periods completed went back: \(p.completed) -> \(c.completed)") }
            if c.queued < p.queued { problems.append("callbacks queued went back: \(p.queued) -> \(c.queued)") }
            if c.invoked < p.invoked { problems.append("callbacks invoked went back: \(p.invoked) -> \(c.invoked)") }
            if c.allocated < p.allocated { problems.append("bytes allocated went back: \(p.allocated) -> \(c.allocated)") }
            if c.freed < p.freed { problems.append("bytes freed went back: \(p.freed) -> \(c.freed)") }
            // Every grace period completed moves gp_seq on by 4.
            let travelled = UInt64(bitPattern: (c.gpSeq & ~GPSeq.stateMask) &- (p.gpSeq & ~GPSeq.stateMask)) / 4
            if travelled != c.completed &- p.completed {
                problems.append("gp_seq moved \(travelled) grace periods but \(c.completed &- p.completed) completed")
            }
        }
        previous = c
        return problems
    }
}
