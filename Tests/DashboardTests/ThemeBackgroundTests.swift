import Testing
import RCUEngine
@testable import Dashboard

/// Every cell of a frame carries the theme's background (a light theme on a dark terminal must
/// not show dark holes), except where a view deliberately sets another (badges, selected titles).
@Suite struct ThemeBackgroundTests {
    @Test(arguments: ThemeStoreTests.shipped)
    func everyCellHasTheThemeBackground(name: String) throws {
        let theme = try ThemeStore(searchPaths: [ThemeStoreTests.repoThemes]).load(name)
        let deliberate: Set<Color> = [theme[.selectedBG], theme[.procMisc], theme[.usedEnd]]
        let states = [AppState(), AppState(isPaused: true), AppState(showHelp: true), AppState(isZoomed: true),
                      AppState(message: "theme x skipped: bad"), AppState(focusedCPU: 2, highlightedPanel: .memory)]
        for state in states {
            for cpus in [1, 8, 4096] {
                for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60), (40, 10)] {
                    let b = DashboardView.render(snapshot: SnapshotFixtures.video(cpus: cpus), state: state, theme: theme,
                                                 glyphs: .unicode, width: w, height: h)
                    for y in 0..<b.height {
                        for x in 0..<b.width {
                            let bg = b[x, y].style.background
                            if bg == theme[.mainBG] || deliberate.contains(bg) { continue }
                            Issue.record("\(name) \(w)x\(h) \(state): cell (\(x), \(y)) '\(b[x, y].character)' has background \(bg)")
                            return
                        }
                    }
                }
            }
        }
    }
}
