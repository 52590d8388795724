import RCUEngine

/// The event log: the engine's recent events in plain words, newest at the bottom, each with its
/// simulated time; a flood of one kind in one simulated second is one line with a count (`×37`);
/// a line too long for the panel takes the short wording (`EventWording`), then wraps under its
/// text, and an event that does not fit whole is left out. A message from the app (a theme that failed
/// to load) sits on the first row.
struct EventLogView {
    let context: ViewContext

    /// Red (`bad`) is kept for problems (OOM); ordinary flushes and GP ends use the text colour,
    /// lazy flushes the lazy colour, hurry flushes the warning colour, reclaim the warning colour.
    func style(for kind: EngineEvent.Kind) -> Style {
        let t = context.theme
        switch kind {
        case .gpStart, .gpEnd, .invoke, .bypassFlush, .sizeFlush, .barrier: return t.text
        case .lazyFlush, .lazyToggle: return t.lazy
        case .hurryFlush, .shrinker, .policy, .reclaimHook: return t.warning
        case .oom: return t.bad
        case .workload, .note: return t.graphText
        }
    }

    /// One line of the log: an event and how many like it it stands for.
    struct Entry: Equatable {
        var event: EngineEvent
        var count: Int
    }

    /// Floods collapsed: consecutive events of the same kind in the same simulated second become
    /// one entry carrying the most recent event and the count. Oldest first, as the input.
    static func collapse(_ events: [EngineEvent], hz: Int) -> [Entry] {
        let hz = UInt64(max(1, hz))
        var out: [Entry] = []
        for event in events {
            if let last = out.last, last.event.kind == event.kind, last.event.jiffy / hz == event.jiffy / hz,
               Self.template(last.event.text) == Self.template(event.text) {
                out[out.count - 1] = Entry(event: event, count: last.count + 1)
            } else {
                out.append(Entry(event: event, count: 1))
            }
        }
        return out
    }

    /// The text with its numbers blanked: "bypass on CPU 3 ... flushed 2 callbacks" and the
    /// same line for CPU 5 are one flood; "workload idle on" and "workload video on" are not.
    static func template(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let isDigit = scalar.value >= 48 && scalar.value <= 57
            if isDigit { if out.last != "#" { out.append("#") } } else { out.append(scalar) }
        }
        return out
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
        // Build wrapped lines from the newest backwards; an event that does not fit whole is
        // left out (never its first lines without the rest), except the newest in a tiny panel.
        let timeWidth = max(8, Format.fixed(s.seconds, decimals: 3).count + 1) + 2
        let textWidth = max(1, inner.width - timeWidth)
        let times = context.glyphs.usesBraille ? "\u{00D7}" : "x"
        var rows: [[(String, Style)]] = []
        for entry in EventLogView.collapse(s.recentEvents, hz: s.hz).reversed() {
            let event = entry.event
            let time = Format.right("t=" + Format.fixed(Double(event.jiffy) / Double(max(1, s.hz)), decimals: 3), timeWidth - 1) + " "
            let suffix = entry.count > 1 ? " " + times + "\(entry.count)" : ""
            let full = event.text + suffix
            let text = full.count <= textWidth ? full : EventWording.short(event.text) + suffix
            let wrapped = Format.wrap(text, width: textWidth)
            if !rows.isEmpty && rows.count + wrapped.count > inner.height { break }
            var block: [[(String, Style)]] = []
            for (i, line) in wrapped.enumerated() {
                block.append([(i == 0 ? time : String(repeating: " ", count: timeWidth), t.dim), (line, style(for: event.kind))])
            }
            rows.insert(contentsOf: block, at: 0)
            if rows.count >= inner.height { break }
        }
        let visible = rows.prefix(inner.height)
        for (i, spans) in visible.enumerated() { Line(spans).render(in: inner.row(i), into: &buffer) }
    }
}
