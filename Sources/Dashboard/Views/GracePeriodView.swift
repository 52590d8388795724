import RCUEngine

/// The grace-period panel: gp_seq (signed, as the kernel's %ld) and a plain `GP #n`, phase
/// (kernel name and plain words), elapsed time, CPUs still owing a quiescent state, GPs
/// completed, recent durations.
struct GracePeriodView {
    let context: ViewContext

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot, gp = s.gracePeriod
        buffer.fill(area, with: Cell(" ", style: t.background))
        let block = context.panelBlock(.gracePeriod, rightTitle: gp.inProgress ? "running" : "idle")
        block.render(in: area, into: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let wide = inner.width >= 44
        let lw = 9
        var row = 0
        // gp_seq as the kernel prints it, then a plain counter the audience can follow.
        var c = context.field("gp_seq", "\(gp.gpSeq)", in: inner, row: row, labelWidth: lw, style: t.highlight, into: &buffer)
        if let number = GracePeriodView.plainNumber(gp) {
            c = buffer.put("  GP ", in: inner, row: row, column: c, style: t.dim) - inner.x
            buffer.put("#\(number)", in: inner, row: row, column: c, style: t.text)
        }
        row += 1
        let kernel = wide ? gp.state.kernelName : String(gp.state.kernelName.dropFirst("RCU_GP_".count))
        let words = ViewContext.plainWords(gp.state)
        // The lazy-flush countdown has a row when lazy callbacks wait; at 80x24 it takes the
        // plain-words row (the kernel phase name stays).
        let flush = LazyFlushCountdown.soonest(in: s)
        let x = context.field("phase", kernel, in: inner, row: row, labelWidth: lw, style: gp.inProgress ? t.warning : t.text, into: &buffer)
        if inner.height >= (flush == nil ? 5 : 6) {
            row += 1
            buffer.put(words, in: inner, row: row, column: words.count <= inner.width - lw ? lw : 0, style: t.graphText)
        } else if inner.width - x >= words.count + 2 {
            buffer.put(": " + words, in: inner, row: row, column: x, style: t.graphText)
        }
        row += 1
        let elapsed = gp.inProgress ? Format.milliseconds(jiffies: gp.elapsedJiffies, hz: s.hz) : "-"
        let owing = gp.cpusOwingQS
        let owingText: String
        if owing.isEmpty { owingText = gp.inProgress ? "none" : "-" } else {
            let list = owing.prefix(12).map(String.init).joined(separator: " ")
            owingText = owing.count <= 12 && list.count + 12 <= inner.width - lw - elapsed.count ? "CPU " + list : Format.plural(owing.count, "CPU")
        }
        c = context.field("elapsed", elapsed, in: inner, row: row, labelWidth: lw, into: &buffer)
        c = buffer.put("  owe QS ", in: inner, row: row, column: c, style: t.dim) - inner.x
        buffer.put(owingText, in: inner, row: row, column: c, style: owing.isEmpty ? t.dim : t.highlight)
        row += 1
        c = context.field("completed", "\(gp.completed)", in: inner, row: row, labelWidth: lw, into: &buffer)
        // As many recent durations as fit, newest last.
        var recent: [String] = []
        let lastLabel = gp.recentDurations.count == 1 ? "  last GP " : "  last GPs "
        var room = inner.width - c - lastLabel.count - " ms".count
        for d in gp.recentDurations.reversed() {
            let text = Format.fixed(Double(d) * 1000 / Double(max(1, s.hz)), decimals: 0)
            if text.count + (recent.isEmpty ? 0 : 2) > room { break }
            room -= text.count + (recent.isEmpty ? 0 : 2)
            recent.insert(text, at: 0)
        }
        if !recent.isEmpty {
            c = buffer.put(recent.count == 1 ? "  last GP " : "  last GPs ", in: inner, row: row, column: c, style: t.dim) - inner.x
            buffer.put(recent.joined(separator: ", ") + " ms", in: inner, row: row, column: c, style: t.text)
        }
        row += 1
        if let flush, row < inner.height {
            let when = flush.jiffies == 0 ? "due" : "in " + Format.fixed(Double(flush.jiffies) / Double(max(1, s.hz)), decimals: 1) + " s"
            let long = "next lazy flush \(when) (CPU \(flush.cpu))"
            buffer.put(long.count <= inner.width ? long : "lazy flush \(when), CPU \(flush.cpu)", in: inner, row: row, style: t.lazy)
            row += 1
        }
        if row < inner.height {
            context.field("FQS", Format.plural(gp.fqsScans, "scan"), in: inner, row: row, labelWidth: lw, into: &buffer)
            row += 1
        }
        if row < inner.height, !gp.recentDurations.isEmpty {
            let sparkArea = Rect(x: inner.x + lw, y: inner.y + row, width: inner.width - lw, height: inner.height - row)
            buffer.put("GP ms", in: inner, row: row, style: t.dim)
            Sparkline(values: gp.recentDurations, gradient: t.processGraph, background: t[.mainBG],
                      glyphs: context.glyphs, emptyStyle: t.background).render(in: sparkArea, into: &buffer)
        }
    }

    /// The grace period's number counted from 1, as the audience follows it: the one running
    /// (completed + 1), else the last one completed; nil before the first.
    static func plainNumber(_ gp: GracePeriodSnapshot) -> UInt64? {
        let n = gp.completed + (gp.inProgress ? 1 : 0)
        return n == 0 ? nil : n
    }
}
