import RCUEngine

/// The two rows a running scenario puts at the bottom in place of the footer:
///
///     step 3/9  Lazy off: every call_rcu() is a hurry, idle CPUs wake up
///     look: wake-ups  Count the wake-ups per second jump.        n next  b back
///
/// Row one is the step counter and the caption, row two what to look at and the note. The
/// parser refuses a caption or note whose row would not fit `width` (80) columns, so at 80x24
/// nothing is ever cut; wider screens leave room for the key hints at the right.
public enum CaptionBar {
    /// Rows the bar takes.
    public static let rows = 2
    /// The width every caption and note must fit (the smallest terminal rcutop runs in).
    public static let width = DashboardLayout.minimumWidth

    /// `step 3/9  ` with the step number padded to the width of `total`, so the caption does not
    /// move as the steps go by.
    public static func counter(step: Int, total: Int) -> String {
        let t = String(total), s = String(step)
        return "step " + String(repeating: " ", count: max(0, t.count - s.count)) + s + "/" + t + "  "
    }

    /// Row one as text.
    public static func firstRow(step: Int, total: Int, caption: String) -> String {
        counter(step: step, total: total) + caption
    }

    /// `look: wake-ups  ` (empty when there is nothing to look at).
    public static func lookText(_ panel: Panel?) -> String { panel.map { "look: " + $0.title + "  " } ?? "" }

    /// Row two as text.
    public static func secondRow(look: Panel?, note: String?) -> String { lookText(look) + (note ?? "") }
}

/// Draws the caption bar from the app state's scenario player.
struct CaptionBarView {
    let context: ViewContext

    func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard let player = context.state.scenario, !area.isEmpty else { return }
        let t = context.theme
        buffer.fill(area, with: Cell(" ", style: t.background))
        let total = player.steps.count
        let first = area.row(0), second = area.row(1)
        var unavailable: [String] = []
        if let step = player.currentStep {
            var spans: [(String, Style)] = [(CaptionBar.counter(step: player.current + 1, total: total), t.highlight)]
            spans.append((step.caption ?? "", bold(t.text)))
            Line(spans).render(in: first, into: &buffer)
            Line([(CaptionBar.lookText(step.look), t.highlight), (step.note ?? "", t.graphText)]).render(in: second, into: &buffer)
            for case .unavailable(let what) in step.actions { unavailable.append(what) }
        } else {
            Line([(CaptionBar.counter(step: 0, total: total), t.highlight), (player.scenario.title, bold(t.title))])
                .render(in: first, into: &buffer)
        }
        // Right of row two, when there is room: what comes next, or what this build lacks.
        let used = player.currentStep.map { CaptionBar.secondRow(look: $0.look, note: $0.note).count } ?? 0
        let hint: String
        if !unavailable.isEmpty {
            hint = "(not in this build)"
        } else if player.isFinished {
            hint = "end  b back  r restart"
        } else if player.nextDueJiffy == nil {
            hint = player.current < 0 ? "n: start" : "n: next"
        } else {
            hint = "next at " + Format.time(Double(player.nextDueJiffy ?? 0) / Double(max(1, player.scenario.config.hz)))
        }
        if used + 2 + hint.count <= second.width {
            Label(hint, style: unavailable.isEmpty ? t.dim : t.warning, alignment: .right).render(in: second, into: &buffer)
        }
    }

    private func bold(_ s: Style) -> Style { var s = s; s.bold = true; return s }
}
