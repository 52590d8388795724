import Testing
import RCUEngine
@testable import Dashboard

/// The player: steps fire at the right simulated times; next, previous and restart; replays.
@Suite struct ScenarioPlayerTests {
    /// hz 100: 1 s = 100 jiffies.
    static let text = """
    title   Test talk
    setup   cpus 4, hz 100, seed 5, workloads idle, lazy on
    step at 0s
      caption  Start
      look     wakeups
    step at 2s
      workload video on
      caption  Video
    step at +1s
      lazy off
      focus cpu 2
    step on cue
      lazy on
      speed 5
    step at +0.5s
      workload video off
      pause
    """
    static let scenario = try! ScenarioParser.parse(Array(text.utf8), file: "t", name: "t")

    @Test func timedStepsFireAtTheirJiffies() {
        var p = ScenarioPlayer(scenario: Self.scenario)
        #expect(p.nextDueJiffy == 0)
        #expect(p.clockReached(0) == [.highlightPanel(.wakeups)])
        #expect(p.current == 0)
        #expect(p.nextDueJiffy == 200)
        #expect(p.clockReached(199) == [])
        #expect(p.clockReached(200) == [.apply(.setWorkload(.video, on: true)), .highlightPanel(nil)])
        #expect(p.nextDueJiffy == 300)   // +1s after step 2 fired
        #expect(p.clockReached(300) == [.apply(.setLazy(false)), .focusCPU(2), .highlightPanel(nil)])
        // On cue: the clock alone never fires it.
        #expect(p.nextDueJiffy == nil)
        #expect(p.clockReached(10_000) == [])
        #expect(p.next() == [.apply(.setLazy(true)), .setSpeed(5), .highlightPanel(nil)])
        #expect(p.firedAt == [0, 200, 300, 10_000])
        #expect(p.nextDueJiffy == 10_050)
        #expect(p.clockReached(10_050) == [.apply(.setWorkload(.video, on: false)), .setPaused(true), .highlightPanel(nil)])
        #expect(p.isFinished)
        #expect(p.next() == [])
    }

    /// A frame loop that overshot (it should stop at `nextDueJiffy`): the steps due fire at once,
    /// at the time given; a relative step counts from when the step before it really fired.
    @Test func aLateClockFiresTheDueStepsAtOnce() {
        var p = ScenarioPlayer(scenario: Self.scenario)
        let commands = p.clockReached(5000)
        #expect(p.current == 1)
        #expect(p.firedAt == [5000, 5000])
        #expect(commands == [.highlightPanel(.wakeups), .apply(.setWorkload(.video, on: true)), .highlightPanel(nil)])
        #expect(p.nextDueJiffy == 5100)
    }

    /// What the frame loop does: advance to each due jiffy in turn, then to the target.
    static func drive(_ state: inout AppState, to target: UInt64) -> [Effect] {
        var effects: [Effect] = []
        while let due = state.scenario?.nextDueJiffy, due <= target { effects += reduce(&state, .clockReached(due)) }
        return effects + reduce(&state, .clockReached(target))
    }

    @Test func nextFiresATimedStepEarlyAndLaterRelativeStepsFollowIt() {
        var p = ScenarioPlayer(scenario: Self.scenario)
        _ = p.clockReached(0)
        _ = p.clockReached(50)
        _ = p.next()                       // step 2 (due at 200) fires at 50
        #expect(p.firedAt == [0, 50])
        #expect(p.nextDueJiffy == 150)     // +1s after 50
    }

    @Test func rewindReplaysTheEngineChangesAtTheirJiffies() {
        var p = ScenarioPlayer(scenario: Self.scenario)
        _ = p.clockReached(0); _ = p.clockReached(200); _ = p.clockReached(300)
        _ = p.clockReached(1000); _ = p.next()
        let replay = p.rewind(toStep: 2)
        #expect(replay == ScenarioReplay(config: Self.scenario.config,
                                         controls: [TimedControl(jiffy: 200, control: .setWorkload(.video, on: true)),
                                                    TimedControl(jiffy: 300, control: .setLazy(false))],
                                         endJiffy: 300, toStep: 2))
        #expect(p.current == 2)
        #expect(p.now == 300)
        #expect(p.nextDueJiffy == nil)
        let restart = p.rewind(toStep: -1)
        #expect(restart == ScenarioReplay(config: Self.scenario.config, controls: [], endJiffy: 0, toStep: -1))
        #expect(p.current == -1 && p.firedAt == [] && p.now == 0)
    }

    @Test func headlessScriptIsTheSameEveryRunAndWaitsACueDelayOnCue() {
        let a = ScenarioPlayer.headlessScript(Self.scenario, cueDelaySeconds: 10)
        let b = ScenarioPlayer.headlessScript(Self.scenario, cueDelaySeconds: 10)
        #expect(a == b)
        #expect(a.stepJiffies == [0, 200, 300, 1300, 1350])
        #expect(a.controls == [
            TimedControl(jiffy: 200, control: .setWorkload(.video, on: true)),
            TimedControl(jiffy: 300, control: .setLazy(false)),
            TimedControl(jiffy: 1300, control: .setLazy(true)),
            TimedControl(jiffy: 1350, control: .setWorkload(.video, on: false)),
        ])
        #expect(a.endJiffy == 2350)
    }

    // MARK: - Through reduce, as the frame loop drives it

    func run(_ state: inout AppState, _ commands: [Command]) -> [Effect] { commands.flatMap { reduce(&state, $0) } }

    @Test func reduceFiresStepsAndAppliesTheirViewSettings() {
        var s = AppState(lazyEnabled: true, workloads: [.idle], scenario: ScenarioPlayer(scenario: Self.scenario))
        #expect(run(&s, [.clockReached(0)]) == [])
        #expect(s.highlightedPanel == .wakeups)
        #expect(Self.drive(&s, to: 300) == [.engine(.setWorkload(.video, on: true)), .engine(.setLazy(false))])
        #expect(s.workloads == [.video, .idle] && s.lazyEnabled == false && s.focusedCPU == 2 && s.highlightedPanel == nil)
        #expect(run(&s, [.nextStep]) == [.engine(.setLazy(true))])
        #expect(s.speed == 5 && s.lazyEnabled)
    }

    @Test func previousStepReplaysFromTheSeedAndRestoresTheViewSettings() {
        var s = AppState(lazyEnabled: true, workloads: [.idle], scenario: ScenarioPlayer(scenario: Self.scenario))
        _ = Self.drive(&s, to: 400)
        _ = run(&s, [.nextStep])   // step 4 (speed 5) at 400
        #expect(s.scenario?.current == 3)
        let effects = run(&s, [.previousStep])
        #expect(effects == [.replayScenario(ScenarioReplay(config: Self.scenario.config,
                                                           controls: [TimedControl(jiffy: 200, control: .setWorkload(.video, on: true)),
                                                                      TimedControl(jiffy: 300, control: .setLazy(false))],
                                                           endJiffy: 300, toStep: 2))])
        var expected = AppState(lazyEnabled: false, workloads: [.video, .idle], focusedCPU: 2)
        expected.scenario = s.scenario
        #expect(s == expected)
        #expect(s.scenario?.current == 2)
    }

    @Test func restartReplaysNothingThenFiresTheStepsDueAtZero() {
        var s = AppState(workloads: [.idle], scenario: ScenarioPlayer(scenario: Self.scenario))
        _ = Self.drive(&s, to: 300)
        _ = run(&s, [.setSpeed(100)])
        let effects = run(&s, [.restartScenario])
        #expect(effects == [.replayScenario(ScenarioReplay(config: Self.scenario.config, controls: [], endJiffy: 0, toStep: -1))])
        #expect(s.scenario?.current == 0)      // "at 0s" fired again at once
        #expect(s.speed == 1 && s.highlightedPanel == .wakeups && s.lazyEnabled && s.workloads == [.idle])
    }

    @Test func presenterCommandsWithoutAScenarioDoNothing() {
        var s = AppState()
        #expect(run(&s, [.nextStep, .previousStep, .restartScenario, .clockReached(5)]) == [])
        #expect(s == AppState())
    }

    @Test func identicalInputGivesIdenticalReplays() {
        func session() -> [Effect] {
            var s = AppState(scenario: ScenarioPlayer(scenario: Self.scenario))
            return run(&s, [.clockReached(0), .clockReached(250), .nextStep, .clockReached(900), .nextStep, .previousStep, .previousStep])
        }
        #expect(session() == session())
        #expect(session().filter { if case .replayScenario = $0 { true } else { false } }.count == 2)
    }
}
