/// Per-simulated-second history for sparklines, and the "last whole second" counters.
struct HistoryRecorder: Sendable, Equatable {
    static let capacity = 600
    var samples = Ring<HistorySample>(capacity: HistoryRecorder.capacity)
    /// The second being accumulated.
    var currentSecond: UInt64 = 0
    var rcuWakeups: UInt64 = 0
    var bytesFreed: UInt64 = 0
    var gracePeriods: UInt64 = 0
    var causeCounts = [UInt64](repeating: 0, count: WakeupCause.allCases.count)
    /// Wake-ups by cause during the last whole second.
    var lastSecondCauses = [UInt64](repeating: 0, count: WakeupCause.allCases.count)

    mutating func countWakeup(_ cause: WakeupCause) {
        causeCounts[cause.index] += 1
        if cause.isRCU { rcuWakeups += 1 }
    }

    /// Close every second before `second`, recording the state at its end.
    mutating func roll(to second: UInt64, bytesPending: UInt64, lazyPending: UInt64) {
        while currentSecond < second {
            samples.append(HistorySample(second: currentSecond, rcuWakeups: rcuWakeups, bytesPending: bytesPending,
                                         bytesFreed: bytesFreed, gracePeriods: gracePeriods, lazyPending: lazyPending))
            swap(&lastSecondCauses, &causeCounts)
            for i in causeCounts.indices { causeCounts[i] = 0 }
            rcuWakeups = 0; bytesFreed = 0; gracePeriods = 0
            currentSecond += 1
            // Long quiet gaps: only the last `capacity` seconds can be kept.
            if second - currentSecond > UInt64(HistoryRecorder.capacity) + 1 {
                currentSecond = second - UInt64(HistoryRecorder.capacity) - 1
            }
        }
    }
}
