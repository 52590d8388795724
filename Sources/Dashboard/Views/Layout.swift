/// Where each panel goes for a terminal size: named areas, never raw offsets in views.
///
/// Shape: header on the first row, footer on the last; in between, the per-CPU table and the
/// event log share the left column, and the grace-period, wake-ups and memory panels stack in the
/// right column. Extra rows go to the CPU rows first, then to the log and the sparklines; extra
/// columns widen the bars and sparklines.
public struct DashboardLayout: Sendable, Equatable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var header: Rect
    public var cpus: Rect
    public var events: Rect
    public var gracePeriod: Rect
    public var wakeups: Rect
    public var memory: Rect
    public var footer: Rect
    /// The whole area between header and footer (the zoomed panel's room).
    public var body: Rect
    /// The scenario caption bar (`CaptionBar.rows` rows in place of the footer), or empty.
    public var caption: Rect = .zero

    public func rect(for panel: Panel) -> Rect {
        switch panel {
        case .cpus: return cpus
        case .gracePeriod: return gracePeriod
        case .wakeups: return wakeups
        case .memory: return memory
        case .events: return events
        }
    }

    /// The layout for a terminal of `width` x `height` showing `cpuCount` CPUs, or nil when the
    /// terminal is smaller than `minimumWidth` x `minimumHeight`.
    /// With `captionRows` > 0 (a scenario is running), the caption bar takes that many rows at
    /// the bottom instead of the footer, and the body gives up the difference.
    public static func make(width: Int, height: Int, cpuCount: Int, captionRows: Int = 0) -> DashboardLayout? {
        guard width >= minimumWidth, height >= minimumHeight else { return nil }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (header, rest) = screen.splitTop(1)
        let (body, bottom) = rest.splitBottom(captionRows > 0 ? min(captionRows, 3) : 1)
        let footer = captionRows > 0 ? Rect(x: 0, y: bottom.y, width: 0, height: 0) : bottom
        let caption = captionRows > 0 ? bottom : Rect.zero
        let rightWidth = min(72, max(32, width * 2 / 5))
        let (left, right) = body.splitRight(rightWidth)

        // Right column: grace period, wake-ups, memory; 7 + 7 + 8 rows at the minimum.
        let extra = max(0, body.height - 22)
        let gpRows = 7 + min(extra / 4, 3)
        let rest2 = body.height - gpRows
        let wakeRows = rest2 / 2
        let stack = right.rows([gpRows, wakeRows, rest2 - wakeRows])

        // Left column: CPU rows (border, heading, one per CPU, totals) and at least a small log.
        let wanted = 2 + 1 + max(1, cpuCount) + 1 + 1 // + legend
        let minLog = max(6, body.height / 4)
        let cpuRows = min(wanted, max(3, body.height - minLog))
        let (cpus, events) = left.splitTop(cpuRows)
        return DashboardLayout(header: header, cpus: cpus, events: events, gracePeriod: stack[0], wakeups: stack[1],
                               memory: stack[2], footer: footer, body: body, caption: caption)
    }
}
