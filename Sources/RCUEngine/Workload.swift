/// Parameters of the synthetic workloads (calibration.md; sources in docs/workloads.md).
public enum WorkloadProfile {
    /// video: one frame every 16.667 ms (60 Hz pipeline).
    public static let videoFrameMicroseconds: UInt64 = 16_667
    /// video: 1-2 `file_free_rcu`-like lazy callbacks per frame, each 1-20 ms after the frame.
    public static let videoCallbacksPerFrame: ClosedRange<UInt64> = 1...2
    public static let videoCallbackDelayMicroseconds: ClosedRange<UInt64> = 1_000...20_000
    /// video: `struct file` is about 232 bytes; slab rounds to 256.
    public static let videoBytesPerCallback: UInt64 = 256
    /// video: the frame keeps the pipeline CPU busy 2-4 ms.
    public static let videoBusyMicroseconds: ClosedRange<UInt64> = 2_000...4_000

    /// logging: file closes per second, Poisson, on random CPUs.
    public static let loggingClosesPerSecond: Double = 1000
    /// logging: each close frees file + dentry + inode + SELinux blob: 4 callbacks.
    public static let loggingCallbacksPerClose = 4
    /// logging: bytes per callback, the mean of 256 (file) + 192 (dentry) + 600 (inode) + 72 (SELinux).
    public static let loggingBytesPerCallback: UInt64 = 280

    /// build: callback bursts per CPU per second (Poisson), each 1-19 lazy callbacks (mean 10):
    /// ~500 callbacks/s per CPU.
    public static let buildBurstsPerCPUPerSecond: Double = 50
    public static let buildCallbacksPerBurst: ClosedRange<UInt64> = 1...19
    public static let buildBytesPerCallback: UInt64 = 192
    /// build: one burst in 20 is a `call_rcu_hurry` (percpu-ref, `synchronize_rcu` waiters) that
    /// frees nothing.
    public static let buildHurryOneIn: UInt64 = 20
    /// build: one lazy burst in 4 is freed with `kfree_rcu()` (two-argument form) instead, 128 bytes each.
    public static let buildKfreeOneIn: UInt64 = 4
    public static let buildKfreeBytesPerObject: UInt64 = 128
    /// build: a busy CPU's next context switch comes after an exponential time of this mean.
    public static let buildContextSwitchMeanMicroseconds: UInt64 = 4_000
    /// A CPU busy with a short burst (video, logging, idle) switches within 0.5-3 ms.
    public static let burstContextSwitchMicroseconds: ClosedRange<UInt64> = 500...3_000

    /// idle: lazy callbacks per second over the whole machine (Poisson), one at a time.
    public static let idleCallbacksPerSecond: Double = 3
    public static let idleBytesPerCallback: UInt64 = 192
}

/// One workload generator's state: its own random stream (derived from the seed and the
/// workload, so toggling one never perturbs another's arrivals) and its clock in microseconds.
struct WorkloadState: Sendable, Equatable {
    let kind: WorkloadKind
    var rng: SplitMix64
    var isOn = false
    /// Bumped on every toggle; events of an older generation are dropped.
    var generation: UInt32 = 0
    /// Time of the next step in microseconds since start.
    var nextMicroseconds: UInt64 = 0

    init(kind: WorkloadKind, seed: UInt64) {
        self.kind = kind
        rng = SplitMix64(seed: SplitMix64.mix(seed ^ (UInt64(kind.index + 1) &* 0xA076_1D64_78BD_642F)))
    }
}

extension Simulation {
    private func microseconds(_ j: Jiffies) -> UInt64 { j * 1_000_000 / UInt64(config.hz) }
    private func jiffy(microseconds us: UInt64) -> Jiffies { us * UInt64(config.hz) / 1_000_000 }

    mutating func startWorkload(_ kind: WorkloadKind, logIt: Bool) {
        let w = kind.index
        guard !workloads[w].isOn else { return }
        workloads[w].isOn = true
        workloads[w].generation &+= 1
        workloads[w].nextMicroseconds = microseconds(now)
        if logIt { log.add(.workload(kind, on: true), at: now) }
        if kind == .build { powerAllBusy(true) }
        scheduleNextTick(kind, first: true)
    }

    mutating func stopWorkload(_ kind: WorkloadKind) {
        let w = kind.index
        guard workloads[w].isOn else { return }
        workloads[w].isOn = false
        workloads[w].generation &+= 1
        log.add(.workload(kind, on: false), at: now)
        if kind == .build { powerAllBusy(false) }
    }

    private mutating func scheduleNextTick(_ kind: WorkloadKind, first: Bool) {
        let w = kind.index
        var us = workloads[w].nextMicroseconds
        switch kind {
        case .video:
            if !first { us += WorkloadProfile.videoFrameMicroseconds }
        case .logging:
            us += UInt64(workloads[w].rng.exponential(mean: 1e6 / WorkloadProfile.loggingClosesPerSecond))
        case .build:
            let rate = WorkloadProfile.buildBurstsPerCPUPerSecond * Double(cpus.count)
            us += UInt64(workloads[w].rng.exponential(mean: 1e6 / rate))
        case .idle:
            us += UInt64(workloads[w].rng.exponential(mean: 1e6 / WorkloadProfile.idleCallbacksPerSecond))
        case .memhog:
            if !first { us += WorkloadProfile.memhogTickMicroseconds }
        case .proactive:
            us += first ? WorkloadProfile.proactivePeriodMicroseconds / 2 : WorkloadProfile.proactivePeriodMicroseconds
        }
        workloads[w].nextMicroseconds = us
        queue.schedule(.workloadTick(kind, generation: workloads[w].generation), at: max(now, jiffy(microseconds: us)))
    }

    /// The workload's own wake-up of an idle CPU (not RCU's), then busy for `busyMicroseconds`.
    private mutating func workloadRuns(on c: Int, busyMicroseconds: UInt64) {
        if !isBusy(c) { countWakeup(cpu: c, cause: .workload) }
        markBusy(c, until: now + max(1, params.jiffies(microseconds: busyMicroseconds)))
    }

    /// The CPUs the video pipeline uses: CPUs 1 and 2 (CPU 0 alone on a 1-CPU machine).
    private var videoCPUs: [Int] {
        switch cpus.count {
        case 1: return [0]
        case 2: return [1, 0]
        default: return [1, 2]
        }
    }

    mutating func workloadTick(_ kind: WorkloadKind, generation: UInt32) {
        let w = kind.index
        guard workloads[w].isOn, workloads[w].generation == generation else { return }
        switch kind {
        case .video:
            let gfx = videoCPUs
            workloadRuns(on: gfx[0], busyMicroseconds: workloads[w].rng.uniform(WorkloadProfile.videoBusyMicroseconds))
            let n = workloads[w].rng.uniform(WorkloadProfile.videoCallbacksPerFrame)
            for _ in 0..<n {
                let delay = workloads[w].rng.uniform(WorkloadProfile.videoCallbackDelayMicroseconds)
                let cpu = gfx[Int(workloads[w].rng.uniform(0...UInt64(gfx.count - 1)))]
                let at = jiffy(microseconds: microseconds(now) + delay)
                queue.schedule(.workloadCallback(.video, generation: generation, cpu: Int32(cpu)), at: max(now, at))
            }
        case .logging:
            let c = Int(workloads[w].rng.uniform(0...UInt64(cpus.count - 1)))
            workloadRuns(on: c, busyMicroseconds: 500)
            freeRCU(cpu: c, run: CallbackRun(count: WorkloadProfile.loggingCallbacksPerClose,
                                             bytesEach: WorkloadProfile.loggingBytesPerCallback))
        case .build:
            let c = Int(workloads[w].rng.uniform(0...UInt64(cpus.count - 1)))
            if workloads[w].rng.uniform(1...WorkloadProfile.buildHurryOneIn) == 1 {
                let n = Int(workloads[w].rng.uniform(1...2))
                freeRCU(cpu: c, run: CallbackRun(count: n, hurry: true, bytesEach: 0, freesNothing: true))
            } else if workloads[w].rng.uniform(1...WorkloadProfile.buildKfreeOneIn) == 1 {
                let n = Int(workloads[w].rng.uniform(WorkloadProfile.buildCallbacksPerBurst))
                freeRCU(cpu: c, run: CallbackRun(count: n, bytesEach: WorkloadProfile.buildKfreeBytesPerObject), kfree: true)
            } else {
                let n = Int(workloads[w].rng.uniform(WorkloadProfile.buildCallbacksPerBurst))
                freeRCU(cpu: c, run: CallbackRun(count: n, bytesEach: WorkloadProfile.buildBytesPerCallback))
            }
        case .idle:
            let c = Int(workloads[w].rng.uniform(0...UInt64(cpus.count - 1)))
            workloadRuns(on: c, busyMicroseconds: 200)
            freeRCU(cpu: c, run: CallbackRun(count: 1, bytesEach: WorkloadProfile.idleBytesPerCallback))
        case .memhog:
            memhogTick(on: cpus.count - 1)
        case .proactive:
            proactiveWrite(on: 0)
        }
        scheduleNextTick(kind, first: false)
    }

    /// A video callback 1-20 ms after its frame: the closing thread runs, then `call_rcu`.
    mutating func workloadDelayedCallback(_ kind: WorkloadKind, generation: UInt32, cpu c: Int) {
        let w = kind.index
        guard workloads[w].isOn, workloads[w].generation == generation else { return }
        workloadRuns(on: c, busyMicroseconds: 500)
        freeRCU(cpu: c, run: CallbackRun(count: 1, bytesEach: WorkloadProfile.videoBytesPerCallback))
    }
}
