/// A run of callbacks counted, not allocated: how many, how many are lazy, the bytes they will
/// free, how many free nothing, the oldest enqueue jiffy, and the grace-period number they need.
///
/// Segments of `rcu_segcblist` and the `->nocb_bypass` list each hold one of these, so enqueue,
/// flush, advance and invoke are O(1) per batch (DESIGN.md §2).
public struct CallbackBatch: Sendable, Equatable {
    /// Number of callbacks.
    public var count: Int = 0
    /// Of `count`, callbacks queued with `call_rcu()` while lazy.
    public var lazyCount: Int = 0
    /// Bytes the callbacks free when invoked.
    public var bytes: UInt64 = 0
    /// Of `count`, callbacks that free no memory (e.g. `wakeme_after_rcu`).
    public var freesNothing: Int = 0
    /// Enqueue jiffy of the oldest callback (meaningless when empty).
    public var oldestEnqueue: Jiffies = 0
    /// The `gp_seq` value that must be reached before any of these may run: the largest
    /// `rcu_seq_snap(&rcu_state.gp_seq)` taken when each was queued. Used to check, never to decide.
    public var requiredGPSeq: Int64 = 0

    public init() {}

    public init(count: Int, lazyCount: Int = 0, bytes: UInt64 = 0, freesNothing: Int = 0,
                oldestEnqueue: Jiffies = 0, requiredGPSeq: Int64 = 0) {
        self.count = count; self.lazyCount = lazyCount; self.bytes = bytes
        self.freesNothing = freesNothing; self.oldestEnqueue = oldestEnqueue; self.requiredGPSeq = requiredGPSeq
    }

    public var isEmpty: Bool { count == 0 }

    /// Append `other` after this batch (list order is kept by the caller; counts just add).
    public mutating func append(_ other: CallbackBatch) {
        guard other.count > 0 else { return }
        if count == 0 {
            self = other
            return
        }
        count += other.count
        lazyCount += other.lazyCount
        bytes += other.bytes
        freesNothing += other.freesNothing
        oldestEnqueue = min(oldestEnqueue, other.oldestEnqueue)
        if GPSeq.isBefore(requiredGPSeq, other.requiredGPSeq) { requiredGPSeq = other.requiredGPSeq }
    }

    /// Remove everything and return it.
    public mutating func take() -> CallbackBatch {
        let all = self
        self = CallbackBatch()
        return all
    }
}
