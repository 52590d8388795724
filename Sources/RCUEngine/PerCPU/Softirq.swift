/// CPUs that are not offloaded (kernel-rcu.md §2.2 step 1, §4.4): `call_rcu_core()` queues on
/// NEXT, laziness is ignored, and `rcu_core()` runs from RCU_SOFTIRQ on the scheduler tick,
/// which keeps running while the CPU has callbacks (`rcu_needs_cpu()`): a wake-up per jiffy
/// whenever the CPU would otherwise be idle.
extension Simulation {
    /// A callback landed on a non-offloaded CPU: make sure its tick is running.
    mutating func softirqCallbacksQueued(cpu c: Int) {
        guard !cpus[c].tickRunning else { return }
        cpus[c].tickRunning = true
        cpus[c].tickGeneration &+= 1
        queue.schedule(.softirqTick(cpu: Int32(c), generation: cpus[c].tickGeneration), at: now + 1)
    }

    /// The softirq batch limit `bl = max(blimit, DONE >> rcu_divisor)` (`rcu_do_batch`).
    public static func softirqBatchLimit(doneCount: Int, blimit: Int = 10, rcuDivisor: Int = 7) -> Int {
        max(blimit, doneCount >> rcuDivisor)
    }

    /// One tick on a non-offloaded CPU: `rcu_core()` notes grace-period changes (advance and
    /// accelerate, asking for a GP), invokes DONE in batches of `bl`, and keeps the tick while
    /// callbacks remain.
    mutating func softirqTick(cpu c: Int, generation: UInt32) {
        guard cpus[c].tickRunning, cpus[c].tickGeneration == generation else { return }
        if !isBusy(c) { countWakeup(cpu: c, cause: .tick) }
        advanceAndAccelerate(cpu: c)
        while cpus[c].cblist.hasReadyCallbacks {
            let bl = Simulation.softirqBatchLimit(doneCount: cpus[c].cblist[.done].count,
                                                  blimit: params.blimit, rcuDivisor: params.rcuDivisor)
            softirqBatches += 1
            lastSoftirqBatchLimit = bl
            invoke(cpus[c].cblist.extractDoneCallbacks(limit: bl), on: c)
        }
        if cpus[c].cblist.isEmpty {
            cpus[c].tickRunning = false  // rcu_needs_cpu() is false: the tick may stop
        } else {
            queue.schedule(.softirqTick(cpu: Int32(c), generation: generation), at: now + 1)
        }
    }

    /// Nothing to do at GP cleanup for softirq CPUs: their next tick notices the new gp_seq.
    mutating func gpCompletedForSoftirqCPUs() {}
}
