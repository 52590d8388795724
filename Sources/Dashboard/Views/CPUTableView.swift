import RCUEngine

/// The per-CPU table: one row per CPU (state, the four segments, bypass and its lazy part,
/// wake-ups/s, a stacked bar), or, when the rows do not fit, a heat map with one cell per CPU
/// (or per group of CPUs), the totals and the busiest CPUs.
struct CPUTableView {
    let context: ViewContext

    /// Column headings at two widths (4-wide numbers at 80 columns, 6-wide from 100); a column
    /// is as wide as its heading when that is wider. `RCU/s`: RCU wake-ups of the CPU in the last
    /// second; `FLUSH`: time until its lazy callbacks are flushed. The compact table counts
    /// NEXT_READY in NEXT to make room for FLUSH.
    static let compactTitles = ["DONE", "WAIT", "NEXT", "BYPS", "LAZY", "RCU/s", "FLUSH"]
    static let wideTitles = ["DONE", "WAIT", "NXTRDY", "NEXT", "BYPASS", "LAZY", "RCU/s", "FLUSH"]

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let s = context.snapshot
        let block = context.panelBlock(.cpus, title: "CPUs", rightTitle: "\(Format.plural(s.cpus.count, "CPU")), \(s.cpus.filter { $0.activity == .busy }.count) busy")
        buffer.fill(area, with: Cell(" ", style: context.theme.background))
        block.render(in: area, into: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let fitsRows = inner.height >= s.cpus.count + 2
        if fitsRows { renderRows(s.cpus, in: inner, totals: true, into: &buffer) } else { renderHeatMap(in: inner, into: &buffer) }
    }

    /// Geometry of the columns for an inner width.
    private func columns(width: Int) -> (id: Int, widths: [Int], titles: [String], bar: Int, merged: Bool) {
        let number = width >= 90 ? 6 : (width >= 70 ? 5 : 4)
        let titles = number >= 6 ? CPUTableView.wideTitles : CPUTableView.compactTitles
        let widths = titles.map { max(number, $0.count) }
        let merged = titles == CPUTableView.compactTitles
        let id = merged ? 3 : 4   // 3 is enough for the CPU ids a row table shows
        let fixed = id + 6 + widths.reduce(0) { $0 + $1 + 1 }
        let bar = width - fixed - 1
        return (id, widths, titles, bar >= 6 ? bar : 0, merged)
    }

    private func values(_ cpu: CPUSnapshot) -> [Int] {
        let seg = cpu.segmentLengths + Array(repeating: 0, count: max(0, 4 - cpu.segmentLengths.count))
        return [seg[0], seg[1], seg[2], seg[3], cpu.bypassLength, cpu.lazyLength, Int(clamping: cpu.wakeupsLastSecond)]
    }

    private func valueStyles() -> [Style] {
        let t = context.theme
        return [t.segment(.done), t.segment(.wait), t.segment(.nextReady), t.segment(.next), t.nonLazyBypass, t.lazy, t.text]
    }

    /// The numbers and styles of the columns shown: NEXT_READY folded into NEXT when `merged`.
    private func shown(_ values: [Int], merged: Bool) -> [(Int, Style)] {
        let pairs = Array(zip(values, valueStyles()))
        guard merged else { return pairs }
        return [pairs[0], pairs[1], (values[2] &+ values[3], pairs[3].1)] + pairs[4...]
    }

    /// FLUSH for a CPU: time until its lazy flush, blank when it has no lazy callbacks.
    private func flushText(_ cpu: CPUSnapshot?) -> String {
        let s = context.snapshot
        if let cpu { return LazyFlushCountdown.jiffiesLeft(cpu, in: s).map { LazyFlushCountdown.text(jiffies: $0, hz: s.hz) } ?? "" }
        return LazyFlushCountdown.soonest(in: s).map { LazyFlushCountdown.text(jiffies: $0.jiffies, hz: s.hz) } ?? ""
    }

    private func renderHeading(in row: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        let c = columns(width: row.width)
        var x = buffer.put(Format.right("CPU", c.id) + " state", x: row.x, y: row.y, style: t.graphText, clip: row)
        for (title, w) in zip(c.titles, c.widths) { x = buffer.put(" " + Format.right(title, w), x: x, y: row.y, style: t.graphText, clip: row) }
        if c.bar > 0 {
            let legend = c.bar >= 30 ? "callbacks: DONE WAIT NXTRDY NEXT bypass lazy" : "callbacks"
            buffer.put(" " + legend, x: x, y: row.y, style: t.graphText, clip: row)
        }
    }

    /// One row per CPU, then (if asked) the totals.
    private func renderRows(_ cpus: [CPUSnapshot], in inner: Rect, totals: Bool, into buffer: inout ScreenBuffer) {
        let t = context.theme
        renderHeading(in: inner.row(0), into: &buffer)
        let scale = max(1, cpus.map(\.totalCallbacks).max() ?? 1)
        var row = 1
        for cpu in cpus where row < inner.height - (totals ? 1 : 0) {
            renderRow(label: "\(cpu.id)", state: cpu.activity == .busy ? "busy" : "idle", values: values(cpu), flush: flushText(cpu),
                      stateStyle: cpu.activity == .busy ? t.warning : t.dim,
                      labelStyle: cpu.owesQuiescentState ? t.highlight : t.text,
                      bar: cpu, scale: scale, in: inner.row(row), into: &buffer)
            if cpu.id == context.state.focusedCPU {
                // A scenario's `focus cpu N`: the row stands out by reverse video, in every theme.
                buffer.restyle(inner.row(row)) { var s = $0; s.reverse = true; s.bold = true; return s }
            }
            row += 1
        }
        if totals {
            let all = context.snapshot.cpus
            var sums = Array(repeating: 0, count: 7)
            for cpu in all { for (i, v) in values(cpu).enumerated() { sums[i] = sums[i] &+ v } }
            if inner.height >= cpus.count + 3 {
                if columns(width: inner.width).bar > 0 {
                    renderLegend(in: inner.row(inner.height - 2), into: &buffer)
                } else if columns(width: inner.width).merged {
                    Label("NEXT incl. NEXT_READY; FLUSH: lazy flush due", style: t.dim).render(in: inner.row(inner.height - 2), into: &buffer)
                }
            }
            renderRow(label: "all", state: "", values: sums, flush: flushText(nil), stateStyle: t.dim, labelStyle: t.title,
                      bar: nil, scale: scale, in: inner.row(inner.height - 1), into: &buffer)
        }
    }

    private func renderRow(label: String, state: String, values: [Int], flush: String, stateStyle: Style, labelStyle: Style,
                           bar cpu: CPUSnapshot?, scale: Int, in row: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        let c = columns(width: row.width)
        var x = buffer.put(Format.right(label, c.id), x: row.x, y: row.y, style: labelStyle, clip: row)
        x = buffer.put(" " + Format.left(state, 5), x: x, y: row.y, style: stateStyle, clip: row)
        for ((v, style), w) in zip(shown(values, merged: c.merged), c.widths) {
            x = buffer.put(" " + Format.right(Format.count(v, width: w), w), x: x, y: row.y,
                           style: v == 0 ? t.dim : style, clip: row)
        }
        x = buffer.put(" " + Format.right(flush, c.widths.last ?? 5), x: x, y: row.y, style: t.lazy, clip: row)
        guard c.bar > 0, let cpu else { return }
        segmentBar(cpu, scale: scale).render(in: Rect(x: x + 1, y: row.y, width: min(c.bar, row.right - x - 1), height: 1), into: &buffer)
    }

    /// What the bar's colours (or glyphs) mean, in the segments' order.
    private func renderLegend(in row: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, g = context.glyphs
        let fills = context.distinctGlyphs ? g.segmentDistinct : g.segmentColored
        let names = ["DONE", "WAIT", "NEXT_READY", "NEXT", "bypass", "lazy"]
        let styles = [t.segment(.done), t.segment(.wait), t.segment(.nextReady), t.segment(.next), t.nonLazyBypass, t.lazy]
        var spans: [(String, Style)] = [("bar: ", t.dim)]
        for i in names.indices {
            spans.append((String(fills[i]), styles[i])); spans.append((names[i] + " ", t.graphText))
        }
        if Line(spans).width > row.width { spans[0] = ("", t.dim) }
        Line(spans).render(in: row, into: &buffer)
    }

    /// DONE, WAIT, NEXT_READY, NEXT, bypass (not lazy), lazy: one stacked bar.
    func segmentBar(_ cpu: CPUSnapshot, scale: Int) -> SegmentBar {
        let t = context.theme, g = context.glyphs
        let fills = context.distinctGlyphs ? g.segmentDistinct : g.segmentColored
        let v = values(cpu)
        let styles = [t.segment(.done), t.segment(.wait), t.segment(.nextReady), t.segment(.next), t.nonLazyBypass, t.lazy]
        let counts = [v[0], v[1], v[2], v[3], max(0, v[4] - v[5]), v[5]]
        return SegmentBar(parts: (0..<6).map { SegmentBar.Part(count: counts[$0], style: styles[$0], glyph: fills[$0]) },
                          scale: scale, emptyStyle: t.meter, emptyGlyph: " ")
    }

    /// A heat map: one cell per CPU (or per group), glyph and colour by callbacks queued.
    private func renderHeatMap(in inner: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, g = context.glyphs, cpus = context.snapshot.cpus
        let owing = cpus.filter(\.owesQuiescentState).count
        let summaryRows = 1, totalsRows = 2
        let gridRows = max(1, inner.height - summaryRows - totalsRows)
        let cellsWanted = cpus.count
        let perCell = max(1, (cellsWanted + inner.width * gridRows - 1) / max(1, inner.width * gridRows))
        let cells = (cpus.count + perCell - 1) / perCell
        let usedRows = min(gridRows, (cells + inner.width - 1) / max(1, inner.width))
        let groupTotals: [Int] = (0..<cells).map { i in
            cpus[(i * perCell)..<min(cpus.count, (i + 1) * perCell)].reduce(0) { $0 &+ $1.totalCallbacks }
        }
        let top = max(1, groupTotals.max() ?? 1)
        let what = perCell == 1 ? "1 cell = 1 CPU" : "1 cell = \(perCell) CPUs"
        var summary: [(String, Style)] = [(Format.plural(cpus.count, "CPU"), t.text), (", \(owing) owe QS, ", t.dim), (what, t.text)]
        for extra in [", shade = callbacks queued", " (max \(top))"] where Line(summary).width + extra.count <= inner.width {
            summary.append((extra, t.dim))
        }
        Line(summary).render(in: inner.row(0), into: &buffer)
        for (i, total) in groupTotals.enumerated() {
            let r = i / max(1, inner.width), col = i % max(1, inner.width)
            guard r < usedRows else { break }
            let fraction = Double(total) / Double(top)
            let level = total == 0 ? 0 : max(1, min(g.heat.count - 1, Int((fraction * Double(g.heat.count - 1)).rounded(.up))))
            let style = total == 0 ? t.dim : t.style(in: t.heat, at: fraction)
            buffer.set(x: inner.x + col, y: inner.y + 1 + r, Cell(g.heat[level], style: style))
        }
        // Below the map: headings and totals, then the busiest CPUs while rows remain.
        let below = Rect(x: inner.x, y: inner.y + 1 + usedRows, width: inner.width, height: inner.height - 1 - usedRows)
        guard below.height >= 2 else { return }
        let busiest = cpus.enumerated().sorted { a, b in
            a.element.totalCallbacks == b.element.totalCallbacks ? a.offset < b.offset : a.element.totalCallbacks > b.element.totalCallbacks
        }.map(\.element)
        let listed = Array(busiest.prefix(max(0, below.height - 2)).sorted { $0.id < $1.id })
        renderRows(listed, in: below, totals: true, into: &buffer)
    }
}
