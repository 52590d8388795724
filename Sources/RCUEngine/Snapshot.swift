/// One immutable picture of the simulated RCU machinery, handed out once per frame or record.
///
/// This is the contract between the engine and everything that shows it (dashboard views,
/// headless writers). Views read a `Snapshot` and nothing else from the engine.
public struct Snapshot: Sendable, Equatable {
    /// Simulated time in jiffies since boot of the simulation.
    public var jiffies: UInt64
    public var hz: Int
    /// Simulated seconds (jiffies / HZ) as a Double, for display and records.
    public var seconds: Double { Double(jiffies) / Double(hz) }
    public var config: EngineConfig
    /// Whether `call_rcu()` is lazy right now (the `l` key flips it).
    public var lazyEnabled: Bool
    public var policy: ReclaimPolicyKind
    /// Workloads running now, in `WorkloadKind.allCases` order.
    public var activeWorkloads: [WorkloadKind]
    public var cpus: [CPUSnapshot]
    public var gracePeriod: GracePeriodSnapshot
    public var counters: CallbackCounters
    public var wakeups: WakeupCounters
    public var memory: MemorySnapshot
    public var flushes: FlushCounters
    /// Per-simulated-second history, oldest first, at most `History.capacity` entries.
    public var history: [HistorySample]
    /// The most recent engine events, oldest first (capped).
    public var recentEvents: [EngineEvent]
    /// Events processed by the engine since start (a cost figure for the benchmark).
    public var eventsProcessed: UInt64
    /// rcu_barrier / synchronize_rcu / expedited grace periods (added by the engine; defaults empty).
    public var waits: WaitSnapshot = WaitSnapshot()
    /// kfree_rcu batching (kernel-rcu.md §5; defaults empty).
    public var kfree: KfreeSnapshot = KfreeSnapshot()
    /// Reclaim policies, stalls, OOM, slab-deferred memory (Memory/ReclaimSnapshot.swift; defaults empty).
    public var reclaim: ReclaimSnapshot = ReclaimSnapshot()
    /// Estimated power (Power/PowerModel.swift; defaults empty).
    public var power: PowerSnapshot = PowerSnapshot()
    /// No-CB groups: rcuog, its deferred wake and timer (kernel-rcu.md §2.1, §2.4; defaults empty).
    public var groups: [NOCBGroupSnapshot] = []
    /// `rcu_state.gp_seq_needed`: the furthest grace period asked for (defaults to -1200).
    public var gpSeqNeeded: Int64 = -1200
    /// `jiffies_lazy_flush` (10 * HZ): a bypass of lazy callbacks is flushed once this much
    /// older than its `nocb_bypass_first` (added by the engine; 0 when not filled in).
    public var lazyFlushJiffies: UInt64 = 0

    public init(jiffies: UInt64, hz: Int, config: EngineConfig, lazyEnabled: Bool, policy: ReclaimPolicyKind,
                activeWorkloads: [WorkloadKind], cpus: [CPUSnapshot], gracePeriod: GracePeriodSnapshot,
                counters: CallbackCounters, wakeups: WakeupCounters, memory: MemorySnapshot,
                flushes: FlushCounters, history: [HistorySample], recentEvents: [EngineEvent], eventsProcessed: UInt64) {
        self.jiffies = jiffies; self.hz = hz; self.config = config; self.lazyEnabled = lazyEnabled
        self.policy = policy; self.activeWorkloads = activeWorkloads; self.cpus = cpus
        self.gracePeriod = gracePeriod; self.counters = counters; self.wakeups = wakeups
        self.memory = memory; self.flushes = flushes; self.history = history
        self.recentEvents = recentEvents; self.eventsProcessed = eventsProcessed
    }
}

/// Whether a CPU is running something or sitting in an idle (extended quiescent) state.
public enum CPUActivity: String, Sendable, Equatable {
    case idle, busy
}

/// One CPU's `rcu_data` as shown (kernel-rcu.md §1, §2).
public struct CPUSnapshot: Sendable, Equatable {
    public var id: Int
    public var isOffloaded: Bool
    public var activity: CPUActivity
    /// Callbacks in DONE, WAIT, NEXT_READY, NEXT (indexed by `Segment.rawValue`).
    public var segmentLengths: [Int]
    /// `->nocb_bypass` length (lazy and non-lazy).
    public var bypassLength: Int
    /// `->lazy_len`: lazy callbacks in the bypass.
    public var lazyLength: Int
    /// Wake-ups of this CPU caused by RCU, since start.
    public var wakeups: UInt64
    /// Wake-ups of this CPU in the last whole simulated second.
    public var wakeupsLastSecond: UInt64
    /// Does this CPU still owe a quiescent state to the current grace period?
    public var owesQuiescentState: Bool
    /// `->nocb_bypass_first`: jiffy of the first enqueue into the (then empty) bypass; nil when
    /// the bypass is empty.
    public var bypassFirstJiffy: UInt64? = nil

    public init(id: Int, isOffloaded: Bool, activity: CPUActivity, segmentLengths: [Int], bypassLength: Int,
                lazyLength: Int, wakeups: UInt64, wakeupsLastSecond: UInt64, owesQuiescentState: Bool) {
        self.id = id; self.isOffloaded = isOffloaded; self.activity = activity
        self.segmentLengths = segmentLengths; self.bypassLength = bypassLength; self.lazyLength = lazyLength
        self.wakeups = wakeups; self.wakeupsLastSecond = wakeupsLastSecond; self.owesQuiescentState = owesQuiescentState
    }

    /// Callbacks queued on this CPU: the four segments plus the bypass.
    public var totalCallbacks: Int { segmentLengths.reduce(0, +) + bypassLength }
}

/// The four segments of `struct rcu_segcblist` (kernel-rcu.md §1).
public enum Segment: Int, CaseIterable, Sendable {
    case done = 0, wait, nextReady, next

    /// Short column label, as the kernel's `rcu_segcb_stats` trace prints it.
    public var label: String {
        switch self {
        case .done: return "DONE"
        case .wait: return "WAIT"
        case .nextReady: return "NEXT_READY"
        case .next: return "NEXT"
        }
    }
}

/// `rcu_state.gp_state` (kernel-rcu.md §4.2).
public enum GPState: Int, Sendable, Equatable, CaseIterable {
    case idle = 0, waitGPs = 1, doneGPs = 2, onOff = 3, initializing = 4, waitFQS = 5, doingFQS = 6, cleanup = 7, cleaned = 8

    /// The kernel's name for the state.
    public var kernelName: String {
        switch self {
        case .idle: return "RCU_GP_IDLE"
        case .waitGPs: return "RCU_GP_WAIT_GPS"
        case .doneGPs: return "RCU_GP_DONE_GPS"
        case .onOff: return "RCU_GP_ONOFF"
        case .initializing: return "RCU_GP_INIT"
        case .waitFQS: return "RCU_GP_WAIT_FQS"
        case .doingFQS: return "RCU_GP_DOING_FQS"
        case .cleanup: return "RCU_GP_CLEANUP"
        case .cleaned: return "RCU_GP_CLEANED"
        }
    }
}

/// The grace-period kthread and `rcu_state.gp_seq` as shown (kernel-rcu.md §4).
public struct GracePeriodSnapshot: Sendable, Equatable {
    /// `rcu_state.gp_seq`, signed as the kernel prints it with `%ld` (starts at -1200).
    public var gpSeq: Int64
    public var state: GPState
    /// Is a grace period in progress (low two bits of gp_seq non-zero)?
    public var inProgress: Bool
    /// Jiffy at which the current (or last) grace period started.
    public var startedAt: UInt64
    /// Jiffies the current grace period has run (0 when idle).
    public var elapsedJiffies: UInt64
    /// CPUs that still owe a quiescent state to the current grace period.
    public var cpusOwingQS: [Int]
    /// Grace periods completed since start.
    public var completed: UInt64
    /// Durations in jiffies of the most recent grace periods, oldest first.
    public var recentDurations: [UInt64]
    /// FQS scans run since start.
    public var fqsScans: UInt64

    public init(gpSeq: Int64, state: GPState, inProgress: Bool, startedAt: UInt64, elapsedJiffies: UInt64,
                cpusOwingQS: [Int], completed: UInt64, recentDurations: [UInt64], fqsScans: UInt64) {
        self.gpSeq = gpSeq; self.state = state; self.inProgress = inProgress; self.startedAt = startedAt
        self.elapsedJiffies = elapsedJiffies; self.cpusOwingQS = cpusOwingQS; self.completed = completed
        self.recentDurations = recentDurations; self.fqsScans = fqsScans
    }
}

/// Callback totals over all CPUs. Invariant: queued == invoked + pending.
public struct CallbackCounters: Sendable, Equatable {
    public var queued: UInt64
    public var invoked: UInt64
    /// Callbacks queued and not yet invoked (segments + bypass, all CPUs).
    public var pending: UInt64
    /// Lazy callbacks waiting in bypass lists (Σ lazy_len).
    public var lazyPending: UInt64
    /// Callbacks in bypass lists (lazy and not).
    public var bypass: UInt64

    public init(queued: UInt64, invoked: UInt64, pending: UInt64, lazyPending: UInt64, bypass: UInt64) {
        self.queued = queued; self.invoked = invoked; self.pending = pending
        self.lazyPending = lazyPending; self.bypass = bypass
    }
}

/// Why a CPU was woken (for RCU's part, plus the workload's own wake-ups).
public enum WakeupCause: String, Sendable, CaseIterable, Equatable {
    case gpKthread = "gp_kthread"
    case rcuog
    case rcuop
    case lazyTimer = "lazy_timer"
    case bypassTimer = "bypass_timer"
    case workload
    /// A scheduler tick kept running by RCU on a non-offloaded CPU with callbacks (`rcu_needs_cpu`).
    case tick

    /// Plain words for the dashboard.
    public var label: String {
        switch self {
        case .gpKthread: return "GP kthread"
        case .rcuog: return "rcuog"
        case .rcuop: return "rcuop"
        case .lazyTimer: return "lazy timer"
        case .bypassTimer: return "bypass timer"
        case .workload: return "workload"
        case .tick: return "RCU tick"
        }
    }

    /// Is this wake-up caused by RCU (everything except the workload itself)?
    public var isRCU: Bool { self != .workload }
}

/// Wake-up counters by cause, since start and over the last whole simulated second.
public struct WakeupCounters: Sendable, Equatable {
    /// Indexed by `WakeupCause.allCases` order.
    public var total: [UInt64]
    public var lastSecond: [UInt64]

    public init(total: [UInt64], lastSecond: [UInt64]) {
        self.total = total; self.lastSecond = lastSecond
    }

    /// Counter for `cause`; 0 when the arrays are shorter (a snapshot made before the cause existed).
    public func total(_ cause: WakeupCause) -> UInt64 {
        let i = WakeupCause.allCases.firstIndex(of: cause)!
        return i < total.count ? total[i] : 0
    }
    public func lastSecond(_ cause: WakeupCause) -> UInt64 {
        let i = WakeupCause.allCases.firstIndex(of: cause)!
        return i < lastSecond.count ? lastSecond[i] : 0
    }
    /// RCU-caused wake-ups since start (all causes but `workload`).
    public var rcuTotal: UInt64 {
        zip(WakeupCause.allCases, total).filter { $0.0.isRCU }.reduce(0) { $0 + $1.1 }
    }
    public var rcuLastSecond: UInt64 {
        zip(WakeupCause.allCases, lastSecond).filter { $0.0.isRCU }.reduce(0) { $0 + $1.1 }
    }
}

/// Memory as the simple memory model sees it.
public struct MemorySnapshot: Sendable, Equatable {
    public var totalBytes: UInt64
    public var freeBytes: UInt64
    /// Bytes that queued callbacks will free once their grace period ends and they run.
    public var bytesPending: UInt64
    /// Of `bytesPending`, bytes held by lazy callbacks in bypass lists.
    public var bytesLazy: UInt64
    /// Bytes freed by invoked callbacks since start.
    public var bytesFreed: UInt64
    public var minWatermark: UInt64
    public var lowWatermark: UInt64
    public var highWatermark: UInt64
    /// Shrinker count / scan calls since start.
    public var shrinkerCounts: UInt64
    public var shrinkerScans: UInt64

    public init(totalBytes: UInt64, freeBytes: UInt64, bytesPending: UInt64, bytesLazy: UInt64, bytesFreed: UInt64,
                minWatermark: UInt64, lowWatermark: UInt64, highWatermark: UInt64, shrinkerCounts: UInt64, shrinkerScans: UInt64) {
        self.totalBytes = totalBytes; self.freeBytes = freeBytes; self.bytesPending = bytesPending
        self.bytesLazy = bytesLazy; self.bytesFreed = bytesFreed; self.minWatermark = minWatermark
        self.lowWatermark = lowWatermark; self.highWatermark = highWatermark
        self.shrinkerCounts = shrinkerCounts; self.shrinkerScans = shrinkerScans
    }
}

/// What ended laziness for a batch of bypass callbacks (kernel-rcu.md §2.7).
public enum FlushReason: String, Sendable, CaseIterable, Equatable {
    case lazyTimer = "lazy_timer"     // aged past jiffies_lazy_flush
    case size                         // qhimark / 2*qhimark
    case hurry                        // a non-lazy call_rcu on the same CPU
    case bypassAge = "bypass_age"     // non-lazy bypass older than a jiffy
    case shrinker
    case barrier
    /// The `reclaim-hook` policy: the allocator was about to retry.
    case reclaimHook = "reclaim_hook"

    public var label: String {
        switch self {
        case .lazyTimer: return "10 s timer"
        case .size: return "size"
        case .hurry: return "hurry"
        case .bypassAge: return "bypass age"
        case .shrinker: return "shrinker"
        case .barrier: return "barrier"
        case .reclaimHook: return "reclaim hook"
        }
    }
}

/// Bypass flushes by reason since start.
public struct FlushCounters: Sendable, Equatable {
    /// Indexed by `FlushReason.allCases` order.
    public var count: [UInt64]
    /// Callbacks moved by flushes of each reason.
    public var callbacks: [UInt64]

    public init(count: [UInt64], callbacks: [UInt64]) { self.count = count; self.callbacks = callbacks }

    public func count(_ reason: FlushReason) -> UInt64 {
        let i = FlushReason.allCases.firstIndex(of: reason)!
        return i < count.count ? count[i] : 0
    }
    public func callbacks(_ reason: FlushReason) -> UInt64 {
        let i = FlushReason.allCases.firstIndex(of: reason)!
        return i < callbacks.count ? callbacks[i] : 0
    }
}

/// One simulated second of history for sparklines.
public struct HistorySample: Sendable, Equatable {
    /// The simulated second this sample covers (jiffies / HZ).
    public var second: UInt64
    /// RCU-caused wake-ups during that second.
    public var rcuWakeups: UInt64
    /// Bytes pending at the end of that second.
    public var bytesPending: UInt64
    /// Bytes freed during that second.
    public var bytesFreed: UInt64
    /// Grace periods completed during that second.
    public var gracePeriods: UInt64
    /// Lazy callbacks waiting at the end of that second.
    public var lazyPending: UInt64

    public init(second: UInt64, rcuWakeups: UInt64, bytesPending: UInt64, bytesFreed: UInt64, gracePeriods: UInt64, lazyPending: UInt64) {
        self.second = second; self.rcuWakeups = rcuWakeups; self.bytesPending = bytesPending
        self.bytesFreed = bytesFreed; self.gracePeriods = gracePeriods; self.lazyPending = lazyPending
    }
}

/// Something the engine did, worth a line in the event log.
public struct EngineEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case gpStart, gpEnd, lazyFlush, bypassFlush, hurryFlush, sizeFlush, shrinker, barrier, invoke, workload, lazyToggle, policy, oom, note
        case reclaimHook
    }
    public var jiffy: UInt64
    public var kind: Kind
    /// CPU concerned, if any.
    public var cpu: Int?
    /// Plain words a talk audience understands, e.g. "lazy flush on CPU 3: 212 callbacks, 10 s timer".
    public var text: String

    public init(jiffy: UInt64, kind: Kind, cpu: Int?, text: String) {
        self.jiffy = jiffy; self.kind = kind; self.cpu = cpu; self.text = text
    }
}
