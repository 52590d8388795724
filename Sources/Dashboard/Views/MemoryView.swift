import RCUEngine

/// The memory panel: bytes waiting for a grace period (and the lazy part), freed, free memory,
/// shrinker calls, and a sparkline of bytes pending.
struct MemoryView {
    let context: ViewContext

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot, m = s.memory
        buffer.fill(area, with: Cell(" ", style: t.background))
        let block = context.panelBlock(.memory, rightTitle: "of " + Format.bytes(m.totalBytes))
        block.render(in: area, into: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let lw = 9
        var row = 0
        let pending = Format.bytes(m.bytesPending), lazy = Format.bytes(m.bytesLazy) + " lazy"
        var c = context.field("waiting", pending, in: inner, row: row, labelWidth: lw, style: t.highlight, into: &buffer)
        if c + 3 + lazy.count <= inner.width {
            c = buffer.put(" (", in: inner, row: row, column: c, style: t.dim) - inner.x
            c = buffer.put(lazy, in: inner, row: row, column: c, style: t.lazy) - inner.x
            buffer.put(")", in: inner, row: row, column: c, style: t.dim)
        } else {
            row += 1
            context.field("  lazy", Format.bytes(m.bytesLazy), in: inner, row: row, labelWidth: lw, style: t.lazy, into: &buffer)
        }
        row += 1
        context.field("freed", Format.bytes(m.bytesFreed), in: inner, row: row, labelWidth: lw, style: t.good, into: &buffer)
        row += 1
        let low = m.freeBytes <= m.lowWatermark && m.lowWatermark > 0
        c = context.field("free", Format.bytes(m.freeBytes), in: inner, row: row, labelWidth: lw, style: low ? t.bad : t.text, into: &buffer)
        if low { buffer.put(" below low watermark", in: inner, row: row, column: c, style: t.bad) }
        row += 1
        context.field("shrinker", Format.plural(m.shrinkerCounts, "count") + ", " + Format.plural(m.shrinkerScans, "scan"), in: inner, row: row, labelWidth: lw, into: &buffer)
        row += 1
        guard inner.height > row else { return }
        let graph = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: inner.height - row)
        Sparkline(values: s.history.map(\.bytesPending), gradient: t.pendingGraph, background: t[.mainBG],
                  glyphs: context.glyphs, emptyStyle: t.background).render(in: graph, into: &buffer)
        if s.history.isEmpty { buffer.put("no history yet", in: graph, style: t.dim) }
    }
}
