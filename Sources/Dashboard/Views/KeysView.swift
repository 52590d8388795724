import RCUEngine

/// The footer (keys, and the theme name at the right) and the help overlay.
struct KeysView {
    let context: ViewContext

    /// Footer keys, most important first, each with a full and a short form; the row uses the
    /// full forms when all of them fit, else the short forms and keeps as many as fit (at 80
    /// columns: up to `z zoom`; the help lists every key).
    static let footerKeys: [(key: String, word: String, shortKey: String, shortWord: String)] = [
        ("q", "quit", "q", "quit"), ("?", "help", "?", "help"), ("space", "pause", "space", "pause"),
        ("+/-", "speed", "+-", "speed"), ("1-6", "workloads", "1-6", "workload"), ("l", "lazy", "l", "lazy"),
        ("p", "policy", "p", "policy"), ("z", "zoom", "z", "zoom"), ("c", "compare", "c", "compare"), ("t", "theme", "t", "theme"),
        (".", "step", ".", "step"), ("tab", "panel", "tab", "panel"),
    ]

    /// The footer's (key, word) pairs for `room` columns, two spaces apart.
    static func footerPairs(room: Int) -> [(String, String)] {
        func width(_ pairs: [(String, String)]) -> Int {
            pairs.reduce(0) { $0 + $1.0.count + 1 + $1.1.count } + 2 * max(0, pairs.count - 1)
        }
        let full = footerKeys.map { ($0.key, $0.word) }
        if width(full) <= room { return full }
        var kept: [(String, String)] = []
        for k in footerKeys {
            if width(kept + [(k.shortKey, k.shortWord)]) > room { break }
            kept.append((k.shortKey, k.shortWord))
        }
        return kept
    }

    func renderFooter(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        buffer.fill(area, with: Cell(" ", style: t.background))
        let right = " theme " + context.state.themeName + " "
        var spans: [(String, Style)] = []
        let room = area.width - (area.width >= 100 ? right.count + 1 : 0)
        for (i, (key, word)) in KeysView.footerPairs(room: room).enumerated() {
            if i > 0 { spans.append(("  ", t.background)) }
            spans.append((key, t.highlight)); spans.append((" " + word, t.dim))
        }
        Line(spans).render(in: area, into: &buffer)
        if area.width >= 100 { Label(right, style: t.dim, alignment: .right).render(in: area, into: &buffer) }
    }

    /// Lines of the help overlay: every key (`KeyMap`), then what the audience is looking at.
    /// Kept to 12 lines so the explanation still fits at 80x24.
    static let helpLines: [(String, String)] = [
        ("q  Ctrl-C", "quit"),
        ("?  h  F1", "this help;  Esc  closes it (or the zoom, or a message)"),
        ("space", "pause / run the simulated clock"),
        ("+  -", "speed: 0.001x ... 10000x simulated seconds per second"),
        (".  >", "one jiffy forward;  >  run to the next event (both pause)"),
        ("1 2 3 4", "workloads on/off: video, logging, build, idle"),
        ("5 6", "memory hog, proactive reclaim agent on/off"),
        ("l", "lazy RCU on/off (off: every call_rcu is a hurry)"),
        ("p  c", "next of the 5 reclaim policies;  c  compare view"),
        ("t  e", "next theme;  e  save the screen as .txt and .svg"),
        ("Tab arrows", "select a panel (or click it);  z  Enter  zoom it"),
        ("n  b  r", "scenario: next (PgDn), back (PgUp), restart"),
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
