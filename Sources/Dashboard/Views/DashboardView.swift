import RCUEngine

/// The whole screen for one frame. CONTRACT STUB: signature stays.
public enum DashboardView {
    public static func render(snapshot: Snapshot, state: AppState, theme: Theme, glyphs: GlyphSet,
                              width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        let text = "rcutop t=\(snapshot.seconds)s gp_seq=\(snapshot.gracePeriod.gpSeq)"
        for (i, ch) in text.enumerated() { buffer.set(x: i, y: 0, Cell(ch, style: theme.text)) }
        return buffer
    }
}
