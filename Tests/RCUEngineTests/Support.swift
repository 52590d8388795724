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
}
