/// Settings fixed when a `Simulation` starts (flags of the command line).
public struct EngineConfig: Sendable, Equatable {
    /// `nr_cpu_ids`. 1...4096.
    public var cpuCount: Int
    /// Timer frequency: 100, 250, 300 or 1000.
    public var hz: Int
    /// Seed of the deterministic random number generator.
    public var seed: UInt64
    /// Is `call_rcu()` lazy at start (`enable_rcu_lazy`)?
    public var lazyEnabled: Bool
    /// Workloads running at start.
    public var workloads: [WorkloadKind]
    public var policy: ReclaimPolicyKind
    /// Total RAM of the memory model.
    public var memoryBytes: UInt64
    /// Which kernel's `wake_nocb_gp_defer` LAZY check to model (kernel-rcu.md §2.4).
    public var kernel: KernelVersion = .v6_17
    /// CPUs whose callbacks are offloaded (`rcu_nocbs=`); nil means all (`rcu_nocbs=all`).
    public var offloadedCPUs: [Int]? = nil
    /// Free memory at start; nil means a quarter of `memoryBytes`.
    public var freeBytesAtStart: UInt64? = nil
    /// Page cache at start that reclaim can drop; nil means an eighth of `memoryBytes` (capped by
    /// what is in use). Part of the used memory, not of the free memory.
    public var pageCacheBytes: UInt64? = nil

    public static let allowedHZ: [Int] = [100, 250, 300, 1000]
    public static let maxCPUs = 4096

    public init(cpuCount: Int = 8, hz: Int = 1000, seed: UInt64 = 1, lazyEnabled: Bool = true,
                workloads: [WorkloadKind] = [.video], policy: ReclaimPolicyKind = .shrinker,
                memoryBytes: UInt64 = 4 << 30, kernel: KernelVersion = .v6_17, offloadedCPUs: [Int]? = nil,
                freeBytesAtStart: UInt64? = nil, pageCacheBytes: UInt64? = nil) {
        self.cpuCount = cpuCount; self.hz = hz; self.seed = seed; self.lazyEnabled = lazyEnabled
        self.workloads = workloads; self.policy = policy; self.memoryBytes = memoryBytes
        self.kernel = kernel; self.offloadedCPUs = offloadedCPUs; self.freeBytesAtStart = freeBytesAtStart
        self.pageCacheBytes = pageCacheBytes
    }

    /// Is `cpu` offloaded (no-CB) under this configuration?
    public func isOffloaded(_ cpu: Int) -> Bool { offloadedCPUs.map { $0.contains(cpu) } ?? true }
}

/// The kernel whose lazy-wake deferral is modelled (kernel-rcu.md §2.4).
public enum KernelVersion: String, Sendable, CaseIterable, Equatable {
    /// Before "rcu: Fix delayed execution of hurry callbacks": `wake_nocb_gp_defer(LAZY)` checks the
    /// enqueuing CPU's `nocb_defer_wakeup`, so a lazy enqueue on a non-leader CPU can push a pending
    /// 2-jiffy bypass wake out to 10 s.
    case v6_12 = "6.12"
    /// With the fix (upstream 463d46044f04, ~v6.17): the check looks at the group leader (`rdp_gp`).
    case v6_17 = "6.17"

}

/// The synthetic workloads (calibration.md). Each can be toggled while running.
public enum WorkloadKind: String, Sendable, CaseIterable, Equatable, Hashable {
    case video, logging, build, idle
    /// Appended after the first four (keys 5 and 6).
    case memhog, proactive

    /// One line for `--list-workloads` and the help screen.
    public var summary: String {
        switch self {
        case .video: return "ChromeOS-style video playback: a frame every 16.6 ms closes files, 1-2 lazy callbacks at a time"
        case .logging: return "Android-style logger: opens and closes files constantly, each close frees file/dentry/inode objects"
        case .build: return "kernel build: every CPU busy, thousands of callbacks per second, some hurry"
        case .idle: return "idle, screen off: a light trickle of lazy callbacks"
        case .memhog: return "memory hog: allocates 1 MiB chunks steadily until allocations stall, releases half every 20 s"
        case .proactive: return "proactive reclaim agent: writes memory.reclaim every 5 s with no shortage (calls shrinkers)"
        }
    }
}

/// How memory held by lazy callbacks is got back (DESIGN.md §2; docs/engine-rules.md "Reclaim
/// policies"). The seam is `ReclaimPolicy`.
public enum ReclaimPolicyKind: String, Sendable, CaseIterable, Equatable {
    /// Today's kernel: the "rcu-lazy" count/scan shrinker, called by kswapd, direct and proactive reclaim.
    case shrinker
    /// No shrinker: flush every lazy callback when the allocator is about to retry.
    case reclaimHook = "reclaim-hook"
    /// Shrinker that counts and flushes only callbacks that free memory.
    case noMemFlag = "no-mem-flag"
    /// Objects wait in the slab as "free after GP n": no callback; reclaim takes them back once the GP is past.
    case slabDeferred = "slab-deferred"
    /// Lazy callbacks are never flushed for memory.
    case none

    /// One line for the help screen and the README.
    public var summary: String {
        switch self {
        case .shrinker: return "today's count/scan shrinker: flushes whole lazy bypass lists, only starts a GP"
        case .reclaimHook: return "no shrinker; flush all lazy callbacks when an allocation is about to retry"
        case .noMemFlag: return "shrinker that skips callbacks marked as freeing nothing"
        case .slabDeferred: return "no callback: objects wait in the slab until their GP is past, reclaim takes them back"
        case .none: return "lazy callbacks are never flushed for memory"
        }
    }
}

/// A change applied to a running simulation (from a key, a scenario step or a flag).
public enum EngineControl: Sendable, Equatable {
    case setWorkload(WorkloadKind, on: Bool)
    case setLazy(Bool)
    case setPolicy(ReclaimPolicyKind)
}

/// A kernel call made on the running simulation (from a key or a scenario step), applied with
/// `Simulation.perform(_:)`. Kept apart from `EngineControl`, whose cases callers switch over.
public enum EngineAction: Sendable, Equatable {
    /// `rcu_barrier()`: flush every bypass and wait for every queued callback.
    case rcuBarrier
    /// `synchronize_rcu()` from a CPU (a `call_rcu_hurry` it waits for).
    case synchronizeRCU(cpu: Int)
    /// `synchronize_rcu_expedited()`.
    case synchronizeRCUExpedited
    /// `call_rcu()` (or `call_rcu_hurry()`) of `count` callbacks on a CPU, 256 bytes each.
    case callRCU(cpu: Int, count: Int, hurry: Bool)
    /// `kfree_rcu()` of `count` objects on a CPU, 256 bytes each.
    case kfreeRCU(cpu: Int, count: Int)
}
