import RCUEngine

/// What the shadow engines show this frame: the lazy-off twin (for "lazy saves X %") and the
/// compared engine (`--compare A,B`, or the lazy-off twin when none was asked for).
public struct ShadowSnapshots: Sendable, Equatable {
    public var lazyOff: Snapshot?
    public var compare: Snapshot?
    /// Names of the two columns of the compare view.
    public var mainName: String
    public var compareName: String

    public init(lazyOff: Snapshot? = nil, compare: Snapshot? = nil, mainName: String = "", compareName: String = "") {
        self.lazyOff = lazyOff; self.compare = compare; self.mainName = mainName; self.compareName = compareName
    }

    /// Lazy RCU's saving: the lazy-off twin's power minus this engine's, percent of the twin's.
    public func lazySaves(_ main: Snapshot) -> Double? {
        guard let off = lazyOff, off.power.watts > 0, main.lazyEnabled, off.jiffies > 0 else { return nil }
        let (a, b) = (main.power.recentWatts, off.power.recentWatts)
        guard b > 0 else { return nil }
        return (b - a) / b * 100
    }
}

/// Engines run beside the main one, with the same seed and workloads: a lazy-off twin (always)
/// and, with `--compare A,B`, the engine of B. Workload toggles are mirrored so they keep seeing
/// identical workload events; the lazy switch and the policy are mirrored to the twin (it is the
/// same configuration with lazy off), the policy never to the compared engine.
public struct ShadowEngines: Sendable {
    public private(set) var lazyOff: Simulation
    public private(set) var compare: Simulation?
    public let compareVariant: CompareVariant?
    public let mainVariant: CompareVariant?

    /// The main engine's configuration for `--compare A,B`: `base` as variant A (the first).
    public static func mainConfig(_ base: EngineConfig, compare: [CompareVariant]?) -> EngineConfig {
        guard let list = compare, list.count >= 2 else { return base }
        return list[0].config(from: base)
    }

    public init(main: EngineConfig, compare list: [CompareVariant]?) {
        var off = main
        off.lazyEnabled = false
        lazyOff = Simulation(config: off)
        if let list, !list.isEmpty {
            let other = list.count >= 2 ? list[1] : list[0]
            mainVariant = list.count >= 2 ? list[0] : nil
            compareVariant = other
            compare = Simulation(config: other.config(from: ShadowEngines.baseOf(main, list)))
        } else {
            mainVariant = nil
            compareVariant = nil
            compare = nil
        }
    }

    private static func baseOf(_ main: EngineConfig, _ list: [CompareVariant]) -> EngineConfig {
        // Undo variant A's change so B starts from the same base (lazy on unless the flags said otherwise).
        var b = main
        if list.count >= 2, list[0] == .lazyOff { b.lazyEnabled = true }
        return b
    }

    /// Mirror a run-time change made to the main engine.
    public mutating func apply(_ control: EngineControl) {
        switch control {
        case .setWorkload:
            lazyOff.apply(control)
            compare?.apply(control)
        case .setLazy:
            if compareVariant != .lazyOff { compare?.apply(control) }
        case .setPolicy:
            lazyOff.apply(control)
            if compareVariant == .lazyOff { compare?.apply(control) }
        }
    }

    /// Catch up with the main engine. If it went back in time (a scenario replay), start again
    /// from its configuration. Switches made to the main engine by any path (keys, scenario
    /// steps, a replay) are mirrored first, at the shadows' current time, so the twins keep
    /// running the same workloads.
    public mutating func follow(_ main: Simulation) {
        if lazyOff.now > main.now {
            self = ShadowEngines(main: main.config, compare: compareVariant.map { v in mainVariant.map { [$0, v] } ?? [v] })
        }
        mirrorSwitches(of: main)
        lazyOff.advance(to: main.now)
        compare?.advance(to: main.now)
    }

    /// Apply to the shadows whatever workload, lazy or policy switch the main engine has and
    /// they lack (O(workloads)).
    private mutating func mirrorSwitches(of main: Simulation) {
        for kind in WorkloadKind.allCases where main.isWorkloadOn(kind) != lazyOff.isWorkloadOn(kind) {
            apply(.setWorkload(kind, on: main.isWorkloadOn(kind)))
        }
        if main.currentPolicy != lazyOff.currentPolicy { apply(.setPolicy(main.currentPolicy)) }
        if let compare, compareVariant != .lazyOff, mainVariant != .lazyOff, main.isLazyEnabled != compare.isLazyEnabled {
            apply(.setLazy(main.isLazyEnabled))
        }
    }

    public func snapshots(main: Snapshot) -> ShadowSnapshots {
        let mainName = mainVariant?.name ?? (main.lazyEnabled ? main.policy.rawValue : "lazy-off")
        if let compare, let v = compareVariant {
            return ShadowSnapshots(lazyOff: lazyOff.snapshot(), compare: compare.snapshot(), mainName: mainName, compareName: v.name)
        }
        let off = lazyOff.snapshot()
        return ShadowSnapshots(lazyOff: off, compare: off, mainName: mainName, compareName: "lazy-off")
    }
}
