import RCUEngine

/// The wake-ups panel: RCU wake-ups per second, per cause (`WakeupCause.label`), and a sparkline
/// of RCU wake-ups per simulated second. The only count that is not per second, the RCU
/// wake-ups since start, says so in the right title (`since start 12`).
struct WakeupsView {
    let context: ViewContext

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot, w = s.wakeups
        buffer.fill(area, with: Cell(" ", style: t.background))
        // The right title gets what the top edge leaves after the title (Block keeps one cell
        // between them and pads each with a space); the count shortens (`3k`) to fit.
        let title = "wake-ups/s"
        let numberRoom = min(7, area.width - 2 - (title.count + 2) - 1 - 2 - "since start ".count)
        let block = context.panelBlock(.wakeups, title: title,
                                       rightTitle: "since start \(Format.count(w.rcuTotal, width: max(1, numberRoom)))")
        block.render(in: area, into: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        var c = buffer.put("RCU ", in: inner, row: 0, style: t.dim) - inner.x
        c = buffer.put("\(w.rcuLastSecond)/s", in: inner, row: 0, column: c, style: t.highlight) - inner.x
        c = buffer.put("  workload ", in: inner, row: 0, column: c, style: t.dim) - inner.x
        buffer.put("\(w.lastSecond(.workload))/s", in: inner, row: 0, column: c, style: t.text)

        // Causes in as many columns as fit (each at least 16 wide), RCU causes first.
        let causes = WakeupCause.allCases.filter(\.isRCU)
        let columnsFit = max(1, min(causes.count, inner.width / 15))
        let columns = inner.height >= causes.count + 3 ? 1 : columnsFit
        let rowsNeeded = (causes.count + columns - 1) / columns
        let colWidth = min(22, inner.width / columns)
        for (i, cause) in causes.enumerated() {
            let r = 1 + i / columns, col = i % columns
            guard r < inner.height else { break }
            let value = Format.count(w.lastSecond(cause), width: 5)
            let labelWidth = max(1, colWidth - value.count - 2)
            let cell = Rect(x: inner.x + col * colWidth, y: inner.y + r, width: colWidth - (col < columns - 1 ? 1 : 0), height: 1)
            let label = cause.label.count > labelWidth ? cause.label.replacingOccurrences("timer", "tmr") : cause.label
            buffer.put(Format.left(label, labelWidth), in: cell, style: cause == .lazyTimer ? t.lazy : t.dim)
            Label(value, style: w.lastSecond(cause) == 0 ? t.dim : t.text, alignment: .right).render(in: cell, into: &buffer)
        }
        let graphTop = 1 + rowsNeeded
        guard graphTop < inner.height else { return }
        let graph = Rect(x: inner.x, y: inner.y + graphTop, width: inner.width, height: inner.height - graphTop)
        Sparkline(values: s.history.map(\.rcuWakeups), gradient: t.wakeGraph, background: t[.mainBG],
                  glyphs: context.glyphs, emptyStyle: t.background).render(in: graph, into: &buffer)
        if s.history.isEmpty { buffer.put("no history yet", in: graph, style: t.dim) }
    }
}
