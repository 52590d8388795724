import RCUEngine

/// The footer (keys, and the theme name at the right) and the help overlay.
struct KeysView {
    let context: ViewContext

    /// Footer keys, most important first; the row keeps as many as fit.
    static let footerKeys: [(String, String)] = [
        ("q", "quit"), ("?", "help"), ("space", "pause"), ("+/-", "speed"), (".", "step"),
        ("1-6", "workloads"), ("l", "lazy"), ("t", "theme"), ("p", "policy"), ("c", "compare"), ("tab", "panel"), ("z", "zoom"),
    ]

    func renderFooter(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        buffer.fill(area, with: Cell(" ", style: t.background))
        let right = " theme " + context.state.themeName + " "
        var spans: [(String, Style)] = []
        var used = 0
        let room = area.width - (area.width >= 100 ? right.count : 0)
        for (i, (key, word)) in KeysView.footerKeys.enumerated() {
            let piece = (i == 0 ? "" : "  ").count + key.count + 1 + word.count
            if used + piece > room { break }
            if i > 0 { spans.append(("  ", t.background)) }
            spans.append((key, t.highlight)); spans.append((" " + word, t.dim))
            used += piece
        }
        Line(spans).render(in: area, into: &buffer)
        if area.width >= 100 { Label(right, style: t.dim, alignment: .right).render(in: area, into: &buffer) }
    }

    /// Lines of the help overlay: keys, then what the audience is looking at.
    static let helpLines: [(String, String)] = [
        ("q  Ctrl-C", "quit"),
        ("?  F1", "this help (Esc closes)"),
        ("space", "pause / run the simulated clock"),
        ("+  -", "speed: 0.001x ... 10000x simulated seconds per second"),
        (".", "one jiffy forward (pauses first)"),
        ("1 2 3 4", "workloads on/off: video, logging, build, idle"),
        ("5 6", "memory hog, proactive reclaim agent on/off"),
        ("l", "lazy RCU on/off (off: every call_rcu is a hurry)"),
        ("p", "next reclaim policy: shrinker, reclaim-hook, no-mem-flag, slab-deferred, none"),
        ("c", "compare view: this engine beside the other (--compare) or lazy off"),
        ("t", "next theme"),
        ("Tab arrows", "select a panel;  z  zoom it;  or click it"),
        ("n b r", "scenario: next, back, restart (PgDn PgUp too)"),
        (">  e", "run to the next event;  e  save the screen (.txt .svg)"),
    ]
    static let explanation = "What you see: each CPU's callbacks wait for a grace period (NEXT, then WAIT, then DONE, then run). With lazy on, call_rcu() parks them in a per-CPU bypass list for up to 10 s, so idle CPUs are not woken: fewer wake-ups, more memory waiting."

    func renderHelp(in screen: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        let width = min(screen.width - 2, 78)
        let textWidth = width - 4
        let explanation = Format.wrap(KeysView.explanation, width: textWidth)
        let height = min(screen.height - 2, KeysView.helpLines.count + explanation.count + 4)
        guard width >= 20, height >= 5 else { return }
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width: width, height: height)
        buffer.fill(box, with: Cell(" ", style: t.background))
        Block(title: "help", titleStyle: t.selected, borderStyle: t.divider, glyphs: context.glyphs,
              rightTitle: "Esc closes", rightTitleStyle: t.dim).render(in: box, into: &buffer)
        let inner = box.inner(1).inner(0)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        var row = 0
        for (keys, what) in KeysView.helpLines where row < content.height {
            buffer.put(Format.left(keys, 12), in: content, row: row, style: t.highlight)
            buffer.put(what, in: content, row: row, column: 12, style: t.text)
            row += 1
        }
        row += 1
        for line in explanation where row < content.height {
            buffer.put(line, in: content, row: row, style: t.graphText)
            row += 1
        }
    }
}
