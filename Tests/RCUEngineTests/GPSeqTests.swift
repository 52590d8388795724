import Testing
@testable import RCUEngine

/// kernel-rcu.md §4.1
@Suite struct GPSeqTests {
    @Test func gpSeqStartsAtMinus1200() {
        #expect(GPSeq().value == -1200)
        #expect(Simulation(config: EngineConfig(workloads: [])).snapshot().gracePeriod.gpSeq == -1200)
    }

    @Test func rcuSeqSnapValues() {
        #expect(GPSeq.snap(1000) == 1004)
        #expect(GPSeq.snap(1001) == 1008)
        #expect(GPSeq.snap(1002) == 1008)
        #expect(GPSeq.snap(-1200) == -1196)
    }

    @Test func rcuSeqStartAndEndAddFourPerGracePeriod() {
        var s = GPSeq(1000)
        s.start()
        #expect(s.value == 1001)
        #expect(s.isInProgress)
        s.end()
        #expect(s.value == 1004)
        #expect(!s.isInProgress)
    }

    @Test func rcuSeqDoneIsWrapAware() {
        #expect(GPSeq.isDone(1004, 1004))
        #expect(!GPSeq.isDone(1003, 1004))
        #expect(GPSeq.isDone(Int64.min + 4, Int64.max - 3))
    }
}
