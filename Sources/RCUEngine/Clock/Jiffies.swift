/// Simulated time in jiffies (`jiffies` in the kernel). The engine starts at 0 and never wraps.
public typealias Jiffies = UInt64

/// `time_after(a, b)`: is `a` strictly later than `b`? (No wrap: the engine's jiffies start at 0.)
@inline(__always) func timeAfter(_ a: Jiffies, _ b: Jiffies) -> Bool { a > b }

/// The kernel timer wheel's rounding of a timer's expiry (`kernel/time/timer.c`, `calc_index`).
///
/// A timer armed for `expires` is put in a bucket of its level and fires at that bucket's
/// expiry, which is always strictly later than `expires` ("the timer wheel has to guarantee
/// that a timer does not fire early"): +1 jiffy at level 0 (delays below 63 jiffies), rounded
/// up to 8 jiffies at level 1, 64 at level 2, 512 at level 3 (delays of 4032 to 32255 jiffies,
/// which is where the 10 s lazy timer lands at HZ=1000). This matters: rcuog's lazy check is
/// `time_after(j, nocb_bypass_first + jiffies_lazy_flush)`, which would be false at exactly
/// `expires` and push the flush out by another 10 s.
public enum TimerWheel {
    /// `LVL_CLK_SHIFT`: each level is 8 times coarser.
    static let levelClockShift: UInt64 = 3
    /// `LVL_BITS`: 64 buckets per level.
    static let levelBits: UInt64 = 6
    /// `LVL_DEPTH` for HZ > 100.
    static let depth: UInt64 = 9

    /// `LVL_START(n)`: the smallest delay that goes into level `n`.
    static func levelStart(_ n: UInt64) -> UInt64 { ((1 << levelBits) - 1) << ((n - 1) * levelClockShift) }

    /// The jiffy at which a timer armed at `now` for `expires` actually runs.
    public static func fireJiffy(expires: Jiffies, armedAt now: Jiffies) -> Jiffies {
        let delta = expires > now ? expires - now : 0
        var level: UInt64 = 0
        while level + 1 < depth && delta >= levelStart(level + 1) { level += 1 }
        let shift = level * levelClockShift
        return ((expires >> shift) + 1) << shift
    }
}

/// Timing parameters that follow from HZ and `nr_cpu_ids` (kernel-rcu.md §2.9, §4.3).
public struct KernelParameters: Sendable, Equatable {
    public let hz: Int
    public let cpuCount: Int
    /// `qhimark`: bypass length that forces a flush at enqueue (2x in rcuog).
    public let qhimark: Int = 10000
    /// `qovld`: a CPU with this many callbacks counts as overloaded.
    public let qovld: Int = 20000
    /// `blimit`: softirq batch floor.
    public let blimit: Int = 10
    /// `rcu_divisor`: softirq batch is max(blimit, DONE >> rcu_divisor).
    public let rcuDivisor: Int = 7

    public init(hz: Int, cpuCount: Int) { self.hz = hz; self.cpuCount = cpuCount }

    /// `RCU_JIFFIES_TILL_FORCE_QS` = 1 + (HZ > 250) + (HZ > 500).
    public var jiffiesTillForceQS: Jiffies { 1 + (hz > 250 ? 1 : 0) + (hz > 500 ? 1 : 0) }
    /// `jiffies_till_first_fqs`: RCU_JIFFIES_TILL_FORCE_QS + nr_cpu_ids / RCU_JIFFIES_FQS_DIV (256).
    public var jiffiesTillFirstFQS: Jiffies { jiffiesTillForceQS + Jiffies(cpuCount / 256) }
    /// `jiffies_till_next_fqs`: same default as the first wait.
    public var jiffiesTillNextFQS: Jiffies { jiffiesTillFirstFQS }
    /// `jiffies_to_sched_qs` = max(first + 2*next, HZ/10 + nr_cpu_ids/256).
    public var jiffiesToSchedQS: Jiffies {
        max(jiffiesTillFirstFQS + 2 * jiffiesTillNextFQS, Jiffies(hz / 10 + cpuCount / 256))
    }
    /// `jiffies_lazy_flush` = `LAZY_FLUSH_JIFFIES` = 10 * HZ.
    public var lazyFlushJiffies: Jiffies { Jiffies(10 * hz) }
    /// `nocb_nobypass_lim_per_jiffy` = 16 * 1000 / HZ.
    public var noBypassLimitPerJiffy: Int { 16 * 1000 / hz }
    /// `rcu_nocb_gp_stride` default: nr_cpu_ids / int_sqrt(nr_cpu_ids).
    public var nocbGroupSize: Int { max(1, cpuCount / isqrt(cpuCount)) }
    /// Jiffies for a duration in microseconds, rounded down, at least `minimum`.
    public func jiffies(microseconds us: UInt64, minimum: Jiffies = 0) -> Jiffies {
        max(minimum, us * UInt64(hz) / 1_000_000)
    }
}

/// `int_sqrt`: the integer square root, rounded down.
public func isqrt(_ n: Int) -> Int {
    guard n > 1 else { return max(n, 0) }
    // Newton's method on integers (no libm).
    var x = n
    var y = (x + 1) / 2
    while y < x {
        x = y
        y = (x + n / x) / 2
    }
    return x
}
