import Testing
import RCUEngine
@testable import Dashboard

/// `reduce` from literal states to literal states, with the effects it asks for.
@Suite struct AppStateTests {
    func run(_ state: AppState, _ commands: [Command]) -> (AppState, [Effect]) {
        var s = state
        var effects: [Effect] = []
        for c in commands { effects += reduce(&s, c) }
        return (s, effects)
    }

    @Test func quitAsksToQuitAndChangesNothing() {
        let (s, e) = run(AppState(), [.quit])
        #expect(s == AppState())
        #expect(e == [.quit])
    }

    @Test func pauseToggles() {
        #expect(run(AppState(), [.togglePause]).0 == AppState(isPaused: true))
        #expect(run(AppState(), [.togglePause, .togglePause]).0 == AppState(isPaused: false))
    }

    @Test func changingTheSpeedForgetsTheSpeedReached() {
        var state = AppState(speed: 100)
        state.achievedSpeed = 80
        #expect(run(state, [.speedUp]).0 == AppState(speed: 1000))
        #expect(run(state, [.speedDown]).0 == AppState(speed: 10))
        #expect(run(state, [.setSpeed(5)]).0 == AppState(speed: 5))
    }

    @Test func speedStepsUpThroughTheTable() {
        #expect(run(AppState(), [.speedUp]).0 == AppState(speed: 2))
        #expect(run(AppState(), [.speedUp, .speedUp, .speedUp, .speedUp]).0 == AppState(speed: 100))
        #expect(run(AppState(speed: 10000), [.speedUp]).0 == AppState(speed: 10000))
    }

    @Test func speedStepsDownThroughTheTable() {
        #expect(run(AppState(), [.speedDown]).0 == AppState(speed: 0.5))
        #expect(run(AppState(), [.speedDown, .speedDown, .speedDown, .speedDown]).0 == AppState(speed: 0.01))
        #expect(run(AppState(speed: 0.001), [.speedDown]).0 == AppState(speed: 0.001))
    }

    @Test func speedBetweenStepsMovesToTheNeighbouringStep() {
        #expect(run(AppState(speed: 3), [.speedUp]).0 == AppState(speed: 5))
        #expect(run(AppState(speed: 3), [.speedDown]).0 == AppState(speed: 2))
        #expect(run(AppState(), [.setSpeed(50)]).0 == AppState(speed: 50))
        #expect(run(AppState(), [.setSpeed(1e9)]).0 == AppState(speed: 10000))
        #expect(run(AppState(), [.setSpeed(-1)]).0 == AppState(speed: 1))
    }

    @Test func singleStepWhilePausedStepsOneJiffy() {
        let (s, e) = run(AppState(isPaused: true), [.singleStep])
        #expect(s == AppState(isPaused: true))
        #expect(e == [.step(jiffies: 1)])
    }

    @Test func singleStepWhileRunningPausesFirst() {
        let (s, e) = run(AppState(), [.singleStep, .singleStep])
        #expect(s == AppState(isPaused: true))
        #expect(e == [.step(jiffies: 1), .step(jiffies: 1)])
    }

    @Test func toggleWorkloadSwitchesItInTheEngine() {
        let (s, e) = run(AppState(), [.toggleWorkload(.logging), .toggleWorkload(.video)])
        #expect(s == AppState(workloads: [.logging]))
        #expect(e == [.engine(.setWorkload(.logging, on: true)), .engine(.setWorkload(.video, on: false))])
    }

    @Test func toggleLazyFlipsTheEngineSwitch() {
        let (s, e) = run(AppState(), [.toggleLazy])
        #expect(s == AppState(lazyEnabled: false))
        #expect(e == [.engine(.setLazy(false))])
        #expect(run(s, [.toggleLazy]).1 == [.engine(.setLazy(true))])
    }

    /// `p` cycles the five policies in `ReclaimPolicyKind.allCases` order and wraps around.
    @Test func nextPolicyCycles() {
        let (s, e) = run(AppState(), [.nextPolicy])
        #expect(s == AppState(policy: .reclaimHook))
        #expect(e == [.engine(.setPolicy(.reclaimHook))])
        let (all, effects) = run(AppState(), Array(repeating: .nextPolicy, count: 5))
        #expect(effects == [.engine(.setPolicy(.reclaimHook)), .engine(.setPolicy(.noMemFlag)), .engine(.setPolicy(.slabDeferred)),
                            .engine(.setPolicy(.none)), .engine(.setPolicy(.shrinker))])
        #expect(all == AppState(policy: .shrinker))
    }

    @Test func observeTakesTheEnginesTruth() {
        var s = AppState()
        s.observe(SnapshotFixtures.video(hz: 250, lazy: false))
        #expect(s == AppState(hz: 250, lazyEnabled: false, workloads: [.video, .build]))
        // A toggle after observing switches relative to what the engine said.
        #expect(reduce(&s, .toggleWorkload(.build)) == [.engine(.setWorkload(.build, on: false))])
    }

    @Test func nextThemeCyclesAndAsksToLoad() {
        let names = ["default", "light", "mono"]
        let (s, e) = run(AppState(themeNames: names), [.nextTheme, .nextTheme, .nextTheme])
        #expect(s == AppState(themeName: "default", themeNames: names))
        #expect(e == [.loadTheme("light"), .loadTheme("mono"), .loadTheme("default")])
        #expect(run(AppState(), [.nextTheme]).1 == [])
    }

    @Test func aBrokenThemeIsSkippedToTheNextOneWithAMessage() {
        let names = ["default", "broken", "light"]
        let (s, e) = run(AppState(themeNames: names), [.nextTheme, .themeFailed("broken.theme:2: bad colour")])
        #expect(s == AppState(themeName: "light", themeNames: ["default", "light"],
                              message: "theme broken skipped: broken.theme:2: bad colour"))
        #expect(e == [.loadTheme("broken"), .loadTheme("light")])
        #expect(run(s, [.nextTheme]).1 == [.loadTheme("default")])
    }

    @Test func brokenThemesInARowAreAllSkippedUntilOneLoads() {
        let names = ["default", "bad1", "bad2", "light"]
        let (s, e) = run(AppState(themeNames: names), [.nextTheme, .themeFailed("e1"), .themeFailed("e2")])
        #expect(s == AppState(themeName: "light", themeNames: ["default", "light"], message: "theme bad2 skipped: e2"))
        #expect(e == [.loadTheme("bad1"), .loadTheme("bad2"), .loadTheme("light")])
    }

    @Test func whenEveryOtherThemeIsBrokenTheCycleStopsAtTheThemeOnScreen() {
        let names = ["default", "bad1", "bad2"]
        let (s, e) = run(AppState(themeNames: names), [.nextTheme, .themeFailed("e1"), .themeFailed("e2")])
        #expect(s == AppState(themeName: "default", themeNames: ["default"], message: "theme bad2 skipped: e2"))
        #expect(e == [.loadTheme("bad1"), .loadTheme("bad2")])
    }

    @Test func helpTogglesAndEscapeCloses() {
        #expect(run(AppState(), [.toggleHelp]).0 == AppState(showHelp: true))
        #expect(run(AppState(), [.toggleHelp, .dismiss]).0 == AppState())
    }

    @Test func escapeClosesHelpThenZoomThenTheMessage() {
        let start = AppState(showHelp: true, isZoomed: true, message: "x")
        #expect(run(start, [.dismiss]).0 == AppState(isZoomed: true, message: "x"))
        #expect(run(start, [.dismiss, .dismiss]).0 == AppState(message: "x"))
        #expect(run(start, [.dismiss, .dismiss, .dismiss]).0 == AppState())
    }

    @Test func selectionWrapsAroundThePanels() {
        #expect(run(AppState(), [.selectNext]).0 == AppState(selectedPanel: .gracePeriod))
        #expect(run(AppState(), [.selectPrevious]).0 == AppState(selectedPanel: .events))
        #expect(run(AppState(), Array(repeating: .selectNext, count: Panel.allCases.count)).0 == AppState())
    }

    @Test func zoomToggles() {
        #expect(run(AppState(), [.toggleZoom]).0 == AppState(isZoomed: true))
    }
}

/// Commands added for stage use: absolute engine changes, pause, focus, highlight, time control.
@Suite struct StageCommandTests {
    func run(_ state: AppState, _ commands: [Command]) -> (AppState, [Effect]) {
        var s = state
        var effects: [Effect] = []
        for c in commands { effects += reduce(&s, c) }
        return (s, effects)
    }

    @Test func applyIsAbsoluteNotAToggle() {
        let (s, e) = run(AppState(), [.apply(.setWorkload(.video, on: true)), .apply(.setWorkload(.build, on: true)),
                                      .apply(.setLazy(false)), .apply(.setLazy(false)), .apply(.setPolicy(.none))])
        #expect(s == AppState(lazyEnabled: false, workloads: [.video, .build], policy: .none))
        #expect(e == [.engine(.setWorkload(.video, on: true)), .engine(.setWorkload(.build, on: true)),
                      .engine(.setLazy(false)), .engine(.setLazy(false)), .engine(.setPolicy(.none))])
    }

    @Test func pauseFocusAndHighlightAreSet() {
        #expect(run(AppState(), [.setPaused(true), .setPaused(true)]).0 == AppState(isPaused: true))
        #expect(run(AppState(), [.focusCPU(3)]).0 == AppState(focusedCPU: 3))
        #expect(run(AppState(focusedCPU: 3), [.focusCPU(nil)]).0 == AppState())
        #expect(run(AppState(), [.focusCPU(-2)]).0 == AppState())
        #expect(run(AppState(), [.highlightPanel(.memory)]).0 == AppState(highlightedPanel: .memory))
    }

    @Test func stepToNextEventPausesFirst() {
        let (s, e) = run(AppState(), [.stepToNextEvent])
        #expect(s == AppState(isPaused: true))
        #expect(e == [.stepToNextEvent])
    }

    /// Speeds run from 1/1000 to 10 000 and the header says the speed.
    @Test func speedRangeEndsAndTheHeaderShowsIt() {
        #expect(AppState.speedSteps.first == 0.001 && AppState.speedSteps.last == 10000)
        var s = AppState(speed: 0.001)
        let b = DashboardView.render(snapshot: SnapshotFixtures.video(), state: s, theme: .builtIn, glyphs: .unicode, width: 80, height: 24)
        #expect(b.text(row: 0).contains("0.001x"))
        for _ in 0..<20 { _ = reduce(&s, .speedUp) }
        let c = DashboardView.render(snapshot: SnapshotFixtures.video(), state: s, theme: .builtIn, glyphs: .unicode, width: 80, height: 24)
        #expect(c.text(row: 0).contains("10000x"))
    }

    @Test func focusedCPURowIsReversedAndTheLookPanelHeavy() throws {
        let state = AppState(focusedCPU: 2, highlightedPanel: .wakeups)
        let b = DashboardView.render(snapshot: SnapshotFixtures.video(), state: state, theme: .builtIn, glyphs: .unicode, width: 100, height: 30)
        let layout = try #require(DashboardLayout.make(width: 100, height: 30, cpuCount: 8))
        let row = layout.cpus.y + 2 + 2 // border, heading, CPUs 0 and 1
        #expect(b.text(row: row).contains("   2 "))
        #expect(b[layout.cpus.x + 3, row].style.reverse)
        #expect(!b[layout.cpus.x + 3, row - 1].style.reverse)
        let w = layout.wakeups
        #expect(b[w.x, w.y].character == "┏" && b[w.right - 1, w.bottom - 1].character == "┛")
        #expect(b.text(row: w.y).contains("wake-ups"), "the title is kept")
        let ascii = DashboardView.render(snapshot: SnapshotFixtures.video(), state: state, theme: .builtIn, glyphs: .ascii, width: 100, height: 30)
        #expect(ascii.text(row: w.y).contains("wake-ups"), "the dash in the title is not a border")
        #expect(ascii[w.x + 1, w.bottom - 1].character == "=")
    }
}
