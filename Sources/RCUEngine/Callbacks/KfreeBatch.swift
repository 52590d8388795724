/// kfree_rcu batching as shown (kernel-rcu.md §5).
public struct KfreeSnapshot: Sendable, Equatable {
    public init() {}
}
