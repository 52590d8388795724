import RCUEngine

/// Hand-made, realistic snapshots (the engine's stub returns zeros): video playback with lazy on,
/// at 8, 64 and 4096 CPUs. Deterministic: the same call gives the same snapshot.
enum SnapshotFixtures {
    /// A tiny deterministic generator so fixtures vary per CPU without randomness.
    static func mix(_ x: Int, _ salt: Int) -> Int {
        var z = UInt64(truncatingIfNeeded: x &* 0x9E37_79B9 &+ salt &* 0x85EB_CA6B)
        z = (z ^ (z >> 15)) &* 0x2C1B_3C6D
        z = (z ^ (z >> 12)) &* 0x297A_2D39
        return Int(truncatingIfNeeded: (z ^ (z >> 15)) & 0x7FFF_FFFF)
    }

    static func cpu(_ id: Int) -> CPUSnapshot {
        let busy = mix(id, 1) % 4 == 0
        let lazy = id % 3 == 0 ? 0 : 40 + mix(id, 2) % 200
        let nonLazy = mix(id, 3) % 5 == 0 ? mix(id, 4) % 12 : 0
        var cpu = CPUSnapshot(
            id: id, isOffloaded: true, activity: busy ? .busy : .idle,
            segmentLengths: [mix(id, 5) % 6, busy ? 10 + mix(id, 6) % 40 : mix(id, 6) % 4, mix(id, 7) % 3, busy ? mix(id, 8) % 20 : 0],
            bypassLength: lazy + nonLazy, lazyLength: lazy,
            wakeups: UInt64(100 + mix(id, 9) % 900), wakeupsLastSecond: UInt64(busy ? 2 + mix(id, 10) % 30 : mix(id, 10) % 3),
            owesQuiescentState: id % 5 == 2)
        // Lazy bypasses started 1.7 s (CPU 1), 2.4 s (CPU 2), ... before t=12.345 s.
        cpu.bypassFirstJiffy = lazy > 0 ? 12_345 - UInt64(1_000 + 700 * (id % 12)) : nil
        return cpu
    }

    static func events(hz: Int) -> [EngineEvent] {
        let base: UInt64 = 12_000
        return [
            EngineEvent(jiffy: base - 6_000 + 100, kind: .workload, cpu: nil, text: "video playback started: a frame every 16.6 ms"),
            EngineEvent(jiffy: base - 6_000 + 2_004, kind: .gpStart, cpu: nil, text: "grace period 3 started: 2 CPUs have callbacks waiting"),
            EngineEvent(jiffy: base - 6_000 + 2_030, kind: .gpEnd, cpu: nil, text: "grace period 3 ended after 26 ms"),
            EngineEvent(jiffy: base - 6_000 + 2_031, kind: .invoke, cpu: 1, text: "CPU 1 ran 14 callbacks, freed 3.5 KiB"),
            EngineEvent(jiffy: base - 6_000 + 3_100, kind: .hurryFlush, cpu: 4, text: "call_rcu_hurry on CPU 4 pulled 37 lazy callbacks into the next grace period"),
            EngineEvent(jiffy: base - 6_000 + 5_000, kind: .lazyFlush, cpu: 3, text: "lazy flush on CPU 3: 212 callbacks, 10 s timer"),
            EngineEvent(jiffy: base - 6_000 + 5_001, kind: .gpStart, cpu: nil, text: "grace period 4 started: 1 CPU has callbacks waiting"),
        ]
    }

    /// Video playback, lazy on, at `cpuCount` CPUs, 12.345 s in.
    static func video(cpus cpuCount: Int = 8, hz: Int = 1000, lazy: Bool = true, paused: Bool = false) -> Snapshot {
        let cpus = (0..<cpuCount).map(cpu)
        let causes = WakeupCause.allCases.count
        let lastSecond: [UInt64] = [4, 9, 11, lazy ? 1 : 0, 2, 60, 0]
        let total: [UInt64] = [410, 980, 1_130, 12, 205, 6_100, 0]
        let lazyPending = UInt64(cpus.reduce(0) { $0 + $1.lazyLength })
        let bypass = UInt64(cpus.reduce(0) { $0 + $1.bypassLength })
        let pending = UInt64(cpus.reduce(0) { $0 + $1.totalCallbacks })
        let history = (0..<60).map { i in
            HistorySample(second: UInt64(i), rcuWakeups: UInt64(20 + mix(i, 11) % 30 + (i % 10 == 9 ? 80 : 0)),
                          bytesPending: UInt64(200_000 + mix(i, 12) % 900_000), bytesFreed: UInt64(mix(i, 13) % 50_000),
                          gracePeriods: UInt64(1 + i % 3), lazyPending: UInt64(mix(i, 14) % 2000))
        }
        var snapshot = Snapshot(
            jiffies: 12_345, hz: hz, config: EngineConfig(cpuCount: cpuCount, hz: hz, lazyEnabled: lazy),
            lazyEnabled: lazy, policy: .shrinker, activeWorkloads: [.video, .build],
            cpus: cpus,
            gracePeriod: GracePeriodSnapshot(gpSeq: -1187, state: .waitFQS, inProgress: true, startedAt: 12_333,
                                             elapsedJiffies: 12, cpusOwingQS: cpus.filter(\.owesQuiescentState).map(\.id),
                                             completed: 3, recentDurations: [24, 18, 30, 26, 22, 40, 19],
                                             fqsScans: 17),
            counters: CallbackCounters(queued: 48_211 + pending, invoked: 48_211, pending: pending, lazyPending: lazyPending, bypass: bypass),
            wakeups: WakeupCounters(total: padded(total, causes), lastSecond: padded(lastSecond, causes)),
            memory: MemorySnapshot(totalBytes: 4 << 30, freeBytes: 3_900_000_000, bytesPending: 1_258_291, bytesLazy: 838_860,
                                   bytesFreed: 12_897_484, minWatermark: 16 << 20, lowWatermark: 20 << 20, highWatermark: 24 << 20,
                                   shrinkerCounts: 3, shrinkerScans: 1),
            flushes: FlushCounters(count: [4, 0, 2, 11, 0, 0, 0], callbacks: [812, 0, 37, 63, 0, 0, 0]),
            history: history, recentEvents: events(hz: hz), eventsProcessed: 91_234)
        snapshot.lazyFlushJiffies = UInt64(10 * hz)
        return snapshot
    }

    /// `values` cut or padded with zeros to `count` (the engine may add wake-up causes).
    static func padded(_ values: [UInt64], _ count: Int) -> [UInt64] {
        Array(values.prefix(count)) + Array(repeating: 0, count: max(0, count - values.count))
    }

    /// The engine stub's all-zero snapshot, for "nothing yet" screens.
    static func empty(cpus: Int = 8) -> Snapshot { Simulation(config: EngineConfig(cpuCount: cpus, workloads: [])).snapshot() }
}
