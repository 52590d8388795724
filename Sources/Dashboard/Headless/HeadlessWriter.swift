import RCUEngine

/// Output format of `--headless`.
public enum HeadlessFormat: String, Sendable, CaseIterable {
    case jsonl, csv
}

/// Turns snapshots into headless records, one line each (no trailing newline).
///
/// Both formats carry the same scalar fields in the same order; JSON lines nest
/// `wakeups_by_cause` and `flushes` as objects keyed by the engine's raw values, CSV flattens them
/// into `wakeups_<cause>` and `flushes_<reason>` columns. Output is built by hand with a fixed key
/// order and no Foundation, so identical snapshots give byte-identical lines.
public struct HeadlessWriter: Sendable {
    public let format: HeadlessFormat
    public init(format: HeadlessFormat) { self.format = format }

    /// A header line to print first (CSV column names), or nil.
    public func header() -> String? {
        format == .csv ? HeadlessWriter.csvColumns.joined(separator: ",") : nil
    }

    /// One record for the snapshot taken at the end of an interval.
    public func record(_ snapshot: Snapshot) -> String { line(snapshot, summary: false) }

    /// The final summary record (`"summary": true` in JSON lines, `summary` column 1 in CSV).
    public func summary(_ snapshot: Snapshot) -> String { line(snapshot, summary: true) }

    /// CSV column names, in record order.
    public static let csvColumns: [String] =
        ["t", "jiffies", "gp_seq", "gp_completed", "cb_queued", "cb_invoked", "cb_pending", "lazy_pending", "bypass", "wakeups"]
        + WakeupCause.allCases.map { "wakeups_" + $0.rawValue }
        + ["bytes_pending", "bytes_lazy", "bytes_freed", "free_bytes", "lazy", "policy", "workloads"]
        + FlushReason.allCases.map { "flushes_" + $0.rawValue }
        + ["shrinker_counts", "shrinker_scans"]
        + ReclaimTrigger.allCases.map { "memory_flushes_" + $0.rawValue }
        + HeadlessWriter.reclaimKeys + ["summary"]

    /// Reclaim, stall and power fields after the flushes, in record order (docs/engine-rules.md).
    static let reclaimKeys = [
        "unnecessary_flushes", "lazy_held_bytes", "slab_deferred_bytes", "page_cache_bytes", "anon_bytes",
        "memory_back_last_ms", "memory_back_mean_ms", "shortages", "alloc_stalls", "alloc_stall_ms", "alloc_retries",
        "oom_kills", "kfree_page_allocs", "kfree_page_failures", "frees_nothing_skipped", "power_w", "power_recent_w",
        "energy_j", "package_deep_pct",
        "kfree_objects_queued", "kfree_objects_in_flight", "kfree_pages_in_use", "kfree_batches", "kfree_freed_without_gp",
    ]

    static func reclaimValues(_ s: Snapshot) -> [String] {
        let r = s.reclaim, p = s.power
        let ms = { (j: Double) in Format.fixed(j * 1000 / Double(max(1, s.hz)), decimals: 1) }
        return ["\(r.unnecessaryFlushes)", "\(r.lazyHeldBytes)", "\(r.slabDeferredBytes)", "\(r.pageCacheBytes)", "\(r.anonBytes)",
                ms(Double(r.memoryBackLastJiffies)), ms(r.memoryBackMeanJiffies), "\(r.shortages)", "\(r.allocStalls)",
                ms(Double(r.stallJiffiesTotal)), "\(r.allocRetries)", "\(r.oomKills)", "\(r.kfreePageAllocations)",
                "\(r.kfreePageFailures)", "\(r.freesNothingSkipped)", Format.fixed(p.watts, decimals: 4),
                Format.fixed(p.recentWatts, decimals: 4), Format.fixed(p.energyJoules, decimals: 3),
                Format.fixed(p.packageDeepResidency * 100, decimals: 2),
                "\(s.kfree.objectsQueued)", "\(s.kfree.objectsInFlight)", "\(s.kfree.pagesInUse)", "\(s.kfree.batchesQueued)",
                "\(s.kfree.freedWithoutNewGP)"]
    }

    private func line(_ s: Snapshot, summary: Bool) -> String {
        let t = Format.fixed(s.seconds, decimals: 3)
        let causes = WakeupCause.allCases.enumerated().map { (i, c) in (c.rawValue, i < s.wakeups.total.count ? s.wakeups.total[i] : 0) }
        let flushes = FlushReason.allCases.enumerated().map { (i, r) in (r.rawValue, i < s.flushes.count.count ? s.flushes.count[i] : 0) }
        switch format {
        case .jsonl:
            var o = JSONObject()
            o.raw("t", t)
            o.raw("jiffies", "\(s.jiffies)")
            o.raw("gp_seq", "\(s.gracePeriod.gpSeq)")
            o.raw("gp_completed", "\(s.gracePeriod.completed)")
            o.raw("cb_queued", "\(s.counters.queued)")
            o.raw("cb_invoked", "\(s.counters.invoked)")
            o.raw("cb_pending", "\(s.counters.pending)")
            o.raw("lazy_pending", "\(s.counters.lazyPending)")
            o.raw("bypass", "\(s.counters.bypass)")
            o.raw("wakeups", "\(s.wakeups.rcuTotal)")
            var byCause = JSONObject()
            for (name, n) in causes { byCause.raw(name, "\(n)") }
            o.raw("wakeups_by_cause", byCause.text)
            o.raw("bytes_pending", "\(s.memory.bytesPending)")
            o.raw("bytes_lazy", "\(s.memory.bytesLazy)")
            o.raw("bytes_freed", "\(s.memory.bytesFreed)")
            o.raw("free_bytes", "\(s.memory.freeBytes)")
            o.raw("lazy", s.lazyEnabled ? "true" : "false")
            o.string("policy", s.policy.rawValue)
            o.raw("workloads", "[" + s.activeWorkloads.map { JSONObject.quote($0.rawValue) }.joined(separator: ",") + "]")
            var fl = JSONObject()
            for (name, n) in flushes { fl.raw(name, "\(n)") }
            o.raw("flushes", fl.text)
            o.raw("shrinker_counts", "\(s.memory.shrinkerCounts)")
            o.raw("shrinker_scans", "\(s.memory.shrinkerScans)")
            var mf = JSONObject()
            for t in ReclaimTrigger.allCases { mf.raw(t.rawValue, "\(s.reclaim.memoryFlushes(t))") }
            o.raw("memory_flushes", mf.text)
            for (k, v) in zip(HeadlessWriter.reclaimKeys, HeadlessWriter.reclaimValues(s)) { o.raw(k, v) }
            if summary { o.raw("summary", "true") }
            return o.text
        case .csv:
            var fields: [String] = [t, "\(s.jiffies)", "\(s.gracePeriod.gpSeq)", "\(s.gracePeriod.completed)",
                                    "\(s.counters.queued)", "\(s.counters.invoked)", "\(s.counters.pending)",
                                    "\(s.counters.lazyPending)", "\(s.counters.bypass)", "\(s.wakeups.rcuTotal)"]
            fields += causes.map { "\($0.1)" }
            fields += ["\(s.memory.bytesPending)", "\(s.memory.bytesLazy)", "\(s.memory.bytesFreed)", "\(s.memory.freeBytes)",
                       s.lazyEnabled ? "1" : "0", HeadlessWriter.csvField(s.policy.rawValue),
                       HeadlessWriter.csvField(s.activeWorkloads.map(\.rawValue).joined(separator: "+"))]
            fields += flushes.map { "\($0.1)" }
            fields += ["\(s.memory.shrinkerCounts)", "\(s.memory.shrinkerScans)"]
            fields += ReclaimTrigger.allCases.map { "\(s.reclaim.memoryFlushes($0))" }
            fields += HeadlessWriter.reclaimValues(s)
            fields.append(summary ? "1" : "0")
            return fields.joined(separator: ",")
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences("\"", "\"\"") + "\""
    }
}

/// A JSON object built in insertion order.
struct JSONObject {
    private var parts: [String] = []
    mutating func raw(_ key: String, _ value: String) { parts.append(JSONObject.quote(key) + ":" + value) }
    mutating func string(_ key: String, _ value: String) { raw(key, JSONObject.quote(value)) }
    var text: String { "{" + parts.joined(separator: ",") + "}" }

    /// A JSON string literal (see `JSONString.quote`).
    static func quote(_ s: String) -> String { JSONString.quote(s) }
}
