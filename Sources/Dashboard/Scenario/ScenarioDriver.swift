import RCUEngine

/// The scenario half of the frame loop, as functions of the engine and the app state (no
/// clock, no tty), so the live loop, `--headless` and the tests drive steps the same way.
public enum ScenarioDriver {
    /// Advance the engine to `target`, stopping at every scenario step due on the way: advance to
    /// the step's jiffy, send `.clockReached`, apply its `.engine` effects, go on. Returns the
    /// other effects for the frame loop to perform. Without a scenario it is `advance(to:)`.
    public static func advance(_ simulation: inout Simulation, state: inout AppState, to target: UInt64) -> [Effect] {
        var others: [Effect] = []
        while let due = state.scenario?.nextDueJiffy, due <= target {
            simulation.advance(to: due)
            others += perform(reduce(&state, .clockReached(due)), on: &simulation, state: &state)
        }
        simulation.advance(to: target)
        others += perform(reduce(&state, .clockReached(target)), on: &simulation, state: &state)
        return others
    }

    /// `Effect.stepToNextEvent`: run to the engine's next event, or to the next scenario step if
    /// that comes first. Nothing when the engine has no pending event.
    public static func stepToNextEvent(_ simulation: inout Simulation, state: inout AppState) -> [Effect] {
        guard let next = simulation.nextEventJiffy else { return [] }
        let target = min(next, state.scenario?.nextDueJiffy ?? next)
        return advance(&simulation, state: &state, to: max(target, simulation.now))
    }

    /// `Effect.replayScenario`: a fresh engine from the scenario's config with the replayed
    /// changes applied at their jiffies, stopped at `endJiffy`.
    public static func simulation(for replay: ScenarioReplay) -> Simulation {
        var simulation = Simulation(config: replay.config)
        for c in replay.controls {
            simulation.advance(to: c.jiffy)
            simulation.apply(c.control)
        }
        simulation.advance(to: replay.endJiffy)
        return simulation
    }

    /// Apply `.engine` and `.replayScenario` effects here (in order: a replay replaces the engine
    /// and the changes after it go to the new one); hand back the rest.
    public static func perform(_ effects: [Effect], on simulation: inout Simulation, state: inout AppState) -> [Effect] {
        var others: [Effect] = []
        for effect in effects {
            switch effect {
            case .engine(let control): simulation.apply(control)
            case .replayScenario(let replay): simulation = self.simulation(for: replay)
            default: others.append(effect)
            }
        }
        return others
    }

    /// `--headless --scenario NAME`: play the whole script on a fresh engine, calling `record`
    /// with a snapshot every `recordEveryJiffies` (and once at the end). Same scenario, same records.
    /// `stopAtJiffy` (`--duration`) ends the run earlier than the script would.
    public static func runHeadless(_ scenario: Scenario, cueDelaySeconds: Double = 10, recordEveryJiffies: UInt64,
                                   stopAtJiffy: UInt64? = nil, record: (Snapshot) -> Void) {
        let script = ScenarioPlayer.headlessScript(scenario, cueDelaySeconds: cueDelaySeconds)
        let end = min(script.endJiffy, stopAtJiffy ?? .max)
        var simulation = Simulation(config: scenario.config)
        var controls = script.controls[...]
        let every = max(1, recordEveryJiffies)
        var t: UInt64 = 0
        repeat {
            let next = min(end, t + every)
            while let c = controls.first, c.jiffy <= next {
                simulation.advance(to: c.jiffy)
                simulation.apply(c.control)
                controls.removeFirst()
            }
            simulation.advance(to: next)
            record(simulation.snapshot())
            t = next
        } while t < end
    }

    /// How long `runHeadless` plays `scenario` (in jiffies), before any `stopAtJiffy`.
    public static func headlessEndJiffy(_ scenario: Scenario, cueDelaySeconds: Double = 10) -> UInt64 {
        ScenarioPlayer.headlessScript(scenario, cueDelaySeconds: cueDelaySeconds).endJiffy
    }
}
