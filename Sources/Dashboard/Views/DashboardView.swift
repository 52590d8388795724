import RCUEngine

/// The whole screen for one frame: a pure function of the snapshot, the app state, the theme and
/// the glyphs. Below `DashboardLayout.minimumWidth` x `minimumHeight` it draws a centred
/// "terminal too small" message instead (clipped cleanly down to 1x1); `?` draws the help on top.
public enum DashboardView {
    public static func render(snapshot: Snapshot, state: AppState, theme: Theme, glyphs: GlyphSet,
                              width: Int, height: Int, shadow: ShadowSnapshots? = nil) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        let context = ViewContext(snapshot: snapshot, state: state, theme: theme, glyphs: glyphs.table, shadow: shadow)
        buffer.fill(buffer.area, with: Cell(" ", style: theme.background))
        guard let layout = DashboardLayout.make(width: width, height: height, cpuCount: snapshot.cpus.count,
                                                captionRows: state.scenario == nil ? 0 : CaptionBar.rows) else {
            TooSmallView(context: context).render(in: buffer.area, into: &buffer)
            return buffer
        }
        HeaderView(context: context).render(in: layout.header, into: &buffer)
        if state.isComparing {
            CompareView(context: context).render(in: layout.body, into: &buffer)
        } else if state.isZoomed {
            ZoomView(context: context).render(state.selectedPanel, in: layout.body, into: &buffer)
        } else {
            CPUTableView(context: context).render(in: layout.cpus, into: &buffer)
            EventLogView(context: context).render(in: layout.events, into: &buffer)
            GracePeriodView(context: context).render(in: layout.gracePeriod, into: &buffer)
            WakeupsView(context: context).render(in: layout.wakeups, into: &buffer)
            MemoryView(context: context).render(in: layout.memory, into: &buffer)
            if let panel = state.highlightedPanel {
                PanelEmphasis(theme: theme).render(in: layout.rect(for: panel), into: &buffer)
            }
        }
        let keys = KeysView(context: context)
        keys.renderFooter(in: layout.footer, into: &buffer)
        CaptionBarView(context: context).render(in: layout.caption, into: &buffer)
        if state.showHelp { keys.renderHelp(in: layout.body, into: &buffer) }
        return buffer
    }

    /// Draw one panel into `area` (for zoom and for tests of a single panel).
    static func render(_ panel: Panel, context: ViewContext, in area: Rect, into buffer: inout ScreenBuffer) {
        switch panel {
        case .cpus: CPUTableView(context: context).render(in: area, into: &buffer)
        case .gracePeriod: GracePeriodView(context: context).render(in: area, into: &buffer)
        case .wakeups: WakeupsView(context: context).render(in: area, into: &buffer)
        case .memory: MemoryView(context: context).render(in: area, into: &buffer)
        case .events: EventLogView(context: context).render(in: area, into: &buffer)
        }
    }
}

/// "terminal too small: need 80x24, have 10x3", centred, in the longest form that fits; `q quits`
/// whenever there is a row for it.
struct TooSmallView {
    let context: ViewContext

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let t = context.theme
        let need = "\(DashboardLayout.minimumWidth)x\(DashboardLayout.minimumHeight)"
        let have = "\(area.width)x\(area.height)"
        let variants: [[String]] = [
            ["terminal too small: need \(need), have \(have)", "q quits"],
            ["terminal too small", "need \(need), have \(have)", "q quits"],
            ["too small", "need \(need)", "have \(have)", "q quits"],
            ["too small", "need \(need)", "q quits"],
            ["too small", "q quits"],
            ["small", "q quit"],
            ["q quit"],
            ["small"],
            ["!"],
        ]
        let lines = variants.first { v in v.count <= area.height && v.allSatisfy { $0.count <= area.width } } ?? ["!"]
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < area.bottom {
            let style = line.hasPrefix("q") ? t.dim : (i == 0 ? t.bad : t.text)
            Label(line, style: style, alignment: .center).render(in: Rect(x: area.x, y: top + i, width: area.width, height: 1), into: &buffer)
        }
    }
}
