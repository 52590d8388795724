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

    @Test func nextPolicyCycles() {
        let (s, e) = run(AppState(), [.nextPolicy])
        #expect(s == AppState(policy: .none))
        #expect(e == [.engine(.setPolicy(.none))])
        #expect(run(s, [.nextPolicy]).0 == AppState(policy: .shrinker))
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

    @Test func aBrokenThemeIsSkippedWithAMessage() {
        let names = ["default", "broken", "light"]
        let (s, e) = run(AppState(themeNames: names), [.nextTheme, .themeFailed("broken.theme:2: bad colour")])
        #expect(s == AppState(themeName: "default", themeNames: ["default", "light"],
                              message: "theme broken skipped: broken.theme:2: bad colour"))
        #expect(e == [.loadTheme("broken")])
        #expect(run(s, [.nextTheme]).1 == [.loadTheme("light")])
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
