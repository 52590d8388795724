/// `rdp->nocb_bypass` with `->lazy_len` and `->nocb_bypass_first` (kernel-rcu.md §2.2):
/// callbacks an offloaded CPU parks before they reach its segmented list.
public struct BypassList: Sendable, Equatable {
    /// The parked callbacks.
    public private(set) var batch = CallbackBatch()
    /// `->lazy_len`: lazy callbacks in the bypass; reset to 0 on every flush.
    public private(set) var lazyLength = 0
    /// `->nocb_bypass_first`: jiffy of the first enqueue since the last flush.
    public private(set) var firstJiffy: Jiffies = 0

    public init() {}

    /// Callbacks in the bypass (`rcu_cblist_n_cbs(&rdp->nocb_bypass)`).
    public var count: Int { batch.count }
    public var isEmpty: Bool { batch.count == 0 }
    /// `ncbs == lazy_len`: true when every parked callback is lazy, and when the bypass is empty.
    public var isAllLazy: Bool { batch.count == lazyLength }
    /// Bytes held by the lazy callbacks in the bypass.
    public private(set) var lazyBytes: UInt64 = 0
    /// Of `lazyLength`, lazy callbacks that free nothing (the `no-mem-flag` policy's mark).
    public private(set) var lazyFreesNothing = 0

    /// `rcu_cblist_enqueue(&rdp->nocb_bypass, rhp)` for a run of callbacks; sets
    /// `nocb_bypass_first` when the bypass was empty.
    public mutating func append(_ run: CallbackBatch, lazy: Bool, at j: Jiffies) {
        if batch.count == 0 { firstJiffy = j }
        batch.append(run)
        if lazy { lazyLength += run.count; lazyBytes += run.bytes; lazyFreesNothing += run.freesNothing }
    }

    /// `no-mem-flag`: take only the callbacks that free memory, leaving the marked ones (which
    /// free nothing) parked with their `nocb_bypass_first`. Returns the batch taken, the lazy
    /// callbacks and the lazy bytes in it.
    public mutating func takeFreeing(at j: Jiffies) -> (batch: CallbackBatch, lazy: Int, lazyBytes: UInt64) {
        let keep = batch.freesNothing
        guard keep > 0 else {
            let lazy = lazyLength, bytes = lazyBytes
            return (flush(at: j), lazy, bytes)
        }
        var moved = batch
        moved.count -= keep
        moved.lazyCount -= lazyFreesNothing
        moved.freesNothing = 0
        let lazyMoved = lazyLength - lazyFreesNothing
        let bytesMoved = lazyBytes
        batch.count = keep
        batch.lazyCount = lazyFreesNothing
        batch.bytes = 0
        lazyLength = lazyFreesNothing
        lazyBytes = 0
        return (moved.count > 0 ? moved : CallbackBatch(), lazyMoved, bytesMoved)
    }

    /// `rcu_nocb_do_flush_bypass`: take everything; `nocb_bypass_first = j`, `lazy_len = 0`.
    public mutating func flush(at j: Jiffies) -> CallbackBatch {
        firstJiffy = j
        lazyLength = 0
        lazyBytes = 0
        lazyFreesNothing = 0
        return batch.take()
    }
}
