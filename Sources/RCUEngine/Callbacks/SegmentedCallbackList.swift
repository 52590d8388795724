/// `struct rcu_segcblist`: one CPU's callbacks in four segments DONE / WAIT / NEXT_READY / NEXT,
/// with a `gp_seq` tag per segment (kernel-rcu.md §1). Only the WAIT and NEXT_READY tags mean
/// anything: the `gp_seq` at which their callbacks become ready. Segments are counted batches,
/// so every operation is O(1).
///
/// Unlike the kernel's `->len`, `count` here does not include the bypass list.
public struct SegmentedCallbackList: Sendable, Equatable {
    private var done = CallbackBatch()
    private var wait = CallbackBatch()
    private var nextReady = CallbackBatch()
    private var next = CallbackBatch()
    private var waitTag: Int64 = 0
    private var nextReadyTag: Int64 = 0

    public init() {}

    /// Clear-box initializer for tests: segment counts (as batches) and the WAIT / NEXT_READY tags.
    init(done: CallbackBatch, wait: CallbackBatch, nextReady: CallbackBatch, next: CallbackBatch,
         waitTag: Int64, nextReadyTag: Int64) {
        self.done = done; self.wait = wait; self.nextReady = nextReady; self.next = next
        self.waitTag = waitTag; self.nextReadyTag = nextReadyTag
    }

    /// The batch in a segment.
    public subscript(segment: Segment) -> CallbackBatch {
        get {
            switch segment {
            case .done: return done
            case .wait: return wait
            case .nextReady: return nextReady
            case .next: return next
            }
        }
        set {
            switch segment {
            case .done: done = newValue
            case .wait: wait = newValue
            case .nextReady: nextReady = newValue
            case .next: next = newValue
            }
        }
    }

    /// `->gp_seq[seg]`: the tag of WAIT or NEXT_READY (0 for DONE and NEXT, which carry none).
    public func gpSeqTag(_ segment: Segment) -> Int64 {
        switch segment {
        case .wait: return waitTag
        case .nextReady: return nextReadyTag
        case .done, .next: return 0
        }
    }

    private mutating func setTag(_ segment: Segment, _ value: Int64) {
        switch segment {
        case .wait: waitTag = value
        case .nextReady: nextReadyTag = value
        case .done, .next: break
        }
    }

    /// `seglen[]` as four numbers.
    public var segmentLengths: [Int] { [done.count, wait.count, nextReady.count, next.count] }
    /// Callbacks in all four segments.
    public var count: Int { done.count + wait.count + nextReady.count + next.count }
    public var isEmpty: Bool { count == 0 }
    /// Bytes held by all four segments.
    public var bytes: UInt64 { done.bytes + wait.bytes + nextReady.bytes + next.bytes }

    /// `rcu_segcblist_restempty(seg)`: are all segments after `segment` empty?
    public func isRestEmpty(after segment: Segment) -> Bool {
        switch segment {
        case .done: return wait.count == 0 && nextReady.count == 0 && next.count == 0
        case .wait: return nextReady.count == 0 && next.count == 0
        case .nextReady: return next.count == 0
        case .next: return true
        }
    }

    /// `rcu_segcblist_pend_cbs`: any callbacks not yet ready?
    public var hasPendingCallbacks: Bool { !isRestEmpty(after: .done) }
    /// `rcu_segcblist_ready_cbs`: anything in DONE?
    public var hasReadyCallbacks: Bool { done.count > 0 }

    /// `rcu_segcblist_nextgp`: the WAIT tag if any callback is pending, else nil.
    /// (As in the kernel, this is WAIT's tag even when only NEXT holds callbacks.)
    public var nextGP: Int64? { hasPendingCallbacks ? waitTag : nil }

    /// `rcu_segcblist_enqueue`: append to NEXT.
    public mutating func enqueue(_ batch: CallbackBatch) { next.append(batch) }

    /// `rcu_segcblist_accelerate(seq)`: give every callback that has no grace period yet the
    /// number `seq` (normally `rcu_seq_snap(&rcu_state.gp_seq)`), merging NEXT and any segment
    /// that would wait for a later number into the first eligible slot. Returns true if some
    /// callbacks now wait for `seq`, in which case the caller must call `rcu_start_this_gp(seq)`.
    @discardableResult
    public mutating func accelerate(to seq: Int64) -> Bool {
        if isRestEmpty(after: .done) { return false }
        // Find the newest segment whose callbacks complete before `seq`, skipping empty ones.
        var i = Segment.nextReady.rawValue
        while i > Segment.done.rawValue {
            let s = Segment(rawValue: i)!
            if self[s].count > 0 && GPSeq.isBefore(gpSeqTag(s), seq) { break }
            i -= 1
        }
        // Everything after it is already waiting for `seq` or later: nothing to do.
        if isRestEmpty(after: Segment(rawValue: i)!) { return false }
        i += 1
        if i >= Segment.next.rawValue { return false }
        // Merge every later segment (and NEXT) into segment i, tagged `seq`.
        let target = Segment(rawValue: i)!
        var merged = self[target]
        for j in (i + 1)...Segment.next.rawValue {
            let s = Segment(rawValue: j)!
            merged.append(self[s])
            self[s] = CallbackBatch()
        }
        self[target] = merged
        for j in i..<Segment.next.rawValue { setTag(Segment(rawValue: j)!, seq) }
        return true
    }

    /// `rcu_segcblist_advance(seq)`: move every segment whose tag is at or before `seq` (the
    /// current `gp_seq`) into DONE, then slide what is left down to WAIT.
    public mutating func advance(to seq: Int64) {
        if isRestEmpty(after: .done) { return }
        var i = Segment.wait.rawValue
        while i < Segment.next.rawValue {
            let s = Segment(rawValue: i)!
            if GPSeq.isBefore(seq, gpSeqTag(s)) { break }
            done.append(self[s])
            self[s] = CallbackBatch()
            i += 1
        }
        if i == Segment.wait.rawValue { return }
        // Fill the WAIT gap left by the ready segments with NEXT_READY, keeping its tag.
        var j = Segment.wait.rawValue
        while i < Segment.next.rawValue {
            if isRestEmpty(after: .done) { break }
            let from = Segment(rawValue: i)!, to = Segment(rawValue: j)!
            let moved = self[from]
            self[from] = CallbackBatch()
            self[to] = moved
            setTag(to, gpSeqTag(from))
            i += 1; j += 1
        }
    }

    /// `rcu_segcblist_extract_done_cbs`: detach the whole DONE segment.
    public mutating func extractDoneCallbacks() -> CallbackBatch { done.take() }

    /// `rcu_segcblist_extract_done_cbs` with a limit (softirq `rcu_do_batch` with `bl`): detach
    /// up to `limit` callbacks from DONE, proportionally to their counts and bytes.
    public mutating func extractDoneCallbacks(limit: Int) -> CallbackBatch {
        if limit >= done.count { return done.take() }
        let part = done.split(first: limit)
        return part
    }

    /// `rcu_segcblist_entrain`: add `batch` after the last non-empty segment, so it runs after
    /// every callback already queued, not merely after one grace period. With nothing pending
    /// it joins DONE and needs no grace period at all.
    public mutating func entrain(_ batch: CallbackBatch) {
        if next.count > 0 { next.append(batch); return }
        if nextReady.count > 0 { nextReady.append(batch); return }
        if wait.count > 0 { wait.append(batch); return }
        done.append(batch)
    }
}

extension CallbackBatch {
    /// Split off the first `n` callbacks (counts and bytes shared out proportionally).
    mutating func split(first n: Int) -> CallbackBatch {
        precondition(n >= 0 && n <= count)
        if n == count { return take() }
        if n == 0 { return CallbackBatch() }
        var part = self
        part.count = n
        part.lazyCount = lazyCount * n / count
        part.freesNothing = freesNothing * n / count
        part.bytes = bytes * UInt64(n) / UInt64(count)
        count -= n
        lazyCount -= part.lazyCount
        freesNothing -= part.freesNothing
        bytes -= part.bytes
        return part
    }
}
