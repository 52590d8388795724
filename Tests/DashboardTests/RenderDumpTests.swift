import Foundation
import Testing
import RCUEngine
@testable import Dashboard

/// Writes fixture screens to $RCUTOP_DUMP (a folder) when set, for looking at them. Not a check.
@Test(.enabled(if: ProcessInfo.processInfo.environment["RCUTOP_DUMP"] != nil, "set RCUTOP_DUMP=DIR to dump screens"))
func dumpScreensWhenAsked() throws {
    guard let dir = ProcessInfo.processInfo.environment["RCUTOP_DUMP"] else { return }
    for (cpus, w, h) in [(8, 80, 24), (8, 100, 30), (8, 120, 40), (8, 200, 60), (64, 80, 24), (64, 120, 40), (4096, 120, 40), (4096, 200, 60)] {
        for glyph in [GlyphSet.unicode, .ascii] {
            let b = DashboardView.render(snapshot: SnapshotFixtures.video(cpus: cpus), state: AppState(), theme: .builtIn, glyphs: glyph, width: w, height: h)
            try b.lines.joined(separator: "\n").write(toFile: "\(dir)/\(cpus)cpu-\(w)x\(h)-\(glyph).txt", atomically: true, encoding: .utf8)
        }
    }
    let store = ThemeStore(searchPaths: [ThemeStoreTests.repoThemes])
    for name in ThemeStoreTests.shipped {
        let theme = try store.load(name)
        let b = DashboardView.render(snapshot: SnapshotFixtures.video(), state: AppState(selectedPanel: .memory), theme: theme, glyphs: .unicode, width: 100, height: 30)
        try ansi(b).write(toFile: "\(dir)/theme-\(name).ansi", atomically: true, encoding: .utf8)
    }
    var help = AppState(); help.showHelp = true
    let b = DashboardView.render(snapshot: SnapshotFixtures.video(), state: help, theme: .builtIn, glyphs: .unicode, width: 80, height: 24)
    try b.lines.joined(separator: "\n").write(toFile: "\(dir)/help-80x24.txt", atomically: true, encoding: .utf8)
    let scenario = try ScenarioStore(searchPaths: [ShippedScenarioTests.repoScenarios]).load("lazy-rcu-in-5-minutes")
    var talk = AppState(scenario: ScenarioPlayer(scenario: scenario))
    for step in 1...scenario.steps.count {
        _ = reduce(&talk, .nextStep)
        let t = DashboardView.render(snapshot: SnapshotFixtures.video(), state: talk, theme: .builtIn, glyphs: .unicode, width: 80, height: 24)
        try t.lines.joined(separator: "\n").write(toFile: "\(dir)/scenario-step\(step)-80x24.txt", atomically: true, encoding: .utf8)
    }
    var zoom = AppState(); zoom.isZoomed = true; zoom.selectedPanel = .wakeups
    let z = DashboardView.render(snapshot: SnapshotFixtures.video(), state: zoom, theme: .builtIn, glyphs: .unicode, width: 100, height: 30)
    try z.lines.joined(separator: "\n").write(toFile: "\(dir)/zoom-100x30.txt", atomically: true, encoding: .utf8)
}

/// Render time per frame when $RCUTOP_BENCH is set (printed, not checked).
@Test(.enabled(if: ProcessInfo.processInfo.environment["RCUTOP_BENCH"] != nil, "set RCUTOP_BENCH=1 to time rendering"))
func renderTimeWhenAsked() {
    for (cpus, w, h) in [(8, 80, 24), (8, 200, 60), (4096, 200, 60)] {
        let snapshot = SnapshotFixtures.video(cpus: cpus)
        let clock = ContinuousClock()
        let n = 50
        let t = clock.measure {
            for _ in 0..<n { _ = DashboardView.render(snapshot: snapshot, state: AppState(), theme: .builtIn, glyphs: .unicode, width: w, height: h) }
        }
        print("render \(cpus) CPUs \(w)x\(h): \(t / n) per frame")
    }
}
