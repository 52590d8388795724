/// `struct rcu_data`: one CPU's RCU state (kernel-rcu.md §1, §2, §9): its segmented callback
/// list, its bypass, the per-jiffy no-bypass counter, its rcuop kthread and its activity.
struct RCUData: Sendable, Equatable {
    /// CPU number.
    let id: Int
    /// Is this CPU's callback handling offloaded to rcuog/rcuop (`rcu_nocbs`)?
    var isOffloaded: Bool
    /// Index of its no-CB group (the rcuog that serves it).
    let group: Int
    /// `->cblist`.
    var cblist = SegmentedCallbackList()
    /// `->nocb_bypass`, `->lazy_len`, `->nocb_bypass_first`.
    var bypass = BypassList()
    /// `->nocb_nobypass_last`: jiffy of the last call to `rcu_nocb_try_bypass`.
    var noBypassLast: Jiffies = 0
    /// `->nocb_nobypass_count`: calls seen in that jiffy (decays by the limit each new jiffy).
    var noBypassCount = 0
    /// `->qlen_last_fqs_check`: length at the last overload check.
    var qlenLastFQSCheck = 0
    /// `->nocb_gp_adv_time`: jiffy of the last opportunistic advance at enqueue.
    var nocbGPAdvTime: Jiffies = .max
    /// `->nocb_cb_sleep`: is rcuop/N asleep?
    var rcuopAsleep = true
    /// Is an rcuop run (or a softirq run, when not offloaded) queued?
    var invokeQueued = false
    /// The CPU runs workload code until this jiffy (exclusive).
    var busyUntil: Jiffies = 0
    /// Is this CPU in `Simulation.transientBusy`?
    var inBusyList = false
    /// Non-offloaded only: is the scheduler tick running because of RCU (`rcu_needs_cpu`)?
    var tickRunning = false
    /// Non-offloaded only: generation of the queued tick event.
    var tickGeneration: UInt32 = 0

    /// Callbacks invoked on this CPU since start (FIFO position, for barrier and synchronize waits).
    var invokedTotal: UInt64 = 0
    /// Does this CPU hold any callback (its bit in the group's mask)?
    var hasCallbacks = false
    /// Does this CPU hold at least `qovld` callbacks?
    var isOverloaded = false

    /// RCU-caused wake-ups since start.
    var wakeups: UInt64 = 0
    /// Second of the last counted wake-up, and counts for that second and the one before.
    var wakeupSecond: UInt64 = 0
    var wakeupsThisSecond: UInt64 = 0
    var wakeupsPreviousSecond: UInt64 = 0

    init(id: Int, isOffloaded: Bool, group: Int) {
        self.id = id; self.isOffloaded = isOffloaded; self.group = group
    }

    /// `rcu_segcblist_n_cbs`: segments plus bypass, as the kernel's `->cblist.len` counts them.
    var length: Int { cblist.count + bypass.count }

    /// Count one RCU wake-up in simulated second `second`.
    mutating func countWakeup(inSecond second: UInt64) {
        wakeups += 1
        if wakeupSecond != second {
            wakeupsPreviousSecond = wakeupSecond + 1 == second ? wakeupsThisSecond : 0
            wakeupsThisSecond = 0
            wakeupSecond = second
        }
        wakeupsThisSecond += 1
    }

    /// Wake-ups during the whole second before `second`.
    func wakeups(inSecondBefore second: UInt64) -> UInt64 {
        if wakeupSecond == second { return wakeupsPreviousSecond }
        if wakeupSecond + 1 == second { return wakeupsThisSecond }
        return 0
    }
}
