/// Per-simulated-second history for sparklines, and the "last whole second" counters.
struct HistoryRecorder: Sendable, Equatable {
    static let capacity = 600
    var samples = Ring<HistorySample>(capacity: HistoryRecorder.capacity)
    /// The second being accumulated.
    var currentSecond: UInt64 = 0
    var rcuWakeups: UInt64 = 0
    var bytesFreed: UInt64 = 0
    var gracePeriods: UInt64 = 0
    var causeCounts = CauseCounts()
    /// Wake-ups by cause during the last whole second.
    var lastSecondCauses = CauseCounts()

    mutating func countWakeup(_ cause: WakeupCause) {
        causeCounts.add(cause)
        if cause.isRCU { rcuWakeups += 1 }
    }

    /// Close every second before `second`, recording the state at its end.
    mutating func roll(to second: UInt64, bytesPending: UInt64, lazyPending: UInt64) {
        while currentSecond < second {
            samples.append(HistorySample(second: currentSecond, rcuWakeups: rcuWakeups, bytesPending: bytesPending,
                                         bytesFreed: bytesFreed, gracePeriods: gracePeriods, lazyPending: lazyPending))
            lastSecondCauses = causeCounts
            causeCounts = CauseCounts()
            rcuWakeups = 0; bytesFreed = 0; gracePeriods = 0
            currentSecond += 1
            // Long quiet gaps: only the last `capacity` seconds can be kept.
            if second - currentSecond > UInt64(HistoryRecorder.capacity) + 1 {
                currentSecond = second - UInt64(HistoryRecorder.capacity) - 1
            }
        }
    }
}

/// Seven counters indexed by `WakeupCause` (no array, so counting costs no allocation checks).
struct CauseCounts: Sendable, Equatable {
    var c0: UInt64 = 0, c1: UInt64 = 0, c2: UInt64 = 0, c3: UInt64 = 0, c4: UInt64 = 0, c5: UInt64 = 0, c6: UInt64 = 0

    @inline(__always) mutating func add(_ cause: WakeupCause) {
        switch cause.index {
        case 0: c0 += 1
        case 1: c1 += 1
        case 2: c2 += 1
        case 3: c3 += 1
        case 4: c4 += 1
        case 5: c5 += 1
        default: c6 += 1
        }
    }

    /// In `WakeupCause.allCases` order.
    var array: [UInt64] { Array([c0, c1, c2, c3, c4, c5, c6].prefix(WakeupCause.allCases.count)) }
}
