/// The grace-period kthread (`rcu_preempt`) and the parts of `rcu_state` it owns
/// (kernel-rcu.md §4.2-4.4). The engine's GP logic is in `Simulation+GracePeriod.swift`.
///
/// A grace period's quiescent states are planned when it starts instead of being simulated
/// tick by tick: CPUs idle at the start are credited at the first FQS (`dti`) without being
/// woken; the GP kthread's own CPU (0), if idle, is the usual holdout and is credited at the
/// second FQS (kernel-rcu.md §4.5: "two FQS waits are usually needed"); each busy CPU reports
/// at its next context switch, derived from the workload's busy pattern, and never later than
/// `jiffies_to_sched_qs` (urgency). The GP ends when the last report arrives.
struct GPKthread: Sendable, Equatable {
    /// `rcu_state.gp_seq`.
    var gpSeq = GPSeq()
    /// `rcu_state.gp_seq_needed`: the furthest grace period anyone has asked for.
    var gpSeqNeeded: Int64 = GPSeq.initialValue
    /// `rcu_state.gp_state`.
    var state: GPState = .waitGPs
    /// Bumped whenever the pending kthread event is replaced, so stale events are ignored.
    var generation: UInt32 = 0
    /// Is a kthread event (init, FQS, report wake) queued?
    var hasPendingEvent = false

    /// Jiffy the current (or last) grace period started.
    var startedAt: Jiffies = 0
    /// Jiffy of the first FQS of the current grace period.
    var firstFQSAt: Jiffies = 0
    /// Jiffy the GP kthread's CPU is credited, if it is the idle holdout.
    var holdoutCreditAt: Jiffies = 0
    /// Is CPU 0 the idle holdout of the current grace period?
    var cpu0IsHoldout = false
    /// Jiffy at which every quiescent state of the current grace period has been reported.
    var allReportedAt: Jiffies = 0
    /// Busy CPUs that owed a QS at the start, with the jiffy each reports it.
    var busyOwing: [(cpu: Int, reportAt: Jiffies)] = []
    /// Jiffies between FQS scans in the current grace period.
    var fqsInterval: Jiffies = 3
    /// Next FQS jiffy while waiting.
    var nextFQSAt: Jiffies = 0
    /// FQS scans in the current grace period.
    var fqsInThisGP = 0

    var completed: UInt64 = 0
    var fqsScans: UInt64 = 0
    var recentDurations = Ring<UInt64>(capacity: 32)

    static func == (a: GPKthread, b: GPKthread) -> Bool {
        a.gpSeq == b.gpSeq && a.gpSeqNeeded == b.gpSeqNeeded && a.state == b.state && a.generation == b.generation
            && a.startedAt == b.startedAt && a.completed == b.completed && a.fqsScans == b.fqsScans
            && a.allReportedAt == b.allReportedAt && a.busyOwing.map(\.cpu) == b.busyOwing.map(\.cpu)
            && a.busyOwing.map(\.reportAt) == b.busyOwing.map(\.reportAt)
    }
}
