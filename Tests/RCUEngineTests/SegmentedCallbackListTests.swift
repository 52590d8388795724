import Testing
@testable import RCUEngine

/// kernel-rcu.md §1: rcu_segcblist enqueue / accelerate / advance / extract.
@Suite struct SegmentedCallbackListTests {
    static func batch(_ n: Int) -> CallbackBatch { CallbackBatch(count: n, bytes: UInt64(n) * 10) }

    @Test func enqueueAppendsToNext() {
        var list = SegmentedCallbackList()
        list.enqueue(Self.batch(3))
        #expect(list.segmentLengths == [0, 0, 0, 3])
        #expect(list.hasPendingCallbacks)
        #expect(!list.hasReadyCallbacks)
    }

    /// Accelerate at idle gp_seq 1000: NEXT gets rcu_seq_snap = 1004 and moves to WAIT.
    @Test func accelerateMergesNextIntoWaitTaggedWithSnap() {
        var list = SegmentedCallbackList()
        list.enqueue(Self.batch(5))
        let accelerated = list.accelerate(to: GPSeq.snap(1000))
        #expect(accelerated)
        #expect(list.segmentLengths == [0, 5, 0, 0])
        #expect(list.gpSeqTag(.wait) == 1004)
        #expect(list.nextGP == 1004)
        // As in the kernel, accelerating again to the same number still answers true (the
        // caller's rcu_start_this_gp then finds the GP already requested) and changes nothing.
        let again = list.accelerate(to: 1004)
        #expect(again)
        #expect(list.segmentLengths == [0, 5, 0, 0])
        var empty = SegmentedCallbackList()
        let none = empty.accelerate(to: 1004)
        #expect(!none)
    }

    /// WAIT already waits for 1004; new callbacks during GP 1001 need 1008 and go to NEXT_READY.
    @Test func accelerateUsesNextReadyWhenWaitNeedsAnEarlierGP() {
        var list = SegmentedCallbackList()
        list.enqueue(Self.batch(5))
        list.accelerate(to: 1004)
        list.enqueue(Self.batch(2))
        let toNextReady = list.accelerate(to: GPSeq.snap(1001))
        #expect(toNextReady)
        #expect(list.segmentLengths == [0, 5, 2, 0])
        #expect(list.gpSeqTag(.nextReady) == 1008)
        // A later snap equal to WAIT's merges into WAIT instead.
        list.enqueue(Self.batch(1))
        let merged = list.accelerate(to: 1008)
        #expect(merged)
        #expect(list.segmentLengths == [0, 5, 3, 0])
    }

    /// Advance to 1004: WAIT (1004) is done; NEXT_READY (1008) slides into WAIT with its tag.
    @Test func advanceMovesDoneSegmentsAndSlidesNextReadyToWait() {
        var list = SegmentedCallbackList(done: CallbackBatch(), wait: Self.batch(5), nextReady: Self.batch(2),
                                         next: Self.batch(1), waitTag: 1004, nextReadyTag: 1008)
        list.advance(to: 1002)
        #expect(list.segmentLengths == [0, 5, 2, 1])
        list.advance(to: 1004)
        #expect(list.segmentLengths == [5, 2, 0, 1])
        #expect(list.gpSeqTag(.wait) == 1008)
        let done = list.extractDoneCallbacks()
        #expect(done.count == 5 && done.bytes == 50)
        #expect(list.segmentLengths == [0, 2, 0, 1])
        list.advance(to: 1008)
        #expect(list.segmentLengths == [2, 0, 0, 1])
    }

    /// rcu_segcblist_entrain: after the last non-empty segment.
    @Test func entrainWaitsBehindTheLastNonEmptySegment() {
        var list = SegmentedCallbackList(done: CallbackBatch(), wait: Self.batch(5), nextReady: CallbackBatch(),
                                         next: CallbackBatch(), waitTag: 1004, nextReadyTag: 0)
        list.entrain(Self.batch(1))
        #expect(list.segmentLengths == [0, 6, 0, 0])
        list.enqueue(Self.batch(2))
        list.entrain(Self.batch(1))
        #expect(list.segmentLengths == [0, 6, 0, 3])
        var idle = SegmentedCallbackList(done: Self.batch(4), wait: CallbackBatch(), nextReady: CallbackBatch(),
                                         next: CallbackBatch(), waitTag: 0, nextReadyTag: 0)
        idle.entrain(Self.batch(1))
        #expect(idle.segmentLengths == [5, 0, 0, 0])
    }

    /// Against a one-entry-per-callback reference model, over random operation sequences.
    @Test func countedListMatchesPerCallbackReference() {
        for seed in UInt64(1)...300 {
            var rng = SplitMix64(seed: seed)
            var list = SegmentedCallbackList()
            var reference: [(id: Int, readyAt: Int64?)] = []   // FIFO; readyAt nil = no GP yet
            var nextId = 0
            var gpSeq: Int64 = 1000
            var invokedIds: [Int] = []
            for _ in 0..<40 {
                switch rng.uniform(0...4) {
                case 0:
                    let n = Int(rng.uniform(1...4))
                    list.enqueue(CallbackBatch(count: n))
                    for _ in 0..<n { reference.append((nextId, nil)); nextId += 1 }
                case 1:
                    let snap = GPSeq.snap(gpSeq)
                    list.accelerate(to: snap)
                    for i in reference.indices where reference[i].readyAt == nil { reference[i].readyAt = snap }
                case 2:
                    if gpSeq & 3 == 0 { gpSeq += 1 } else { gpSeq = (gpSeq | 3) + 1 }
                case 3:
                    list.advance(to: gpSeq)
                default:
                    let done = list.extractDoneCallbacks()
                    // The reference runs, in order, the callbacks whose GP has ended, up to the first that has not.
                    var n = 0
                    while n < reference.count, let r = reference[n].readyAt, GPSeq.isDone(gpSeq, r) { n += 1 }
                    #expect(done.count <= n, "seed \(seed): invoked \(done.count) but only \(n) are ready")
                    invokedIds += reference.prefix(done.count).map(\.id)
                    reference.removeFirst(done.count)
                }
                #expect(list.count == reference.count, "seed \(seed)")
            }
            #expect(invokedIds == Array(0..<invokedIds.count))
        }
    }
}
