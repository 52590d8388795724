import RCUEngine

/// What every view reads: the snapshot, the app state, the theme and the glyphs. Nothing else.
struct ViewContext {
    let snapshot: Snapshot
    let state: AppState
    let theme: Theme
    let glyphs: Glyphs
    /// The shadow engines' snapshots (lazy-off twin, compared engine), when the frame loop runs them.
    var shadow: ShadowSnapshots? = nil
    /// No colour: parts of bars are told apart by glyph.
    var distinctGlyphs: Bool { theme.isMonochrome || !glyphs.usesBraille }

    /// Draw a panel's box; the selected panel's title is drawn in the `selected` style.
    func panelBlock(_ panel: Panel, title: String? = nil, rightTitle: String? = nil) -> Block {
        let border: Theme.PanelBorder
        switch panel {
        case .cpus: border = .cpus
        case .gracePeriod: border = .gracePeriod
        case .wakeups: border = .wakeups
        case .memory: border = .memory
        case .events: border = .events
        }
        let isSelected = state.selectedPanel == panel
        return Block(title: title ?? panel.title, titleStyle: isSelected ? theme.selected : theme.title,
                     borderStyle: theme.border(border), glyphs: glyphs, rightTitle: rightTitle, rightTitleStyle: theme.graphText)
    }

    /// A label and a value on one row of `area`: label in `dim`, value in `style`. Returns the next column.
    @discardableResult
    func field(_ label: String, _ value: String, in area: Rect, row: Int, column: Int = 0, labelWidth: Int = 0,
               style: Style? = nil, into buffer: inout ScreenBuffer) -> Int {
        let l = labelWidth > 0 ? Format.left(label, labelWidth) : label
        let x = buffer.put(l, in: area, row: row, column: column, style: theme.dim)
        let sep = l.hasSuffix(" ") || l.isEmpty ? "" : " "
        return buffer.put(sep + value, in: area, row: row, column: x - area.x, style: style ?? theme.text) - area.x
    }

    /// Plain words for a grace-period kthread state.
    static func plainWords(_ state: GPState) -> String {
        switch state {
        case .idle: return "idle: no GP needed"
        case .waitGPs: return "waiting for a GP request"
        case .doneGPs: return "GP request seen"
        case .onOff: return "CPU hotplug"
        case .initializing: return "starting a grace period"
        case .waitFQS: return "waiting for quiescent states"
        case .doingFQS: return "forcing quiescent states"
        case .cleanup: return "ending the grace period"
        case .cleaned: return "grace period ended"
        }
    }
}
