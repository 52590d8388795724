import RCUEngine

/// What a mouse click means: a pure function of where it landed and the layout of the frame
/// the user was looking at (the same inputs `DashboardView.render` takes, so the regions are
/// the ones drawn).
///
/// - a workload's name or number in the header: toggle that workload;
/// - the caption bar of a running scenario: the next step;
/// - a panel (while not zoomed): select it;
/// - anything else, or a screen too small to lay out: nothing.
public enum HitTest {
    public static func command(x: Int, y: Int, snapshot: Snapshot, state: AppState, theme: Theme, glyphs: GlyphSet,
                               width: Int, height: Int) -> Command? {
        guard let layout = DashboardLayout.make(width: width, height: height, cpuCount: snapshot.cpus.count,
                                                captionRows: state.scenario == nil ? 0 : CaptionBar.rows) else { return nil }
        if state.showHelp { return nil } // the help overlay covers the panels; Esc closes it
        if layout.header.contains(x: x, y: y) {
            let context = ViewContext(snapshot: snapshot, state: state, theme: theme, glyphs: glyphs.table)
            let hit = HeaderView(context: context).workloadRegions(in: layout.header).first { $0.rect.contains(x: x, y: y) }
            return hit.map { .toggleWorkload($0.workload) }
        }
        if layout.caption.contains(x: x, y: y) { return .nextStep }
        guard !state.isZoomed else { return nil }
        for panel in Panel.allCases where layout.rect(for: panel).contains(x: x, y: y) {
            return .selectPanel(panel)
        }
        return nil
    }

    /// The command for a decoded key: the key map's, or for a click, the hit test's.
    public static func command(for key: Key, snapshot: Snapshot, state: AppState, theme: Theme, glyphs: GlyphSet,
                               width: Int, height: Int) -> Command? {
        if case let .mouseClick(x, y) = key {
            return command(x: x, y: y, snapshot: snapshot, state: state, theme: theme, glyphs: glyphs, width: width, height: height)
        }
        return KeyMap.command(for: key)
    }
}
