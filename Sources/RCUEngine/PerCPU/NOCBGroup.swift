/// `RCU_NOCB_WAKE_*`: how urgently a deferred wake of rcuog is wanted (kernel-rcu.md §2.4).
/// The order is the kernel's and `wake_nocb_gp_defer` compares levels with `<`.
public enum DeferredWake: Int, Sendable, Comparable, CaseIterable {
    case not = 0, bypass = 1, lazy = 2, wake = 3, force = 4

    public static func < (a: DeferredWake, b: DeferredWake) -> Bool { a.rawValue < b.rawValue }

    /// The kernel's name.
    public var kernelName: String {
        switch self {
        case .not: return "RCU_NOCB_WAKE_NOT"
        case .bypass: return "RCU_NOCB_WAKE_BYPASS"
        case .lazy: return "RCU_NOCB_WAKE_LAZY"
        case .wake: return "RCU_NOCB_WAKE"
        case .force: return "RCU_NOCB_WAKE_FORCE"
        }
    }
}

/// What the group's rcuog kthread is doing.
enum RcuogState: Sendable, Equatable {
    /// Asleep until explicitly woken (`Sleep`).
    case sleeping
    /// Waiting for `gp_seq` to reach the value (`StartWait`); GP cleanup wakes it.
    case waitingForGP(Int64)
    /// Woken; a pass over the group is queued at the current jiffy.
    case passQueued
}

/// A no-CB group: `rcuog/<leader>` and its member CPUs, with the leader's (`rdp_gp`)
/// `nocb_defer_wakeup` level and `nocb_timer` (kernel-rcu.md §2.1, §2.4).
struct NOCBGroup: Sendable, Equatable {
    /// First offloaded CPU of the group (`rdp_gp`); rcuog runs (and its wake-ups are charged)
    /// there. The range start when no member is offloaded.
    let leader: Int
    /// Member CPUs (consecutive ids).
    let cpus: Range<Int>
    var state: RcuogState = .sleeping
    /// `rdp_gp->nocb_defer_wakeup`.
    var deferredWake: DeferredWake = .not
    /// Is `rdp_gp->nocb_timer` pending?
    var isTimerPending = false
    /// The timer's `expires` (the jiffy asked for; it runs at `TimerWheel.fireJiffy`).
    var timerExpires: Jiffies = 0
    /// Bumped on every mod_timer / del_timer so stale timer events are ignored.
    var timerGeneration: UInt32 = 0
    /// The jiffy the timer runs at (`TimerWheel.fireJiffy` of `timerExpires`).
    var timerFireAt: Jiffies = 0
    /// Jiffy of the timer event on the queue, if any. A re-armed timer that runs later reuses
    /// it (the event re-queues itself), so re-arming costs no queue entry.
    var queuedTimerEventAt: Jiffies? = nil

    /// Members with callbacks (segments or bypass), one bit per CPU from the range start (low word:
    /// first 64, high word: the rest): rcuog's pass visits only these, as the kernel skips empty
    /// CPUs. Groups have at most 66 CPUs (4095 / 63).
    var withCallbacksLow: UInt64 = 0
    var withCallbacksHigh: UInt64 = 0

    init(leader: Int, cpus: Range<Int>) {
        precondition(cpus.count <= 128 && cpus.contains(leader))
        self.leader = leader; self.cpus = cpus
    }

    mutating func setHasCallbacks(_ cpu: Int, _ has: Bool) {
        let bit = cpu - cpus.lowerBound
        if bit < 64 {
            if has { withCallbacksLow |= 1 << UInt64(bit) } else { withCallbacksLow &= ~(1 << UInt64(bit)) }
        } else {
            if has { withCallbacksHigh |= 1 << UInt64(bit - 64) } else { withCallbacksHigh &= ~(1 << UInt64(bit - 64)) }
        }
    }
}

/// One no-CB group as shown: `rcuog/<leader>`, what it is doing, and its deferred wake.
public struct NOCBGroupSnapshot: Sendable, Equatable {
    /// What rcuog is doing.
    public enum Activity: String, Sendable, Equatable {
        /// Asleep until woken (`Sleep`).
        case sleeping
        /// Waiting for a grace period to end (`StartWait`).
        case waitingForGP = "waiting_for_gp"
        /// Woken, about to pass over its CPUs.
        case running
    }
    /// The leader CPU (`rcuog/<leader>`), and the first and last CPU of the group.
    public var leader: Int
    public var firstCPU: Int
    public var lastCPU: Int
    public var activity: Activity
    /// The `gp_seq` value rcuog waits for, when waiting.
    public var waitingForGPSeq: Int64?
    /// `rdp_gp->nocb_defer_wakeup`.
    public var deferredWake: DeferredWake
    /// Jiffy the group timer runs at, if armed.
    public var timerFiresAt: UInt64?

    public init(leader: Int, firstCPU: Int, lastCPU: Int, activity: Activity, waitingForGPSeq: Int64?,
                deferredWake: DeferredWake, timerFiresAt: UInt64?) {
        self.leader = leader; self.firstCPU = firstCPU; self.lastCPU = lastCPU; self.activity = activity
        self.waitingForGPSeq = waitingForGPSeq; self.deferredWake = deferredWake; self.timerFiresAt = timerFiresAt
    }

    /// The kthread's name.
    public var name: String { "rcuog/\(leader)" }
}
