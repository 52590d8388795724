import RCUEngine

/// The top row: name, simulated time, speed, PAUSED, HZ, CPUs, LAZY ON/OFF, policy, workloads.
///
/// Items have a full and a short form; when the row is too narrow, forms shorten in a fixed
/// order, then the least important items go: HZ first, then the CPU count, the workloads and
/// last the policy (so `PAUSED` at 80 columns keeps the policy name).
struct HeaderView {
    let context: ViewContext

    /// A piece of the row; `workload` marks the pieces a click toggles.
    struct Span {
        var text: String
        var style: Style
        var workload: WorkloadKind? = nil
    }

    private struct Item {
        var full: [Span]
        var short: [Span]?
        var dropOrder: Int?   // nil: never dropped; lower numbers go first
        var shortOrder: Int

        init(full: [(String, Style)], short: [(String, Style)]?, dropOrder: Int?, shortOrder: Int) {
            self.full = full.map { Span(text: $0.0, style: $0.1) }
            self.short = short.map { $0.map { Span(text: $0.0, style: $0.1) } }
            self.dropOrder = dropOrder; self.shortOrder = shortOrder
        }
        init(full: [Span], short: [Span], dropOrder: Int?, shortOrder: Int) {
            self.full = full; self.short = short; self.dropOrder = dropOrder; self.shortOrder = shortOrder
        }
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(area, with: Cell(" ", style: context.theme.background))
        Line(spans(width: area.width).map { ($0.text, $0.style) }).render(in: area, into: &buffer)
    }

    /// Where each workload's name (and its number) is on the row: what a mouse click toggles.
    /// Computed from the same spans `render` draws, so the two cannot disagree.
    func workloadRegions(in area: Rect) -> [(rect: Rect, workload: WorkloadKind)] {
        var regions: [(rect: Rect, workload: WorkloadKind)] = []
        var x = area.x
        for span in spans(width: area.width) {
            let w = min(span.text.count, max(0, area.right - x))
            if let kind = span.workload, w > 0 {
                if let last = regions.last, last.workload == kind, last.rect.right == x {
                    regions[regions.count - 1].rect.width += w
                } else {
                    regions.append((Rect(x: x, y: area.y, width: w, height: min(1, area.height)), kind))
                }
            }
            x += span.text.count
        }
        return regions
    }

    /// The pieces of the row for a width, after shortening and dropping.
    private func spans(width areaWidth: Int) -> [Span] {
        let t = context.theme, s = context.snapshot, st = context.state
        let lazyBadge: Style = {
            if t.isMonochrome { return Style(bold: true, reverse: true) }
            return Style(foreground: t[.mainBG], background: s.lazyEnabled ? t[.procMisc] : t[.usedEnd], bold: true)
        }()
        var items: [Item] = []
        items.append(Item(full: [(" rcutop ", t.title)], short: [("rcutop", t.title)], dropOrder: nil, shortOrder: 3))
        items.append(Item(full: [(Format.time(s.seconds), t.text)], short: nil, dropOrder: nil, shortOrder: 0))
        var speed: [(String, Style)] = [(Format.speed(st.speed), t.highlight)]
        // Say so when the machine cannot keep up with the speed asked for.
        if !st.isPaused, let achieved = st.achievedSpeed, achieved < st.speed * 0.9 {
            speed.append((" (" + Format.speed(achieved) + " reached)", t.hurry))
        }
        if st.isPaused { speed = [("PAUSED", t.isMonochrome ? Style(bold: true, reverse: true) : t.hurry), (" " + Format.speed(st.speed), t.dim)] }
        items.append(Item(full: speed, short: nil, dropOrder: nil, shortOrder: 0))
        items.append(Item(full: [("HZ ", t.dim), ("\(s.hz)", t.text)], short: [("\(s.hz)Hz", t.text)], dropOrder: 1, shortOrder: 2))
        items.append(Item(full: [("\(s.cpus.count)", t.text), (s.cpus.count == 1 ? " CPU" : " CPUs", t.dim)], short: [("\(s.cpus.count)cpu", t.text)], dropOrder: 2, shortOrder: 2))
        items.append(Item(full: [(s.lazyEnabled ? " LAZY ON " : " LAZY OFF ", lazyBadge)],
                          short: [(s.lazyEnabled ? "LAZY ON" : "LAZY OFF", lazyBadge)], dropOrder: nil, shortOrder: 4))
        items.append(Item(full: [("policy ", t.dim), (s.policy.rawValue, t.text)], short: [(s.policy.rawValue, t.text)], dropOrder: 4, shortOrder: 1))
        var workloads: [Span] = []
        var shortWorkloads: [Span] = []
        for (i, kind) in WorkloadKind.allCases.enumerated() {
            let on = s.activeWorkloads.contains(kind)
            let style = on ? (t.isMonochrome ? Style(bold: true, underline: true) : t.highlight) : t.dim
            if i > 0 { workloads.append(Span(text: " ", style: t.dim)) }
            // Short form: the memory workloads (5, 6) appear only when on, so 80 columns still fit.
            if i >= 4 && !on {
                workloads.append(Span(text: "[\(i + 1)]", style: t.dim, workload: kind))
                workloads.append(Span(text: kind.rawValue, style: style, workload: kind))
                continue
            }
            if i > 0 { shortWorkloads.append(Span(text: " ", style: t.dim)) }
            workloads.append(Span(text: "[\(i + 1)]", style: on ? t.text : t.dim, workload: kind))
            workloads.append(Span(text: kind.rawValue, style: style, workload: kind))
            shortWorkloads.append(Span(text: "\(i + 1)", style: on ? t.text : t.dim, workload: kind))
            shortWorkloads.append(Span(text: kind.rawValue, style: style, workload: kind))
        }
        // The workloads go before the policy when the row is full: flipping policies is what the
        // viewer watches (issue 4), and the keys 1-6 still toggle them.
        items.append(Item(full: workloads, short: shortWorkloads, dropOrder: 3, shortOrder: 1))

        var useShort = Array(repeating: false, count: items.count)
        var dropped = Array(repeating: false, count: items.count)
        var separator = "  "
        func width() -> Int {
            let parts = items.indices.filter { !dropped[$0] }.map { i in
                (useShort[i] ? items[i].short ?? items[i].full : items[i].full).reduce(0) { $0 + $1.text.count }
            }
            return parts.reduce(0, +) + separator.count * max(0, parts.count - 1)
        }
        // Shorten, tighten, then drop, until the row fits.
        for order in 0...4 where width() > areaWidth {
            for i in items.indices where items[i].shortOrder == order && items[i].short != nil { useShort[i] = true }
        }
        if width() > areaWidth { separator = " " }
        for order in 1...4 where width() > areaWidth {
            for i in items.indices where items[i].dropOrder == order { dropped[i] = true }
        }
        var spans: [Span] = []
        for i in items.indices where !dropped[i] {
            if !spans.isEmpty { spans.append(Span(text: separator, style: t.background)) }
            spans.append(contentsOf: useShort[i] ? items[i].short ?? items[i].full : items[i].full)
        }
        return spans
    }
}
