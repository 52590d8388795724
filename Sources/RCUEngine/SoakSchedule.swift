/// The fixed, deterministic schedule of a soak run (`rcutop soak` and the soak test): every
/// workload toggled on and off with its own period, lazy RCU off for an hour a day, and the
/// reclaim policy cycled through every policy the engine has. All changes fall on whole minutes.
///
/// | what      | on                                   |
/// |-----------|--------------------------------------|
/// | video     | 1 h in every 3 h                     |
/// | logging   | 2 h in every 5 h, from hour 1        |
/// | build     | 20 min in every 7 h, from hour 2     |
/// | idle      | 4 h in every 6 h, from hour 3        |
/// | lazy      | off 12:00-13:00 every day            |
/// | policy    | next of `ReclaimPolicyKind.allCases` every 8 h |
public enum SoakSchedule {
    /// What should be running during simulated minute `minute`.
    public struct State: Sendable, Equatable {
        public var workloads: [WorkloadKind]
        public var lazyEnabled: Bool
        public var policy: ReclaimPolicyKind
    }

    /// On for `onMinutes` out of every `periodMinutes`, starting `offsetMinutes` into the run.
    private static func window(_ minute: UInt64, period: UInt64, on: UInt64, offset: UInt64) -> Bool {
        guard minute >= offset else { return false }
        return (minute - offset) % period < on
    }

    public static func state(atMinute m: UInt64) -> State {
        var workloads: [WorkloadKind] = []
        for kind in WorkloadKind.allCases {
            let on: Bool
            switch kind {
            case .video: on = window(m, period: 180, on: 60, offset: 0)
            case .logging: on = window(m, period: 300, on: 120, offset: 60)
            case .build: on = window(m, period: 420, on: 20, offset: 120)
            case .idle: on = window(m, period: 360, on: 240, offset: 180)
            case .memhog: on = window(m, period: 600, on: 45, offset: 240)
            case .proactive: on = window(m, period: 240, on: 90, offset: 30)
            }
            if on { workloads.append(kind) }
        }
        let lazy = !window(m, period: 1440, on: 60, offset: 720)
        let policies = ReclaimPolicyKind.allCases
        let policy = policies[Int((m / 480) % UInt64(policies.count))]
        return State(workloads: workloads, lazyEnabled: lazy, policy: policy)
    }

    /// The engine configuration a soak starts from (the state of minute 0).
    public static func config(cpus: Int, seed: UInt64) -> EngineConfig {
        let s = state(atMinute: 0)
        return EngineConfig(cpuCount: cpus, seed: seed, lazyEnabled: s.lazyEnabled, workloads: s.workloads, policy: s.policy)
    }

    /// The controls to apply at the start of minute `minute` (none when nothing changes).
    public static func controls(atMinute m: UInt64) -> [EngineControl] {
        guard m > 0 else { return [] }
        let was = state(atMinute: m - 1), now = state(atMinute: m)
        var out: [EngineControl] = []
        for kind in WorkloadKind.allCases where was.workloads.contains(kind) != now.workloads.contains(kind) {
            out.append(.setWorkload(kind, on: now.workloads.contains(kind)))
        }
        if was.lazyEnabled != now.lazyEnabled { out.append(.setLazy(now.lazyEnabled)) }
        if was.policy != now.policy { out.append(.setPolicy(now.policy)) }
        return out
    }

    /// Jiffy at which schedule minute `minute` starts, when a schedule minute lasts
    /// `secondsPerMinute` simulated seconds (60 for a real soak).
    public static func jiffy(ofMinute minute: UInt64, hz: Int, secondsPerMinute: UInt64 = 60) -> UInt64 {
        minute * secondsPerMinute * UInt64(hz)
    }
}

/// A soak run in progress: the simulation, its invariant monitor and the largest sizes seen.
/// The caller decides how far to step and what to print; `rcutop soak` and the soak test both
/// drive this, so they run the same schedule.
public struct SoakRun: Sendable {
    public private(set) var simulation: Simulation
    public private(set) var monitor = InvariantMonitor()
    /// Next schedule minute to run.
    public private(set) var minute: UInt64 = 0
    /// Simulated seconds per schedule minute: 60 for a real soak. The quick soak of `swift test`
    /// (a debug build runs the engine ~40x slower) plays the same schedule with shorter minutes:
    /// every toggle of every workload, lazy and policy, in the same order, time compressed.
    public let secondsPerMinute: UInt64
    public private(set) var maxHistory = 0
    public private(set) var maxEventLog = 0
    public private(set) var maxQueuedEvents = 0
    public private(set) var largestCounter: UInt64 = 0
    /// Snapshots taken (one per record).
    public private(set) var records: UInt64 = 0

    public init(cpus: Int, seed: UInt64, secondsPerMinute: UInt64 = 60) {
        precondition(secondsPerMinute >= 1)
        self.secondsPerMinute = secondsPerMinute
        simulation = Simulation(config: SoakSchedule.config(cpus: cpus, seed: seed))
    }

    /// Run `minutes` simulated minutes, applying the schedule, taking a snapshot and checking the
    /// invariants every `recordEveryMinutes`. Returns the first violations found (empty if none);
    /// stops at the record that found them.
    public mutating func run(minutes: UInt64, recordEveryMinutes: UInt64 = 1) -> [String] {
        let hz = simulation.config.hz
        let end = minute + minutes
        while minute < end {
            for control in SoakSchedule.controls(atMinute: minute) { simulation.apply(control) }
            minute += 1
            simulation.advance(to: SoakSchedule.jiffy(ofMinute: minute, hz: hz, secondsPerMinute: secondsPerMinute))
            if minute % max(1, recordEveryMinutes) == 0 || minute == end {
                let problems = record()
                if !problems.isEmpty { return problems.map { "minute \(minute): \($0)" } }
            }
        }
        return []
    }

    private mutating func record() -> [String] {
        records += 1
        let snapshot = simulation.snapshot()
        maxHistory = max(maxHistory, snapshot.history.count)
        maxEventLog = max(maxEventLog, snapshot.recentEvents.count)
        let f = simulation.footprint
        maxHistory = max(maxHistory, f.historyCount)
        maxEventLog = max(maxEventLog, f.eventLogCount)
        maxQueuedEvents = max(maxQueuedEvents, f.queuedEvents)
        largestCounter = max(largestCounter, f.largestCounter)
        var problems = monitor.check(simulation)
        if f.historyCount > f.historyCapacity || snapshot.history.count > f.historyCapacity {
            problems.append("snapshot history \(snapshot.history.count) over capacity \(f.historyCapacity)")
        }
        if snapshot.recentEvents.count > f.eventLogCapacity {
            problems.append("snapshot event log \(snapshot.recentEvents.count) over capacity \(f.eventLogCapacity)")
        }
        if snapshot.counters.queued != snapshot.counters.invoked &+ snapshot.counters.pending {
            problems.append("snapshot counters: queued \(snapshot.counters.queued) != invoked + pending")
        }
        return problems
    }

    /// The footprint's capacities (for reports).
    public var capacities: (history: Int, eventLog: Int) {
        let f = simulation.footprint
        return (f.historyCapacity, f.eventLogCapacity)
    }
}
