import RCUEngine

/// One side of a comparison: a reclaim policy, or the `lazy-off` pseudo-variant (same policy as
/// the base, `call_rcu` never lazy).
public enum CompareVariant: Sendable, Equatable, Hashable {
    case policy(ReclaimPolicyKind)
    case lazyOff

    public var name: String {
        switch self {
        case .policy(let p): return p.rawValue
        case .lazyOff: return "lazy-off"
        }
    }

    public init?(name: String) {
        if name == "lazy-off" { self = .lazyOff; return }
        guard let p = ReclaimPolicyKind(rawValue: name) else { return nil }
        self = .policy(p)
    }

    /// Every name `--compare` accepts.
    public static var allNames: [String] { ReclaimPolicyKind.allCases.map(\.rawValue) + ["lazy-off"] }

    /// The engine configuration of this variant: `base` with its policy or lazy switch changed.
    public func config(from base: EngineConfig) -> EngineConfig {
        var c = base
        switch self {
        case .policy(let p): c.policy = p
        case .lazyOff: c.lazyEnabled = false
        }
        return c
    }
}

/// What one engine of a comparison measured: its last snapshot plus the memory held by lazy RCU
/// sampled once per simulated second (mean and peak).
public struct CompareRow: Sendable, Equatable {
    public var variant: CompareVariant
    public var snapshot: Snapshot
    public var heldSamples: UInt64 = 0
    public var heldTotal: Double = 0
    public var heldPeak: UInt64 = 0

    public init(variant: CompareVariant, snapshot: Snapshot) {
        self.variant = variant
        self.snapshot = snapshot
    }

    /// Take `s` as the latest snapshot and sample its held memory.
    public mutating func sample(_ s: Snapshot) {
        snapshot = s
        heldSamples += 1
        heldTotal += Double(s.reclaim.lazyHeldBytes)
        heldPeak = max(heldPeak, s.reclaim.lazyHeldBytes)
    }

    public var heldMean: Double { heldSamples == 0 ? Double(snapshot.reclaim.lazyHeldBytes) : heldTotal / Double(heldSamples) }
    public var seconds: Double { max(snapshot.seconds, 1e-9) }
    public var wakeupsPerSecond: Double { Double(snapshot.wakeups.rcuTotal) / seconds }
    public func milliseconds(_ jiffies: Double) -> Double { jiffies * 1000 / Double(snapshot.hz) }
}

/// Several engines with the same seed and workloads, advanced together (`--compare`, the `c` view).
public struct CompareRun: Sendable {
    public private(set) var engines: [Simulation]
    public private(set) var rows: [CompareRow]

    public init(base: EngineConfig, variants: [CompareVariant]) {
        engines = variants.map { Simulation(config: $0.config(from: base)) }
        rows = zip(variants, engines).map { CompareRow(variant: $0.0, snapshot: $0.1.snapshot()) }
    }

    /// Advance every engine to `jiffy`, sampling held memory at each simulated second on the way.
    public mutating func advance(to jiffy: UInt64) {
        guard let first = engines.first else { return }
        let hz = UInt64(first.config.hz)
        var t = first.now
        while t < jiffy {
            t = min(jiffy, (t / hz + 1) * hz)
            for i in engines.indices {
                engines[i].advance(to: t)
                if t % hz == 0 { rows[i].sample(engines[i].snapshot()) }
            }
        }
        for i in engines.indices where rows[i].snapshot.jiffies != jiffy { rows[i].snapshot = engines[i].snapshot() }
    }
}

/// The headless comparison table (`--headless --compare`): one row per variant with the
/// measures of docs/engine-rules.md "Memory and reclaim" and "Power".
public enum CompareReport {
    public static let columns: [String] = [
        "policy", "wakeups_per_s", "power_w", "energy_j", "pkg_deep_pct", "lazy_saves_pct",
        "flush_kswapd", "flush_direct", "flush_proactive", "flush_hook", "unnecessary",
        "held_mean_bytes", "held_peak_bytes", "back_last_ms", "back_mean_ms", "shortages",
        "stalls", "stall_ms", "retries", "oom", "kfree_pages", "kfree_page_fail", "cb_queued", "frees",
    ]

    /// The saving of lazy RCU against `reference` (a lazy-off run), percent of its power.
    public static func lazySaves(_ row: CompareRow, reference: CompareRow?) -> Double? {
        guard let r = reference, r.snapshot.power.watts > 0 else { return nil }
        return (r.snapshot.power.watts - row.snapshot.power.watts) / r.snapshot.power.watts * 100
    }

    static func values(_ r: CompareRow, reference: CompareRow?) -> [String] {
        let s = r.snapshot, m = s.reclaim
        let saves = r.variant == .lazyOff ? nil : lazySaves(r, reference: reference)
        return [
            r.variant.name, Format.fixed(r.wakeupsPerSecond, decimals: 1), Format.fixed(s.power.watts, decimals: 3),
            Format.fixed(s.power.energyJoules, decimals: 1), Format.fixed(s.power.packageDeepResidency * 100, decimals: 1),
            saves.map { Format.fixed($0, decimals: 1) } ?? "-",
            "\(m.memoryFlushes(.kswapd))", "\(m.memoryFlushes(.direct))", "\(m.memoryFlushes(.proactive))",
            "\(m.memoryFlushes(.allocRetry))", "\(m.unnecessaryFlushes)",
            Format.fixed(r.heldMean, decimals: 0), "\(r.heldPeak)",
            Format.fixed(r.milliseconds(Double(m.memoryBackLastJiffies)), decimals: 1),
            Format.fixed(r.milliseconds(m.memoryBackMeanJiffies), decimals: 1), "\(m.shortages)",
            "\(m.allocStalls)", Format.fixed(r.milliseconds(Double(m.stallJiffiesTotal)), decimals: 0), "\(m.allocRetries)",
            "\(m.oomKills)", "\(m.kfreePageAllocations)", "\(m.kfreePageFailures)", "\(s.counters.queued)", "\(m.workloadFrees)",
        ]
    }

    /// JSON lines: one object per variant, keys in `columns` order (numbers unquoted).
    public static func jsonl(_ rows: [CompareRow], reference: CompareRow?) -> [String] {
        rows.map { r in
            var o = JSONObject()
            for (k, v) in zip(columns, values(r, reference: reference)) {
                if k == "policy" { o.string(k, v) } else { o.raw(k, v == "-" ? "null" : v) }
            }
            return o.text
        }
    }

    /// CSV: a header line, then one line per variant.
    public static func csv(_ rows: [CompareRow], reference: CompareRow?) -> [String] {
        [columns.joined(separator: ",")] + rows.map { values($0, reference: reference).joined(separator: ",") }
    }

    /// A plain-text table for a terminal or a README, with short human units.
    public static func text(_ rows: [CompareRow], reference: CompareRow?, title: String) -> [String] {
        let header = ["policy", "wake/s", "power W", "deep %", "lazy saves", "flush k/d/p/h", "unneeded", "held mean",
                      "held peak", "back last/mean ms", "stalls", "stall ms", "retries", "OOM", "kfree pg/fail"]
        var table: [[String]] = [header]
        for r in rows {
            let s = r.snapshot, m = s.reclaim
            let saves = r.variant == .lazyOff ? nil : lazySaves(r, reference: reference)
            table.append([
                r.variant.name, Format.fixed(r.wakeupsPerSecond, decimals: 1), Format.fixed(s.power.watts, decimals: 3),
                Format.fixed(s.power.packageDeepResidency * 100, decimals: 1),
                saves.map { Format.fixed($0, decimals: 1) + " %" } ?? "-",
                "\(m.memoryFlushes(.kswapd))/\(m.memoryFlushes(.direct))/\(m.memoryFlushes(.proactive))/\(m.memoryFlushes(.allocRetry))",
                "\(m.unnecessaryFlushes)", Format.bytes(UInt64(r.heldMean)), Format.bytes(r.heldPeak),
                Format.fixed(r.milliseconds(Double(m.memoryBackLastJiffies)), decimals: 0) + "/"
                    + Format.fixed(r.milliseconds(m.memoryBackMeanJiffies), decimals: 0),
                "\(m.allocStalls)", Format.fixed(r.milliseconds(Double(m.stallJiffiesTotal)), decimals: 0), "\(m.allocRetries)",
                "\(m.oomKills)", "\(m.kfreePageAllocations)/\(m.kfreePageFailures)",
            ])
        }
        let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        var lines = [title]
        for (i, row) in table.enumerated() {
            lines.append(row.enumerated().map { c, v in c == 0 ? Format.left(v, widths[c]) : Format.right(v, widths[c]) }
                .joined(separator: "  "))
            if i == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines
    }
}
