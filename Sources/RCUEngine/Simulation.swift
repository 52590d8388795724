/// The whole simulated machine: CPUs, no-CB groups, the grace-period kthread, workloads and memory.
///
/// A tickless discrete-event simulation (DESIGN.md §2): a queue of timed events ordered by
/// (jiffy, sequence); nothing happens between events, so an idle CPU costs nothing and the cost
/// of `advance(to:)` is O(events processed). Callbacks are counted in batches, never allocated.
/// Deterministic: the same config and the same controls at the same jiffies give the same
/// snapshots.
public struct Simulation: Sendable {
    public private(set) var config: EngineConfig
    /// Current simulated time in jiffies.
    public private(set) var now: UInt64 = 0
    /// Events processed since start (a cost figure).
    public private(set) var eventsProcessed: UInt64 = 0
    /// Callbacks invoked before the grace period they needed had ended. Always 0 unless the
    /// engine is wrong; the invariant tests check it.
    public internal(set) var earlyInvocations: UInt64 = 0

    let params: KernelParameters
    var lazyEnabled: Bool
    var policy: ReclaimPolicyKind
    var cpus: [RCUData]
    var groups: [NOCBGroup]
    var gp = GPKthread()
    var queue = EventQueue<SimEvent>()
    var workloads: [WorkloadState]
    var memory: MemoryState
    /// Reclaim, stalls, OOM, slab-deferred objects (Memory/DirectReclaim.swift).
    var reclaim = ReclaimState()
    /// Power bookkeeping (Power/PowerModel.swift).
    var power: PowerState
    var totals = Totals()
    var log = EventLog()
    var history = HistoryRecorder()
    /// CPUs made busy by a transient workload burst (pruned when a grace period starts).
    var transientBusy: [Int] = []
    /// rcu_barrier / synchronize_rcu waiters.
    var waits = WaitState()
    /// kfree_rcu per-CPU state (empty until first used), pages it holds, bytes of its objects.
    var krcs: [KfreeRCUCPU] = []
    var kfreePages = 0
    var kfreeBytesHeld: UInt64 = 0
    var kfreeSlotsBusy = 0
    var kfreeShown = KfreeSnapshot()
    /// CPUs with at least `qovld` callbacks.
    var overloadedCPUs = 0
    /// First jiffy of the next simulated second (history rolls when an event reaches it).
    var nextSecondJiffy: Jiffies = 0
    /// Test hook: when set, a busy CPU's next context switch is this many jiffies away.
    var contextSwitchOverride: Jiffies? = nil
    /// rcuog groups waiting for a grace period to end.
    var gpWaiters: [Int] = []
    /// Softirq `rcu_do_batch` runs on non-offloaded CPUs, and the last `bl` used.
    public internal(set) var softirqBatches: UInt64 = 0
    public internal(set) var lastSoftirqBatchLimit = 0

    public init(config: EngineConfig) {
        precondition(config.cpuCount >= 1 && config.cpuCount <= EngineConfig.maxCPUs, "cpuCount out of range")
        precondition(config.hz > 0)
        self.config = config
        params = KernelParameters(hz: config.hz, cpuCount: config.cpuCount)
        lazyEnabled = config.lazyEnabled
        policy = config.policy
        let stride = params.nocbGroupSize
        var groups: [NOCBGroup] = []
        var cpus: [RCUData] = []
        cpus.reserveCapacity(config.cpuCount)
        // Groups are CPU-id ranges of `rcu_nocb_gp_stride`; the leader is the first offloaded CPU.
        var start = 0
        while start < config.cpuCount {
            let end = min(start + stride, config.cpuCount)
            let leader = (start..<end).first { config.isOffloaded($0) } ?? start
            groups.append(NOCBGroup(leader: leader, cpus: start..<end))
            for c in start..<end { cpus.append(RCUData(id: c, isOffloaded: config.isOffloaded(c), group: groups.count - 1)) }
            start = end
        }
        self.cpus = cpus
        self.groups = groups
        nextSecondJiffy = Jiffies(config.hz)
        memory = MemoryState(totalBytes: config.memoryBytes, freeBytesAtStart: config.freeBytesAtStart ?? config.memoryBytes / 4,
                             pageCacheBytes: config.pageCacheBytes)
        power = PowerState(cpus: config.cpuCount)
        workloads = WorkloadKind.allCases.map { WorkloadState(kind: $0, seed: config.seed) }
        for kind in WorkloadKind.allCases where config.workloads.contains(kind) {
            startWorkload(kind, logIt: true)
        }
    }

    /// Process every event due up to and including `jiffy`. A target in the past is ignored.
    /// Cost: O(events processed).
    public mutating func advance(to jiffy: UInt64) {
        guard jiffy >= now else { return }
        while let entry = queue.popDue(upTo: jiffy) {
            if entry.jiffy > now {
                rollHistory(to: entry.jiffy)
                now = entry.jiffy
            }
            eventsProcessed += 1
            handle(entry.payload)
            if reclaim.shortageSince != nil { checkShortageEnd() }
        }
        rollHistory(to: jiffy)
        now = jiffy
    }

    /// Jiffy of the next pending event, if any (for "step to the next event").
    public var nextEventJiffy: UInt64? { queue.nextJiffy }

    /// Apply a run-time change (workload on/off, lazy on/off, policy) at the current jiffy.
    public mutating func apply(_ control: EngineControl) {
        switch control {
        case .setWorkload(let kind, let on):
            if on { startWorkload(kind, logIt: true) } else { stopWorkload(kind) }
        case .setLazy(let on):
            guard on != lazyEnabled else { return }
            lazyEnabled = on
            log.add(.lazyToggle(on), at: now)
        case .setPolicy(let kind):
            guard kind != policy else { return }
            policy = kind
            log.add(.policy(kind), at: now)
            checkMemoryPressure()
        }
    }

    /// Make a kernel call at the current jiffy (`rcu_barrier`, `synchronize_rcu`, ...).
    /// CPU numbers are clamped to the machine.
    public mutating func perform(_ action: EngineAction) {
        switch action {
        case .rcuBarrier:
            rcuBarrier()
        case .synchronizeRCU(let cpu):
            synchronizeRCU(cpu: min(max(cpu, 0), cpus.count - 1))
        case .synchronizeRCUExpedited:
            synchronizeRCUExpedited()
        case .callRCU(let cpu, let count, let hurry):
            guard count > 0 else { return }
            callRCU(cpu: min(max(cpu, 0), cpus.count - 1), count: count, hurry: hurry)
        case .kfreeRCU(let cpu, let count):
            guard count > 0 else { return }
            kfreeRCU(cpu: min(max(cpu, 0), cpus.count - 1), count: count, bytesEach: 256)
        }
    }

    /// Is `call_rcu()` lazy right now?
    public var isLazyEnabled: Bool { lazyEnabled }
    /// Is this workload running now? O(1).
    public func isWorkloadOn(_ kind: WorkloadKind) -> Bool { workloads[kind.index].isOn }
    /// The reclaim policy in force now.
    public var currentPolicy: ReclaimPolicyKind { policy }

    private mutating func handle(_ event: SimEvent) {
        switch event {
        case .workloadTick(let kind, let generation):
            workloadTick(kind, generation: generation)
        case .workloadCallback(let kind, let generation, let cpu):
            workloadDelayedCallback(kind, generation: generation, cpu: Int(cpu))
        case .nocbTimer(let group, let generation):
            nocbTimerFired(group: Int(group), generation: generation)
        case .rcuogPass(let group):
            rcuogPass(group: Int(group))
        case .rcuopRun(let cpu):
            rcuopRun(cpu: Int(cpu))
        case .gpKthread(let generation):
            gpKthreadEvent(generation: generation)
        case .kswapd(let generation):
            kswapdPass(generation: generation)
        case .softirqTick(let cpu, let generation):
            softirqTick(cpu: Int(cpu), generation: generation)
        case .kfreeMonitor(let cpu, let generation):
            kfreeMonitorEvent(cpu: Int(cpu), generation: generation)
        case .kfreeRefill(let cpu):
            kfreeRefill(cpu: Int(cpu))
        case .allocRetry(let generation):
            allocRetry(generation: generation)
        case .slabPoll(let generation):
            slabPoll(generation: generation)
        }
    }

    /// Is `cpu` running workload code at the current jiffy?
    func isBusy(_ cpu: Int) -> Bool {
        workloads[WorkloadKind.build.index].isOn || cpus[cpu].busyUntil > now
    }

    /// Mark `cpu` busy until `until` (exclusive).
    mutating func markBusy(_ cpu: Int, until: Jiffies) {
        if cpus[cpu].busyUntil < until { cpus[cpu].busyUntil = until }
        powerBusy(cpu: cpu, until: until)
        if !cpus[cpu].inBusyList {
            cpus[cpu].inBusyList = true
            transientBusy.append(cpu)
        }
    }

    /// Count one wake-up of `cpu` by `cause` (RCU kthreads, RCU timers, or the workload).
    mutating func countWakeup(cpu: Int, cause: WakeupCause) {
        let second = history.currentSecond  // rolled to now's second before every event
        totals.wakeups.add(cause)
        history.countWakeup(cause)
        if cause.isRCU { cpus[cpu].countWakeup(inSecond: second) }
        powerWake(cpu: cpu, cause: cause)
    }

    private mutating func rollHistory(to jiffy: Jiffies) {
        guard jiffy >= nextSecondJiffy else { return }
        let second = jiffy / UInt64(config.hz)
        history.roll(to: second, bytesPending: totals.bytesPending, lazyPending: UInt64(totals.lazyLength))
        powerRoll()
        refillPageCache()
        nextSecondJiffy = (second + 1) * UInt64(config.hz)
    }
}

/// Something scheduled on the engine's event queue.
enum SimEvent: Sendable {
    /// A workload generator's next step (frame, file close, build job, idle timer).
    case workloadTick(WorkloadKind, generation: UInt32)
    /// A workload callback scheduled earlier by a tick (video's 1-20 ms spacing).
    case workloadCallback(WorkloadKind, generation: UInt32, cpu: Int32)
    /// `rdp_gp->nocb_timer` expiry.
    case nocbTimer(group: Int32, generation: UInt32)
    /// rcuog runs one pass over its group.
    case rcuopRun(cpu: Int32)
    case rcuogPass(group: Int32)
    /// The GP kthread wakes (start, FQS timeout, or the last QS report).
    case gpKthread(generation: UInt32)
    /// kswapd runs one reclaim pass.
    case kswapd(generation: UInt32)
    /// Scheduler tick on a non-offloaded CPU that has callbacks (`rcu_needs_cpu`).
    case softirqTick(cpu: Int32, generation: UInt32)
    /// kfree_rcu `monitor_work` on a CPU.
    case kfreeMonitor(cpu: Int32, generation: UInt32)
    /// kfree_rcu page-cache refill work on a CPU.
    case kfreeRefill(cpu: Int32)
    /// A stalled allocation retries (`should_reclaim_retry` said yes).
    case allocRetry(generation: UInt32)
    /// slab-deferred: the slab's own lazy GP request.
    case slabPoll(generation: UInt32)
}

/// Running totals kept up to date by every operation, so snapshots and history need no sums.
struct Totals: Sendable, Equatable {
    var queued: UInt64 = 0
    var invoked: UInt64 = 0
    var bytesAllocated: UInt64 = 0
    var bytesFreed: UInt64 = 0
    var bytesPending: UInt64 = 0
    var bytesLazy: UInt64 = 0
    /// Σ bypass lengths.
    var bypassLength = 0
    /// Σ `lazy_len`.
    var lazyLength = 0
    var wakeups = CauseCounts()
    var flushCount = [UInt64](repeating: 0, count: FlushReason.allCases.count)
    var flushCallbacks = [UInt64](repeating: 0, count: FlushReason.allCases.count)
}

extension WakeupCause {
    /// Position in `allCases` (counter arrays are indexed by it).
    var index: Int {
        switch self {
        case .gpKthread: return 0
        case .rcuog: return 1
        case .rcuop: return 2
        case .lazyTimer: return 3
        case .bypassTimer: return 4
        case .workload: return 5
        case .tick: return 6
        }
    }
}

extension FlushReason {
    var index: Int {
        switch self {
        case .lazyTimer: return 0
        case .size: return 1
        case .hurry: return 2
        case .bypassAge: return 3
        case .shrinker: return 4
        case .barrier: return 5
        case .reclaimHook: return 6
        }
    }
}

extension WorkloadKind {
    var index: Int {
        switch self {
        case .video: return 0
        case .logging: return 1
        case .build: return 2
        case .idle: return 3
        case .memhog: return 4
        case .proactive: return 5
        }
    }
}
