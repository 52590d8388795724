/// How memory held by lazy callbacks is got back (DESIGN.md §2; docs/engine-rules.md "Reclaim
/// policies"): the seam where the article's alternatives plug in. `shrinkSlab` (kswapd, direct
/// reclaim, proactive reclaim) calls `shrink`; the allocator's retry path calls `aboutToRetry`.
protocol ReclaimPolicy: Sendable {
    var kind: ReclaimPolicyKind { get }
    /// One `shrink_slab` call at vmscan `priority` (12 = gentle ... 0 = desperate).
    func shrink(_ sim: inout Simulation, priority: Int, trigger: ReclaimTrigger)
}

/// `none` (and `reclaim-hook`, `slab-deferred` in `shrink_slab`): lazy callbacks are never
/// flushed by a shrinker.
struct NoReclaim: ReclaimPolicy {
    var kind: ReclaimPolicyKind { .none }
    func shrink(_ sim: inout Simulation, priority: Int, trigger: ReclaimTrigger) {}
}

extension Simulation {
    static func reclaimPolicy(for kind: ReclaimPolicyKind) -> any ReclaimPolicy {
        switch kind {
        case .shrinker: return LazyRCUShrinker(freeingOnly: false)
        case .noMemFlag: return LazyRCUShrinker(freeingOnly: true)
        case .reclaimHook: return ReclaimHook()
        case .slabDeferred, .none: return NoReclaim()
        }
    }
}
