/// kfree_rcu batching (`struct kfree_rcu_cpu`, "krc"; kernel-rcu.md §5): objects freed with
/// `kfree_rcu()` are not RCU callbacks of their own. They are stored in page-sized blocks of
/// pointers per CPU (507 per 4 KiB page) or, when no page can be had, linked through their own
/// `rcu_head`. A monitor work runs 5 s later (1 jiffy once a page's worth is waiting), frees at
/// once any block whose grace-period snapshot has already completed, and hands the rest to one
/// of two batch slots that wait for a normal grace period through `queue_rcu_work()` (a
/// `call_rcu_hurry`); after it, `kfree_bulk()` frees each block.
struct KfreeRCUCPU: Sendable, Equatable {
    /// A page of pointers (`kvfree_rcu_bulk_data`) or the `rcu_head` list.
    struct Block: Sendable, Equatable {
        var objects = 0
        var bytes: UInt64 = 0
        /// `gp_snap`: `get_state_synchronize_rcu()` at the last insert.
        var gpSnap: Int64 = 0
    }
    /// A batch slot (`krw_arr[i]`) waiting for its grace period.
    struct Slot: Sendable, Equatable {
        var isBusy = false
        var objects = 0
        var bytes: UInt64 = 0
        var pages = 0
        var headObjects = 0
        /// This CPU's invocation count at which the slot's rcu_work callback has run.
        var target: UInt64 = 0
    }

    /// `bulk_head[0]`, oldest first; every block but the last is full.
    var blocks: [Block] = []
    /// `head` (channel 3): objects linked through their rcu_head, no page needed.
    var head = Block()
    /// `bkvcache`: spare pages, at most `rcu_min_cached_objs` (5).
    var cachedPages = 0
    var slots = [Slot(), Slot()]
    /// `monitor_work`: pending, due jiffy and generation.
    var isMonitorPending = false
    var monitorAt: Jiffies = 0
    var monitorGeneration: UInt32 = 0
    /// Page-cache refill work pending; `backoff_page_cache_fill` after a shrinker hit.
    var isRefillPending = false
    var isBackingOff = false

    /// Objects waiting in blocks and the head list (not yet handed to a batch).
    var queuedObjects: Int { blocks.reduce(0) { $0 + $1.objects } + head.objects }
    var queuedBytes: UInt64 { blocks.reduce(0) { $0 + $1.bytes } + head.bytes }
}

/// kfree_rcu batching as shown (kernel-rcu.md §5).
public struct KfreeSnapshot: Sendable, Equatable {
    /// Objects waiting in per-CPU pages and head lists for the monitor.
    public var objectsQueued = 0
    /// Objects in batches waiting for their grace period.
    public var objectsInFlight = 0
    /// Pages holding queued or in-flight pointers, and spare pages in the per-CPU caches.
    public var pagesInUse = 0
    public var cachedPages = 0
    /// Objects freed since start, and of them those freed without a new grace period because
    /// their snapshot had already completed.
    public var objectsFreed: UInt64 = 0
    public var freedWithoutNewGP: UInt64 = 0
    /// Batches handed to `queue_rcu_work` (each one `call_rcu_hurry`), and `kfree_bulk` calls.
    public var batchesQueued: UInt64 = 0
    public var bulkFrees: UInt64 = 0
    /// Objects that found no page: linked through their rcu_head (two-argument form), or freed
    /// after an inline `synchronize_rcu()` (single-argument form).
    public var headListFallbacks: UInt64 = 0
    public var inlineSynchronize: UInt64 = 0
    /// The "rcu-kfree" shrinker's count / scan calls.
    public var shrinkerCounts: UInt64 = 0
    public var shrinkerScans: UInt64 = 0

    public init() {}
}
