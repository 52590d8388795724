/// The power model (DESIGN.md §2 Power; parameters and sources in docs/power-model.md).
///
/// Each CPU is busy or idle. An idle period of length L is spent in the deepest C-state whose
/// target residency fits in L (an idle governor that predicts well); leaving it costs the
/// state's exit latency at busy power. The package (uncore, memory controller, SoC) reaches its
/// deep state only in the gaps when every CPU is idle and the gap is longer than the package
/// target residency; otherwise it draws its active power. RCU kthread wake-ups run for
/// `kthreadRunMicroseconds`; workload bursts for their own duration. Nothing about lazy RCU is
/// typed in: fewer wake-ups mean longer idle gaps, deeper states and fewer exits.
public enum PowerModel {
    public struct CState: Sendable, Equatable {
        public var name: String
        public var exitLatencyMicroseconds: UInt64
        public var targetResidencyMicroseconds: UInt64
        public var milliwatts: Double
    }

    /// Core C-states: exit latency and target residency from intel_idle's `skl_cstates`
    /// (C1, C6, C10); powers are per-core estimates (docs/power-model.md).
    public static let coreStates: [CState] = [
        CState(name: "C1", exitLatencyMicroseconds: 2, targetResidencyMicroseconds: 2, milliwatts: 300),
        CState(name: "C6", exitLatencyMicroseconds: 85, targetResidencyMicroseconds: 200, milliwatts: 20),
        CState(name: "C10", exitLatencyMicroseconds: 890, targetResidencyMicroseconds: 5_000, milliwatts: 5),
    ]
    /// One core running (low frequency, light load).
    public static let busyMilliwatts: Double = 1_000
    /// An RCU kthread (GP kthread, rcuog, rcuop) or RCU timer wake-up keeps the CPU this long.
    public static let kthreadRunMicroseconds: UInt64 = 25
    /// Package (uncore + SoC + memory) while any CPU is awake or the all-idle gap is too short.
    public static let packageActiveMilliwatts: Double = 1_500
    /// Package in its deepest state (PC10-like).
    public static let packageDeepMilliwatts: Double = 50
    /// Package deep state (PC8, implied by every core in C8 or deeper): entered only for all-idle
    /// gaps at least this long; leaving costs the exit latency (skl_cstates C8: 800 / 200 us).
    public static let packageTargetResidencyMicroseconds: UInt64 = 800
    public static let packageExitLatencyMicroseconds: UInt64 = 200
    /// The rest of the platform (panel, storage, radios), constant: it dilutes every saving to a
    /// whole-system figure, as battery measurements report.
    public static let platformMilliwatts: Double = 2_000

    /// Energy (µJ) of one CPU idle period of `us` microseconds, exit included.
    static func coreIdleEnergy(_ us: UInt64, closed: Bool) -> (microjoules: Double, state: Int) {
        var s = 0
        for i in coreStates.indices where coreStates[i].targetResidencyMicroseconds <= us { s = i }
        let st = coreStates[s]
        var e = st.milliwatts * Double(us) / 1_000
        if closed { e += busyMilliwatts * Double(st.exitLatencyMicroseconds) / 1_000 }
        return (e, s)
    }

    /// Energy (µJ) of one all-CPUs-idle gap of `us` microseconds for the package.
    static func packageIdleEnergy(_ us: UInt64, closed: Bool) -> (microjoules: Double, deep: Bool) {
        guard us >= packageTargetResidencyMicroseconds else { return (packageActiveMilliwatts * Double(us) / 1_000, false) }
        var e = packageDeepMilliwatts * Double(us) / 1_000
        if closed { e += packageActiveMilliwatts * Double(packageExitLatencyMicroseconds) / 1_000 }
        return (e, true)
    }
}

/// Running power bookkeeping: per CPU the busy interval being built and closed totals; the same
/// for the union of all CPUs' busy intervals (the package). Intervals arrive in time order (they
/// start at the current jiffy), so each arrival is O(1).
struct PowerState: Sendable, Equatable {
    var cpuStart: [UInt64]
    var cpuEnd: [UInt64]
    var cpuBusyMicroseconds: [UInt64]
    var cpuIdleMicrojoules: [Double]
    /// Closed idle periods per core state.
    var stateResidency: [UInt64]
    var idleExits: UInt64 = 0
    var pkgStart: UInt64 = 0
    var pkgEnd: UInt64 = 0
    var pkgBusyMicroseconds: UInt64 = 0
    var pkgIdleMicrojoules: Double = 0
    var pkgDeepMicroseconds: UInt64 = 0
    var pkgShallowIdleMicroseconds: UInt64 = 0
    var pkgDeepExits: UInt64 = 0
    /// Energy (J) at the start of each of the last few simulated seconds, for a windowed power.
    var energyAtSecond = Ring<Double>(capacity: 11)

    init(cpus: Int) {
        cpuStart = [UInt64](repeating: 0, count: cpus)
        cpuEnd = cpuStart
        cpuBusyMicroseconds = cpuStart
        cpuIdleMicrojoules = [Double](repeating: 0, count: cpus)
        stateResidency = [UInt64](repeating: 0, count: PowerModel.coreStates.count)
    }

    /// CPU `c` is busy over [`from`, `to`) microseconds.
    mutating func busy(_ c: Int, from: UInt64, to: UInt64) {
        if from > cpuEnd[c] {
            cpuBusyMicroseconds[c] += cpuEnd[c] - cpuStart[c]
            let gap = from - cpuEnd[c]
            let (e, s) = PowerModel.coreIdleEnergy(gap, closed: true)
            cpuIdleMicrojoules[c] += e
            stateResidency[s] += gap
            idleExits += 1
            cpuStart[c] = from
            cpuEnd[c] = to
        } else if to > cpuEnd[c] {
            cpuEnd[c] = to
        }
        if from > pkgEnd {
            pkgBusyMicroseconds += pkgEnd - pkgStart
            let gap = from - pkgEnd
            let (e, deep) = PowerModel.packageIdleEnergy(gap, closed: true)
            pkgIdleMicrojoules += e
            if deep { pkgDeepMicroseconds += gap; pkgDeepExits += 1 } else { pkgShallowIdleMicroseconds += gap }
            pkgStart = from
            pkgEnd = to
        } else if to > pkgEnd {
            pkgEnd = to
        }
    }

    /// Every CPU's busy interval ends no later than `at` (a run-everywhere workload stopped).
    mutating func truncate(at: UInt64) {
        for c in cpuEnd.indices where cpuEnd[c] > at { cpuEnd[c] = max(at, cpuStart[c]) }
        if pkgEnd > at { pkgEnd = max(at, pkgStart, cpuEnd.max() ?? at) }
    }

    /// Energy in joules up to `nowUs`, with the open intervals counted so far.
    func energy(nowUs: UInt64) -> (joules: Double, busyUs: UInt64, pkgDeepUs: UInt64) {
        var uj: Double = 0
        var busyTotal: UInt64 = 0
        for c in cpuStart.indices {
            let busyUs = cpuBusyMicroseconds[c] + (min(cpuEnd[c], nowUs) - min(cpuStart[c], nowUs))
            uj += cpuIdleMicrojoules[c]
            if nowUs > cpuEnd[c] { uj += PowerModel.coreIdleEnergy(nowUs - cpuEnd[c], closed: false).microjoules }
            busyTotal += busyUs
        }
        uj += PowerModel.busyMilliwatts * Double(busyTotal) / 1_000
        let pkgBusy = pkgBusyMicroseconds + (min(pkgEnd, nowUs) - min(pkgStart, nowUs))
        var deep = pkgDeepMicroseconds
        uj += pkgIdleMicrojoules
        if nowUs > pkgEnd {
            let open = PowerModel.packageIdleEnergy(nowUs - pkgEnd, closed: false)
            uj += open.microjoules
            if open.deep { deep += nowUs - pkgEnd }
        }
        uj += PowerModel.packageActiveMilliwatts * Double(pkgBusy) / 1_000
        uj += PowerModel.platformMilliwatts * Double(nowUs) / 1_000
        return (uj / 1e6, busyTotal, deep)
    }
}

/// Estimated power and energy (DESIGN.md §2 Power).
public struct PowerSnapshot: Sendable, Equatable {
    /// Energy since start, joules.
    public var energyJoules: Double = 0
    /// Mean power since start, watts.
    public var watts: Double = 0
    /// Mean power over the last (up to) 10 whole simulated seconds, watts.
    public var recentWatts: Double = 0
    /// Share of time the package spent in its deep state, 0...1.
    public var packageDeepResidency: Double = 0
    /// Share of CPU time busy, 0...1.
    public var cpuBusyShare: Double = 0
    /// Exits from a CPU idle state (every wake of an idle CPU) since start.
    public var idleExits: UInt64 = 0

    public init() {}
}

extension Simulation {
    var nowMicroseconds: UInt64 { now * 1_000_000 / UInt64(config.hz) }

    /// Power hook: CPU `c` woke for a short RCU run.
    mutating func powerWake(cpu c: Int, cause: WakeupCause) {
        guard cause.isRCU else { return }
        let t = nowMicroseconds
        power.busy(c, from: t, to: t + PowerModel.kthreadRunMicroseconds)
    }

    /// Power hook: CPU `c` busy until jiffy `until`.
    mutating func powerBusy(cpu c: Int, until: Jiffies) {
        power.busy(c, from: nowMicroseconds, to: until * 1_000_000 / UInt64(config.hz))
    }

    /// Power hook: a workload that keeps every CPU busy started or stopped.
    mutating func powerAllBusy(_ on: Bool) {
        let t = nowMicroseconds
        if on {
            for c in cpus.indices { power.busy(c, from: t, to: UInt64.max / 4) }
        } else {
            power.truncate(at: t)
        }
    }

    /// Once per simulated second: remember the energy for the windowed power.
    mutating func powerRoll() {
        power.energyAtSecond.append(power.energy(nowUs: nowMicroseconds).joules)
    }

    var powerSnapshot: PowerSnapshot {
        let t = nowMicroseconds
        let e = power.energy(nowUs: t)
        var s = PowerSnapshot()
        s.energyJoules = e.joules
        s.idleExits = power.idleExits
        guard t > 0 else { return s }
        let seconds = Double(t) / 1e6
        s.watts = e.joules / seconds
        s.packageDeepResidency = Double(e.pkgDeepUs) / Double(t)
        s.cpuBusyShare = Double(e.busyUs) / (Double(t) * Double(cpus.count))
        let window = power.energyAtSecond.elements
        if let first = window.first, window.count >= 2 {
            let span = Double(window.count - 1)
            s.recentWatts = (window[window.count - 1] - first) / span
        } else {
            s.recentWatts = s.watts
        }
        return s
    }
}
