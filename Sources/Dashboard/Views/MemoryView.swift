import RCUEngine

/// The memory panel, with power folded in: bytes waiting for a grace period (and the lazy part),
/// free memory, estimated power and what lazy RCU saves, reclaim flushes / stalls / OOM kills,
/// then (with room) freed bytes and shrinker calls, and a sparkline of bytes pending.
struct MemoryView {
    let context: ViewContext

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot, m = s.memory
        buffer.fill(area, with: Cell(" ", style: t.background))
        let block = context.panelBlock(.memory, title: "memory, power", rightTitle: "of " + Format.bytes(m.totalBytes))
        block.render(in: area, into: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let lw = 9
        var row = 0
        let pending = Format.bytes(m.bytesPending), lazy = Format.bytes(m.bytesLazy) + " lazy"
        var c = context.field("waiting", pending, in: inner, row: row, labelWidth: lw, style: t.highlight, into: &buffer)
        let compactLazy = Self.compact(m.bytesLazy) + " lazy"
        if c + 3 + lazy.count <= inner.width {
            c = buffer.put(" (", in: inner, row: row, column: c, style: t.dim) - inner.x
            c = buffer.put(lazy, in: inner, row: row, column: c, style: t.lazy) - inner.x
            buffer.put(")", in: inner, row: row, column: c, style: t.dim)
        } else if lw + Self.compact(m.bytesPending).count + 3 + compactLazy.count <= inner.width {
            // Narrow (80x24): "1.2M (819K lazy)" on one row leaves a row for stalls.
            c = context.field("waiting", Self.compact(m.bytesPending), in: inner, row: row, labelWidth: lw, style: t.highlight, into: &buffer)
            c = buffer.put(" (", in: inner, row: row, column: c, style: t.dim) - inner.x
            c = buffer.put(compactLazy, in: inner, row: row, column: c, style: t.lazy) - inner.x
            buffer.put(")", in: inner, row: row, column: c, style: t.dim)
        } else {
            row += 1
            context.field("  lazy", Format.bytes(m.bytesLazy), in: inner, row: row, labelWidth: lw, style: t.lazy, into: &buffer)
        }
        row += 1
        let low = m.freeBytes <= m.lowWatermark && m.lowWatermark > 0
        c = context.field("free", Format.bytes(m.freeBytes), in: inner, row: row, labelWidth: lw, style: low ? t.bad : t.text, into: &buffer)
        if low { buffer.put(" below low watermark", in: inner, row: row, column: c, style: t.bad) }
        row += 1
        // Power (folded into this panel): windowed watts and what lazy RCU saves against the lazy-off twin.
        let p = s.power
        c = context.field("power", Format.fixed(p.recentWatts, decimals: 2) + " W", in: inner, row: row, labelWidth: lw, style: t.highlight, into: &buffer)
        let saved = context.shadow?.lazySaves(s)
        let wide = saved.map { " lazy saves " + Format.fixed($0, decimals: 1) + " %" } ?? " deep " + Format.fixed(p.packageDeepResidency * 100, decimals: 0) + " %"
        let narrow = saved.map { " lazy saves " + Format.fixed($0, decimals: 0) + "%" } ?? " deep " + Format.fixed(p.packageDeepResidency * 100, decimals: 0) + "%"
        if let saves = [wide, narrow].first(where: { c + $0.count <= inner.width }) {
            buffer.put(saves, in: inner, row: row, column: c, style: t.lazy)
        }
        row += 1
        let r = s.reclaim
        var reclaimText = "\(r.totalMemoryFlushes) flush, \(r.unnecessaryFlushes) unneeded"
        if lw + 1 + reclaimText.count > inner.width { reclaimText = "\(r.totalMemoryFlushes)/\(r.unnecessaryFlushes) unneeded" }
        context.field("reclaim", reclaimText, in: inner, row: row, labelWidth: lw,
                      style: r.unnecessaryFlushes > 0 ? t.warning : t.text, into: &buffer)
        row += 1
        // Stalls and OOM kills get a row of their own at every size: the reclaim story ends there.
        if inner.height - row >= 1 {
            context.field("stalls", "\(r.allocStalls) stall\(r.allocStalls == 1 ? "" : "s"), \(r.oomKills) OOM", in: inner, row: row,
                          labelWidth: lw, style: r.oomKills > 0 || r.isStalled ? t.bad : t.text, into: &buffer)
            row += 1
        }
        // kfree_rcu batching (kernel-rcu.md §5): objects waiting in per-CPU pages of 507 pointers,
        // the pages in use, and the batches handed to RCU so far. Shown when the panel has room.
        if inner.height - row >= 3 {
            let k = s.kfree
            context.field("kfree_rcu", "\(k.objectsQueued + k.objectsInFlight) objs, \(k.pagesInUse) pg, \(k.batchesQueued) batches",
                          in: inner, row: row, labelWidth: lw + 1, into: &buffer)
            row += 1
        }
        if inner.height - row >= 1 {
            context.field("freed", Format.bytes(m.bytesFreed), in: inner, row: row, labelWidth: lw, style: t.good, into: &buffer)
            row += 1
        }
        if inner.height - row >= 3 {
            context.field("shrinker", Format.plural(m.shrinkerCounts, "count") + ", " + Format.plural(m.shrinkerScans, "scan"), in: inner, row: row, labelWidth: lw, into: &buffer)
            row += 1
        }
        guard inner.height > row else { return }
        let graph = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: inner.height - row)
        Sparkline(values: s.history.map(\.bytesPending), gradient: t.pendingGraph, background: t[.mainBG],
                  glyphs: context.glyphs, emptyStyle: t.background).render(in: graph, into: &buffer)
        if s.history.isEmpty { buffer.put("no history yet", in: graph, style: t.dim) }
    }

    /// Bytes with one-letter units: "1.2M", "819K", "512B".
    static func compact(_ bytes: UInt64) -> String {
        let full = Format.bytes(bytes)
        for (unit, letter) in [(" KiB", "K"), (" MiB", "M"), (" GiB", "G"), (" TiB", "T"), (" B", "B")] where full.hasSuffix(unit) {
            return String(full.dropLast(unit.count)) + letter
        }
        return full
    }
}
