/// Callers that wait for grace periods: `rcu_barrier()`, `synchronize_rcu()` and
/// `synchronize_rcu_expedited()` (kernel-rcu.md §4.6, §4.7), as shown.
public struct WaitSnapshot: Sendable, Equatable {
    /// `rcu_barrier()` calls completed.
    public var barriersCompleted: UInt64 = 0
    /// Is an `rcu_barrier()` waiting now?
    public var barrierInProgress = false
    /// Callbacks the current (or last) barrier waits for, its own barrier callbacks included.
    public var barrierCallbacks: UInt64 = 0
    /// Jiffies the last completed barrier took.
    public var lastBarrierJiffies: UInt64 = 0
    /// `synchronize_rcu()` calls completed, and the jiffies the last one waited.
    public var synchronizeCompleted: UInt64 = 0
    public var lastSynchronizeJiffies: UInt64 = 0
    /// Expedited grace periods completed (`expedited_sequence` / 4) and IPIs they sent.
    public var expeditedCompleted: UInt64 = 0
    public var expeditedIPIs: UInt64 = 0
    /// `rcu_state.expedited_sequence`, same encoding as gp_seq, starting at 0.
    public var expeditedSequence: Int64 = 0
    /// CPUs with at least `qovld` (20000) callbacks: grace periods use the overload FQS timing.
    public var overloadedCPUs: Int = 0

    public init() {}
}
