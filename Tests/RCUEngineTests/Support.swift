@testable import RCUEngine

/// A quiet machine: no workloads, so only what a test queues happens.
func quietSimulation(cpus: Int = 8, hz: Int = 1000, lazy: Bool = true, kernel: KernelVersion = .v6_17,
                     memoryBytes: UInt64 = 4 << 30, freeBytesAtStart: UInt64? = nil,
                     policy: ReclaimPolicyKind = .shrinker, offloaded: [Int]? = nil,
                     pageCache: UInt64 = 0) -> Simulation {
    Simulation(config: EngineConfig(cpuCount: cpus, hz: hz, seed: 7, lazyEnabled: lazy, workloads: [], policy: policy,
                                    memoryBytes: memoryBytes, kernel: kernel, offloadedCPUs: offloaded,
                                    freeBytesAtStart: freeBytesAtStart, pageCacheBytes: pageCache))
}

extension Simulation {
    /// Step event by event until `condition` holds or `limit` is passed; returns the jiffy it first held.
    mutating func runUntil(limit: Jiffies, _ condition: (Simulation) -> Bool) -> Jiffies? {
        if condition(self) { return now }
        while let next = nextEventJiffy, next <= limit {
            advance(to: next)
            if condition(self) { return now }
        }
        advance(to: limit)
        return condition(self) ? now : nil
    }

    /// Callbacks invoked so far.
    var invokedCount: UInt64 { totals.invoked }

    /// Sums over the per-CPU lists, computed independently of the running totals.
    var audit: (pending: Int, bypass: Int, lazy: Int, bytes: UInt64, lazyBytes: UInt64) {
        var pending = 0, bypass = 0, lazy = 0
        var bytes: UInt64 = 0, lazyBytes: UInt64 = 0
        for d in cpus {
            pending += d.cblist.count + d.bypass.count
            bypass += d.bypass.count
            lazy += d.bypass.lazyLength
            bytes += d.cblist.bytes + d.bypass.batch.bytes
            lazyBytes += d.bypass.lazyBytes
        }
        for k in krcs {
            bytes += k.queuedBytes
            for slot in k.slots where slot.isBusy { bytes += slot.bytes }
        }
        return (pending, bypass, lazy, bytes, lazyBytes)
    }
}
