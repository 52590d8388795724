/// The engine's event log: a capped ring of compact records, put into plain words only when a
/// snapshot asks (so a flood of flushes costs no string formatting).
struct EventLog: Sendable, Equatable {
    enum Record: Sendable, Equatable {
        case workload(WorkloadKind, on: Bool)
        case lazyToggle(Bool)
        case policy(ReclaimPolicyKind)
        case flush(FlushReason, cpu: Int, callbacks: Int, lazy: Int)
        case gpEnd(seq: Int64, durationJiffies: UInt64, reason: GPEndReason)
        case shrinker(cpus: Int, callbacks: Int)
        case kswapd(freeBytes: UInt64)
        case barrier(cpus: Int, callbacks: Int)
        case barrierDone(jiffies: UInt64)
        case reclaimHook(cpus: Int, callbacks: Int)
        case oom(freedBytes: UInt64)
    }
    enum GPEndReason: Sendable, Equatable { case lazyFlush, periodic }

    struct Entry: Sendable, Equatable {
        var jiffy: Jiffies
        var record: Record
    }

    static let capacity = 200
    var entries = Ring<Entry>(capacity: EventLog.capacity)
    /// A lazy (timer or shrinker) flush happened; log the next GP end whatever the rate limit.
    var lazyFlushAwaitingGP = false
    /// Simulated second of the last logged GP end.
    var lastGPEndSecond: UInt64 = .max

    mutating func add(_ record: Record, at jiffy: Jiffies) { entries.append(Entry(jiffy: jiffy, record: record)) }

    /// GP ends are logged when they complete a lazy flush's callbacks, else at most once per second.
    mutating func noteGPEnd(seq: Int64, durationJiffies: UInt64, at jiffy: Jiffies, hz: Int) {
        let second = jiffy / UInt64(hz)
        if lazyFlushAwaitingGP {
            lazyFlushAwaitingGP = false
            lastGPEndSecond = second
            add(.gpEnd(seq: seq, durationJiffies: durationJiffies, reason: .lazyFlush), at: jiffy)
        } else if second != lastGPEndSecond {
            lastGPEndSecond = second
            add(.gpEnd(seq: seq, durationJiffies: durationJiffies, reason: .periodic), at: jiffy)
        }
    }

    func events(hz: Int, qhimark: Int) -> [EngineEvent] {
        entries.elements.map { Self.render($0, hz: hz, qhimark: qhimark) }
    }

    static func milliseconds(_ jiffies: UInt64, hz: Int) -> String {
        let us = jiffies * 1_000_000 / UInt64(hz)
        if us % 1000 == 0 { return "\(us / 1000) ms" }
        return "\(us / 1000).\(us % 1000 / 100) ms"
    }

    static func megabytes(_ bytes: UInt64) -> String {
        if bytes >= 10 << 20 { return "\(bytes >> 20) MB" }
        return "\(bytes >> 10) KB"
    }

    static func render(_ e: Entry, hz: Int, qhimark: Int) -> EngineEvent {
        switch e.record {
        case .workload(let kind, let on):
            return EngineEvent(jiffy: e.jiffy, kind: .workload, cpu: nil, text: "workload \(kind.rawValue) \(on ? "on" : "off")")
        case .lazyToggle(let on):
            return EngineEvent(jiffy: e.jiffy, kind: .lazyToggle, cpu: nil,
                               text: on ? "lazy RCU on: call_rcu may wait up to 10 s" : "lazy RCU off: every call_rcu is a call_rcu_hurry")
        case .policy(let kind):
            return EngineEvent(jiffy: e.jiffy, kind: .policy, cpu: nil, text: "reclaim policy: \(kind.rawValue)")
        case .flush(let reason, let cpu, let n, let lazy):
            switch reason {
            case .lazyTimer:
                return EngineEvent(jiffy: e.jiffy, kind: .lazyFlush, cpu: cpu, text: "lazy flush on CPU \(cpu): \(plural(n, "callback")), 10 s timer")
            case .hurry:
                return EngineEvent(jiffy: e.jiffy, kind: .hurryFlush, cpu: cpu,
                                   text: "hurry callback on CPU \(cpu) pulled \(plural(lazy, "lazy callback")) into the next GP")
            case .size:
                return EngineEvent(jiffy: e.jiffy, kind: .sizeFlush, cpu: cpu,
                                   text: "bypass on CPU \(cpu) reached qhimark (\(qhimark)): flushed \(plural(n, "callback"))")
            case .bypassAge:
                return EngineEvent(jiffy: e.jiffy, kind: .bypassFlush, cpu: cpu, text: "bypass on CPU \(cpu) older than a jiffy: flushed \(plural(n, "callback"))")
            case .shrinker:
                return EngineEvent(jiffy: e.jiffy, kind: .shrinker, cpu: cpu, text: "shrinker flushed CPU \(cpu): \(plural(lazy, "lazy callback"))")
            case .barrier:
                return EngineEvent(jiffy: e.jiffy, kind: .barrier, cpu: cpu, text: "rcu_barrier flushed CPU \(cpu): \(plural(n, "callback"))")
            case .reclaimHook:
                return EngineEvent(jiffy: e.jiffy, kind: .reclaimHook, cpu: cpu, text: "reclaim hook flushed CPU \(cpu): \(plural(lazy, "lazy callback"))")
            }
        case .gpEnd(let seq, let d, let reason):
            let tail = reason == .lazyFlush ? " (lazy callbacks now ready)" : ""
            return EngineEvent(jiffy: e.jiffy, kind: .gpEnd, cpu: nil, text: "GP \(seq) ended after \(milliseconds(d, hz: hz))\(tail)")
        case .shrinker(let cpus, let n):
            return EngineEvent(jiffy: e.jiffy, kind: .shrinker, cpu: nil,
                               text: "shrinker flushed \(cpus) CPU\(cpus == 1 ? "" : "s"): \(plural(n, "lazy callback"))")
        case .kswapd(let free):
            return EngineEvent(jiffy: e.jiffy, kind: .note, cpu: nil, text: "memory low (\(megabytes(free)) free): kswapd woke")
        case .barrier(let cpus, let n):
            return EngineEvent(jiffy: e.jiffy, kind: .barrier, cpu: nil,
                               text: "rcu_barrier: flushed \(cpus) CPU\(cpus == 1 ? "" : "s"), waiting for \(plural(n, "callback"))")
        case .reclaimHook(let cpus, let n):
            return EngineEvent(jiffy: e.jiffy, kind: .reclaimHook, cpu: nil,
                               text: "allocation about to retry: reclaim hook flushed \(cpus) CPU\(cpus == 1 ? "" : "s"), \(plural(n, "lazy callback"))")
        case .oom(let freed):
            return EngineEvent(jiffy: e.jiffy, kind: .oom, cpu: nil,
                               text: "OOM kill after \(ReclaimState.maxReclaimRetries) retries without progress: memhog killed, \(megabytes(freed)) freed")
        case .barrierDone(let d):
            return EngineEvent(jiffy: e.jiffy, kind: .barrier, cpu: nil, text: "rcu_barrier done after \(milliseconds(d, hz: hz))")
        }
    }
}

/// "1 callback", "2 callbacks": the log's counts read as plain English.
func plural(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
