import RCUEngine

/// `z`: the selected panel alone, full screen, with its main figure in large digits for the back row.
struct ZoomView {
    let context: ViewContext

    /// 3x5 digit shapes (`#` = ink), for 0-9 and a few signs.
    static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        "-": ["   ", "   ", "###", "   ", "   "], ".": ["   ", "   ", "   ", "   ", " # "],
        " ": ["   ", "   ", "   ", "   ", "   "], "/": ["  #", "  #", " # ", "#  ", "#  "],
        "k": ["#  ", "# #", "## ", "# #", "# #"], "M": ["# #", "###", "###", "# #", "# #"],
        "G": ["###", "#  ", "# #", "# #", "###"], "K": ["# #", "# #", "## ", "# #", "# #"],
        "i": [" # ", "   ", " # ", " # ", " # "], "B": ["## ", "# #", "## ", "# #", "## "],
        "s": ["   ", " ##", "## ", " ##", "## "],
    ]

    /// Draw `text` in big digits at (x, y); each character is 3 wide plus a gap. Returns the width.
    @discardableResult
    static func bigText(_ text: String, x: Int, y: Int, style: Style, ink: Character, clip: Rect, into buffer: inout ScreenBuffer) -> Int {
        var cx = x
        for ch in text {
            let shape = font[ch] ?? font[" "]!
            for (r, line) in shape.enumerated() {
                for (c, dot) in line.enumerated() where dot == "#" {
                    if clip.contains(x: cx + c, y: y + r) { buffer.set(x: cx + c, y: y + r, Cell(ink, style: style)) }
                }
            }
            cx += 4
        }
        return cx - x
    }

    /// The panel's headline figure and what it means.
    func headline(_ panel: Panel) -> (value: String, caption: String) {
        let s = context.snapshot
        switch panel {
        case .cpus: return (Format.count(s.counters.pending, width: 6), "\(s.counters.pending == 1 ? "callback" : "callbacks") waiting on \(Format.plural(s.cpus.count, "CPU")) (\(s.counters.lazyPending) lazy)")
        case .gracePeriod: return ("\(s.gracePeriod.gpSeq)", "gp_seq, \(s.gracePeriod.completed) grace periods completed")
        case .wakeups: return ("\(s.wakeups.rcuLastSecond)/s", "RCU wake-ups in the last second")
        case .memory:
            return (Format.bytes(s.memory.bytesPending).replacingOccurrences(" ", ""), "waiting for a grace period (\(Format.bytes(s.memory.bytesLazy)) lazy)")
        case .events: return ("\(s.recentEvents.count)", "recent events")
        }
    }

    func render(_ panel: Panel, in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        let (value, caption) = headline(panel)
        let bigHeight = 7
        guard area.height >= bigHeight + 8, panel != .events else {
            DashboardView.render(panel, context: context, in: area, into: &buffer)
            return
        }
        let (top, rest) = area.splitTop(bigHeight)
        let block = context.panelBlock(panel, rightTitle: "z: back")
        block.render(in: top, into: &buffer)
        let inner = block.inner(top)
        let width = value.count * 4 - 1
        let ink: Character = context.glyphs.usesBraille ? "█" : "#"
        ZoomView.bigText(value, x: inner.x + max(1, (inner.width - width) / 2), y: inner.y, style: t.highlight, ink: ink, clip: inner, into: &buffer)
        Label(caption, style: t.graphText, alignment: .center).render(in: Rect(x: inner.x, y: top.bottom - 1, width: inner.width, height: 1), into: &buffer)
        DashboardView.render(panel, context: context, in: rest, into: &buffer)
    }
}
