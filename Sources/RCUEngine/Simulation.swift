/// The whole simulated machine: CPUs, no-CB groups, the grace-period kthread, workloads and memory.
///
/// CONTRACT STUB: the public surface below is what the dashboard and the executable use.
/// The engine fills it in; signatures stay.
public struct Simulation: Sendable {
    public private(set) var config: EngineConfig
    /// Current simulated time in jiffies.
    public private(set) var now: UInt64 = 0

    public init(config: EngineConfig) {
        self.config = config
    }

    /// Process every event due up to and including `jiffy`. A target in the past is ignored.
    /// Cost: O(events processed).
    public mutating func advance(to jiffy: UInt64) {
        if jiffy > now { now = jiffy }
    }

    /// Jiffy of the next pending event, if any (for "step to the next event").
    public var nextEventJiffy: UInt64? { nil }

    /// Apply a run-time change (workload on/off, lazy on/off, policy).
    public mutating func apply(_ control: EngineControl) {}

    /// The state right now, as an immutable value.
    public func snapshot() -> Snapshot {
        let causes = WakeupCause.allCases.count
        let reasons = FlushReason.allCases.count
        return Snapshot(
            jiffies: now, hz: config.hz, config: config, lazyEnabled: config.lazyEnabled, policy: config.policy,
            activeWorkloads: config.workloads,
            cpus: (0..<config.cpuCount).map {
                CPUSnapshot(id: $0, isOffloaded: true, activity: .idle, segmentLengths: [0, 0, 0, 0], bypassLength: 0,
                            lazyLength: 0, wakeups: 0, wakeupsLastSecond: 0, owesQuiescentState: false)
            },
            gracePeriod: GracePeriodSnapshot(gpSeq: -1200, state: .idle, inProgress: false, startedAt: 0, elapsedJiffies: 0,
                                             cpusOwingQS: [], completed: 0, recentDurations: [], fqsScans: 0),
            counters: CallbackCounters(queued: 0, invoked: 0, pending: 0, lazyPending: 0, bypass: 0),
            wakeups: WakeupCounters(total: Array(repeating: 0, count: causes), lastSecond: Array(repeating: 0, count: causes)),
            memory: MemorySnapshot(totalBytes: config.memoryBytes, freeBytes: config.memoryBytes, bytesPending: 0, bytesLazy: 0,
                                   bytesFreed: 0, minWatermark: 0, lowWatermark: 0, highWatermark: 0, shrinkerCounts: 0, shrinkerScans: 0),
            flushes: FlushCounters(count: Array(repeating: 0, count: reasons), callbacks: Array(repeating: 0, count: reasons)),
            history: [], recentEvents: [], eventsProcessed: 0)
    }
}
