import RCUEngine

/// The top row: name, simulated time, speed, PAUSED, HZ, CPUs, LAZY ON/OFF, policy, workloads.
///
/// Items have a full and a short form; when the row is too narrow, forms shorten in a fixed
/// order, then the least important items go.
struct HeaderView {
    let context: ViewContext

    private struct Item {
        var full: [(String, Style)]
        var short: [(String, Style)]?
        var dropOrder: Int?   // nil: never dropped; lower numbers go first
        var shortOrder: Int
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme, s = context.snapshot, st = context.state
        buffer.fill(area, with: Cell(" ", style: t.background))
        let lazyBadge: Style = {
            if t.isMonochrome { return Style(bold: true, reverse: true) }
            return Style(foreground: t[.mainBG], background: s.lazyEnabled ? t[.procMisc] : t[.usedEnd], bold: true)
        }()
        var items: [Item] = []
        items.append(Item(full: [(" rcutop ", t.title)], short: [("rcutop", t.title)], dropOrder: nil, shortOrder: 3))
        items.append(Item(full: [(Format.time(s.seconds), t.text)], short: nil, dropOrder: nil, shortOrder: 0))
        var speed: [(String, Style)] = [(Format.speed(st.speed), t.highlight)]
        if st.isPaused { speed = [("PAUSED", t.isMonochrome ? Style(bold: true, reverse: true) : t.hurry), (" " + Format.speed(st.speed), t.dim)] }
        items.append(Item(full: speed, short: nil, dropOrder: nil, shortOrder: 0))
        items.append(Item(full: [("HZ ", t.dim), ("\(s.hz)", t.text)], short: [("\(s.hz)Hz", t.text)], dropOrder: 3, shortOrder: 2))
        items.append(Item(full: [("\(s.cpus.count)", t.text), (" CPUs", t.dim)], short: [("\(s.cpus.count)cpu", t.text)], dropOrder: 4, shortOrder: 2))
        items.append(Item(full: [(s.lazyEnabled ? " LAZY ON " : " LAZY OFF ", lazyBadge)],
                          short: [(s.lazyEnabled ? "LAZY ON" : "LAZY OFF", lazyBadge)], dropOrder: nil, shortOrder: 4))
        items.append(Item(full: [("policy ", t.dim), (s.policy.rawValue, t.text)], short: [(s.policy.rawValue, t.text)], dropOrder: 1, shortOrder: 1))
        var workloads: [(String, Style)] = []
        var shortWorkloads: [(String, Style)] = []
        for (i, kind) in WorkloadKind.allCases.enumerated() {
            let on = s.activeWorkloads.contains(kind)
            let style = on ? (t.isMonochrome ? Style(bold: true, underline: true) : t.highlight) : t.dim
            if i > 0 { workloads.append((" ", t.dim)); shortWorkloads.append((" ", t.dim)) }
            workloads.append(("[\(i + 1)]", on ? t.text : t.dim)); workloads.append((kind.rawValue, style))
            shortWorkloads.append(("\(i + 1)", on ? t.text : t.dim)); shortWorkloads.append((kind.rawValue, style))
        }
        items.append(Item(full: workloads, short: shortWorkloads, dropOrder: 2, shortOrder: 1))

        var useShort = Array(repeating: false, count: items.count)
        var dropped = Array(repeating: false, count: items.count)
        var separator = "  "
        func width() -> Int {
            let parts = items.indices.filter { !dropped[$0] }.map { i in
                (useShort[i] ? items[i].short ?? items[i].full : items[i].full).reduce(0) { $0 + $1.0.count }
            }
            return parts.reduce(0, +) + separator.count * max(0, parts.count - 1)
        }
        // Shorten, tighten, then drop, until the row fits.
        for order in 0...4 where width() > area.width {
            for i in items.indices where items[i].shortOrder == order && items[i].short != nil { useShort[i] = true }
        }
        if width() > area.width { separator = " " }
        for order in 1...4 where width() > area.width {
            for i in items.indices where items[i].dropOrder == order { dropped[i] = true }
        }
        var spans: [(String, Style)] = []
        for i in items.indices where !dropped[i] {
            if !spans.isEmpty { spans.append((separator, t.background)) }
            spans.append(contentsOf: useShort[i] ? items[i].short ?? items[i].full : items[i].full)
        }
        Line(spans).render(in: area, into: &buffer)
    }
}
