import RCUEngine

/// The event log: the engine's recent events in plain words, newest at the bottom, each with its
/// simulated time; long lines wrap under their text. A message from the app (a theme that failed
/// to load) sits on the first row.
struct EventLogView {
    let context: ViewContext

    func style(for kind: EngineEvent.Kind) -> Style {
        let t = context.theme
        switch kind {
        case .gpStart, .gpEnd, .invoke: return t.text
        case .lazyFlush, .lazyToggle: return t.lazy
        case .hurryFlush, .oom: return t.hurry
        case .bypassFlush, .sizeFlush, .barrier: return t.segment(.next)
        case .shrinker, .policy, .reclaimHook: return t.warning
        case .workload, .note: return t.graphText
        }
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot
        buffer.fill(area, with: Cell(" ", style: t.background))
        let block = context.panelBlock(.events, rightTitle: s.recentEvents.isEmpty ? nil : "newest last")
        block.render(in: area, into: &buffer)
        var inner = block.inner(area)
        guard !inner.isEmpty else { return }
        if let message = context.state.message {
            let lines = Format.wrap("! " + message, width: inner.width, indent: 2)
            for (i, line) in lines.prefix(max(1, inner.height / 2)).enumerated() {
                buffer.put(line, in: inner, row: i, style: t.bad)
            }
            let used = min(lines.count, max(1, inner.height / 2))
            inner = inner.splitTop(used).rest
        }
        guard !inner.isEmpty else { return }
        if s.recentEvents.isEmpty {
            buffer.put("nothing yet", in: inner, row: 0, style: t.dim)
            return
        }
        // Build wrapped lines from the newest backwards until the area is full.
        let timeWidth = max(8, Format.fixed(s.seconds, decimals: 3).count + 1) + 2
        var rows: [[(String, Style)]] = []
        for event in s.recentEvents.reversed() {
            let time = Format.right("t=" + Format.fixed(Double(event.jiffy) / Double(max(1, s.hz)), decimals: 3), timeWidth - 1) + " "
            let wrapped = Format.wrap(event.text, width: max(1, inner.width - timeWidth))
            var block: [[(String, Style)]] = []
            for (i, line) in wrapped.enumerated() {
                block.append([(i == 0 ? time : String(repeating: " ", count: timeWidth), t.dim), (line, style(for: event.kind))])
            }
            rows.insert(contentsOf: block, at: 0)
            if rows.count >= inner.height { break }
        }
        let visible = rows.suffix(inner.height)
        for (i, spans) in visible.enumerated() { Line(spans).render(in: inner.row(i), into: &buffer) }
    }
}
