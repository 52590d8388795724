import RCUEngine

/// When each CPU's lazy callbacks will be flushed: `nocb_bypass_first + jiffies_lazy_flush`
/// (kernel-rcu.md §2.7), counted down from the snapshot's jiffy. The timer wheel may run the
/// flush a little later than that (its bucket), so an overdue countdown reads `due`.
enum LazyFlushCountdown {
    /// Jiffies until `cpu`'s lazy flush is due (0 when overdue); nil when it has no lazy callbacks.
    static func jiffiesLeft(_ cpu: CPUSnapshot, in snapshot: Snapshot) -> UInt64? {
        guard cpu.lazyLength > 0, let first = cpu.bypassFirstJiffy else { return nil }
        let delay = snapshot.lazyFlushJiffies > 0 ? snapshot.lazyFlushJiffies : UInt64(10 * max(1, snapshot.hz))
        let due = first &+ delay
        return due > snapshot.jiffies ? due - snapshot.jiffies : 0
    }

    /// The CPU whose lazy flush comes first (lowest id on a tie), and the jiffies until it.
    static func soonest(in snapshot: Snapshot) -> (cpu: Int, jiffies: UInt64)? {
        var best: (cpu: Int, jiffies: UInt64)?
        for cpu in snapshot.cpus {
            guard let left = jiffiesLeft(cpu, in: snapshot) else { continue }
            if best == nil || left < best!.jiffies { best = (cpu.id, left) }
        }
        return best
    }

    /// `7.3s`, `10.0s`, or `due`: at most 5 characters.
    static func text(jiffies: UInt64, hz: Int) -> String {
        jiffies == 0 ? "due" : Format.fixed(Double(jiffies) / Double(max(1, hz)), decimals: 1) + "s"
    }
}
