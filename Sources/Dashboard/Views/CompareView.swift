import RCUEngine

/// The compare view (`c`): this engine and the compared one (`--compare A,B`, or the lazy-off
/// twin) in two columns, same seed and workloads, with the difference of each measure.
struct CompareView {
    let context: ViewContext

    /// One measure: its label, the value of each side as a number, how to print it.
    struct Measure: Sendable {
        var label: String
        var value: @Sendable (Snapshot) -> Double
        var text: @Sendable (Double) -> String
        /// Is a higher value worse (drawn in `bad` when the right side is higher)?
        var higherIsWorse = true
    }

    static func perSecond(_ s: Snapshot) -> Double { s.history.last.map { Double($0.rcuWakeups) } ?? 0 }

    static let measures: [Measure] = [
        Measure(label: "RCU wake-ups/s", value: perSecond, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "wake-ups/s (mean)", value: { Double($0.wakeups.rcuTotal) / max($0.seconds, 1e-9) }, text: { Format.fixed($0, decimals: 1) }),
        Measure(label: "power W (10 s)", value: { $0.power.recentWatts }, text: { Format.fixed($0, decimals: 3) }),
        Measure(label: "energy J", value: { $0.power.energyJoules }, text: { Format.fixed($0, decimals: 1) }),
        Measure(label: "package deep %", value: { $0.power.packageDeepResidency * 100 }, text: { Format.fixed($0, decimals: 1) }, higherIsWorse: false),
        Measure(label: "memory held (lazy)", value: { Double($0.reclaim.lazyHeldBytes) }, text: { Format.bytes(UInt64(max(0, $0))) }),
        Measure(label: "free memory", value: { Double($0.memory.freeBytes) }, text: { Format.bytes(UInt64(max(0, $0))) }, higherIsWorse: false),
        Measure(label: "memory flushes", value: { Double($0.reclaim.totalMemoryFlushes) }, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "  unnecessary", value: { Double($0.reclaim.unnecessaryFlushes) }, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "allocation stalls", value: { Double($0.reclaim.allocStalls) }, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "  stalled ms", value: { Double($0.reclaim.stallJiffiesTotal) * 1000 / Double($0.hz) }, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "OOM kills", value: { Double($0.reclaim.oomKills) }, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "memory back, mean ms", value: { $0.reclaim.memoryBackMeanJiffies * 1000 / Double($0.hz) }, text: { Format.fixed($0, decimals: 0) }),
        Measure(label: "callbacks queued", value: { Double($0.counters.queued) }, text: { Format.fixed($0, decimals: 0) }, higherIsWorse: false),
    ]

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot
        buffer.fill(area, with: Cell(" ", style: t.background))
        let block = Block(title: "compare", titleStyle: t.selected, borderStyle: t.divider, glyphs: context.glyphs,
                          rightTitle: "same seed and workloads · c closes", rightTitleStyle: t.graphText)
        block.render(in: area, into: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        guard let shadow = context.shadow, let other = shadow.compare else {
            buffer.put("no compared engine in this view (run rcutop with --compare A,B)", in: inner, style: t.dim)
            return
        }
        let labelWidth = min(22, max(12, inner.width / 3))
        let colWidth = max(6, (inner.width - labelWidth) / 3)
        func put(_ text: String, row: Int, col: Int, style: Style) {
            let x = labelWidth + col * colWidth
            guard row < inner.height, x < inner.width else { return }
            buffer.put(Format.right(String(text.prefix(colWidth - 1)), colWidth - 1), in: inner, row: row, column: x, style: style)
        }
        buffer.put(Format.left("", labelWidth), in: inner, row: 0, style: t.dim)
        put(shadow.mainName, row: 0, col: 0, style: t.title)
        put(shadow.compareName, row: 0, col: 1, style: t.title)
        put("difference", row: 0, col: 2, style: t.dim)
        for (i, m) in CompareView.measures.enumerated() {
            let row = i + 1
            guard row < inner.height else { break }
            buffer.put(Format.left(String(m.label.prefix(labelWidth - 1)), labelWidth), in: inner, row: row, style: t.dim)
            let a = m.value(s), b = m.value(other)
            put(m.text(a), row: row, col: 0, style: t.text)
            put(m.text(b), row: row, col: 1, style: t.text)
            let d = b - a
            let sign = d > 0 ? "+" : (d < 0 ? "-" : " ")
            let worse = d != 0 && ((d > 0) == m.higherIsWorse)
            put(d == 0 ? "=" : sign + m.text(abs(d)), row: row, col: 2, style: d == 0 ? t.dim : (worse ? t.bad : t.good))
        }
        let foot = CompareView.measures.count + 2
        if foot < inner.height {
            let saves = shadow.lazySaves(s).map { "lazy saves " + Format.fixed($0, decimals: 1) + " % of this engine's power (lazy-off twin)" }
                ?? "lazy is off on this engine: nothing to save"
            buffer.put(saves, in: inner, row: foot, style: t.lazy)
        }
        if foot + 1 < inner.height {
            buffer.put("policy now: " + s.policy.rawValue + " (p cycles)", in: inner, row: foot + 1, style: t.dim)
        }
    }
}
