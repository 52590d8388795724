import Testing
import RCUEngine
@testable import Dashboard

/// The frame loop's scenario half: steps fire at their jiffies on the way to a target; replays
/// rebuild the engine; headless playback gives the same records every run.
@Suite struct ScenarioDriverTests {
    static let scenario = ScenarioPlayerTests.scenario  // hz 100: steps at 0, 2 s, +1 s, on cue, +0.5 s

    @Test func advanceStopsAtEachDueStepAndEndsAtTheTarget() {
        var sim = Simulation(config: Self.scenario.config)
        var state = AppState(scenario: ScenarioPlayer(scenario: Self.scenario))
        let effects = ScenarioDriver.advance(&sim, state: &state, to: 1000)
        #expect(effects == [])
        #expect(sim.now == 1000)
        #expect(state.scenario?.firedAt == [0, 200, 300])
        #expect(state.lazyEnabled == false && state.focusedCPU == 2)
    }

    @Test func aReplayGivesAnEngineAtTheStepsJiffy() {
        var sim = Simulation(config: Self.scenario.config)
        var state = AppState(scenario: ScenarioPlayer(scenario: Self.scenario))
        _ = ScenarioDriver.advance(&sim, state: &state, to: 1000)
        let rest = ScenarioDriver.perform(reduce(&state, .previousStep), on: &sim, state: &state)
        #expect(rest == [])
        #expect(sim.now == 200)
        #expect(state.scenario?.current == 1)
        #expect(sim.snapshot() == ScenarioDriver.simulation(for: ScenarioReplay(
            config: Self.scenario.config, controls: [TimedControl(jiffy: 200, control: .setWorkload(.video, on: true))],
            endJiffy: 200, toStep: 1)).snapshot())
    }

    @Test func stepToNextEventWithoutEventsDoesNothing() {
        var config = Self.scenario.config
        config.workloads = []   // no workload: no event at all
        var sim = Simulation(config: config)
        var state = AppState()
        #expect(ScenarioDriver.stepToNextEvent(&sim, state: &state) == [])
        #expect(sim.now == sim.nextEventJiffy ?? 0)
    }

    @Test func headlessPlaybackIsIdenticalOnEveryRun() throws {
        func records() -> [String] {
            var lines: [String] = []
            let writer = HeadlessWriter(format: .jsonl)
            ScenarioDriver.runHeadless(Self.scenario, recordEveryJiffies: 100) { lines.append(writer.record($0)) }
            return lines
        }
        let a = records(), b = records()
        #expect(a == b)
        #expect(a.count == 24)   // end = last step (1350) + 10 s cue delay (1000) = 2350 jiffies, a record per second
        #expect(a.last?.contains("\"t\":23.500") == true)
    }
}
