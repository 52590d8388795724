import RCUEngine

/// Plays a `Scenario` against the simulated clock and the presenter's keys. Pure: it never
/// touches the engine; it says which `Command`s to apply (engine changes as `.apply(control)`).
///
/// State is the index of the last step fired (`current`, -1 before the first) and the jiffy each
/// fired step fired at (`firedAt`), which is what a replay needs.
///
/// Contract with the frame loop (the same order live, on a replay and headless, so a replay
/// rebuilds exactly the engine the audience saw):
/// 1. never advance the engine past `nextDueJiffy`: advance to it, then send `.clockReached(j)`;
/// 2. apply the `.engine` effects that come back *after* `advance(to: j)`, before advancing further.
public struct ScenarioPlayer: Sendable, Equatable {
    public let scenario: Scenario
    /// Index of the last step fired; -1 before the first.
    public private(set) var current: Int = -1
    /// The jiffy each fired step fired at (`firedAt.count == current + 1`).
    public private(set) var firedAt: [UInt64] = []
    /// The latest simulated time the player was told of.
    public private(set) var now: UInt64 = 0

    public init(scenario: Scenario) { self.scenario = scenario }

    public var steps: [ScenarioStep] { scenario.steps }
    /// The step on screen (the last fired), if any.
    public var currentStep: ScenarioStep? { current >= 0 && current < steps.count ? steps[current] : nil }
    public var isFinished: Bool { current >= steps.count - 1 }

    /// When step `index` fires by itself, given what has fired so far; nil for `on cue` (and out of range).
    public func dueJiffy(ofStep index: Int) -> UInt64? {
        guard index >= 0, index < steps.count else { return nil }
        switch steps[index].timing {
        case .at(let j): return j
        case .after(let d):
            let base = index > 0 && index - 1 < firedAt.count ? firedAt[index - 1] : 0
            return base.addingReportingOverflow(d).overflow ? UInt64.max : base + d
        case .onCue: return nil
        }
    }

    /// When the next step fires by itself (nil: it waits for the presenter, or none is left).
    /// The frame loop advances the engine no further than this before sending `.clockReached`.
    public var nextDueJiffy: UInt64? { isFinished ? nil : dueJiffy(ofStep: current + 1).map { max($0, now) } }

    /// The simulated clock reached `jiffy`: fire every timed step now due (stopping at an `on cue`
    /// step). A time in the past is ignored. Returns the commands of the fired steps, in order.
    public mutating func clockReached(_ jiffy: UInt64) -> [Command] {
        now = max(now, jiffy)
        var commands: [Command] = []
        while !isFinished, let due = dueJiffy(ofStep: current + 1), due <= now {
            commands += fire(at: now)
        }
        return commands
    }

    /// The presenter asked for the next step: fire it now, whatever its timing.
    public mutating func next() -> [Command] {
        guard !isFinished else { return [] }
        return fire(at: now)
    }

    private mutating func fire(at jiffy: UInt64) -> [Command] {
        current += 1
        firedAt.append(jiffy)
        return ScenarioPlayer.commands(for: steps[current])
    }

    /// Go back so that `step` is the last fired (-1: back to the start). Returns how the frame loop
    /// rebuilds the engine (a fresh `Simulation` from the scenario's config, replaying the engine
    /// changes of steps 0...step at the jiffies they fired at); `now` becomes the jiffy of `step`.
    public mutating func rewind(toStep step: Int) -> ScenarioReplay {
        let keep = min(max(-1, step), current)
        let replay = ScenarioPlayer.replay(steps: Array(steps.prefix(keep + 1)), firedAt: Array(firedAt.prefix(keep + 1)),
                                           config: scenario.config, toStep: keep)
        current = keep
        firedAt = Array(firedAt.prefix(keep + 1))
        now = replay.endJiffy
        return replay
    }

    // MARK: - Pure functions of steps

    /// What a step does, as commands: engine changes first (in file order), then the view's.
    public static func commands(for step: ScenarioStep) -> [Command] {
        var commands: [Command] = []
        for action in step.actions {
            switch action {
            case .workload(let kind, let on): commands.append(.apply(.setWorkload(kind, on: on)))
            case .lazy(let on): commands.append(.apply(.setLazy(on)))
            case .policy(let p): commands.append(.apply(.setPolicy(p)))
            case .unavailable(let what):
                // Nothing to change in this engine; say so where the presenter will see it.
                commands.append(.showMessage("\(what) is not in this build: step \(step.line > 0 ? "of line \(step.line) " : "")changes nothing"))
            case .speed(let x): commands.append(.setSpeed(x))
            case .pause: commands.append(.setPaused(true))
            case .resume: commands.append(.setPaused(false))
            case .focusCPU(let cpu): commands.append(.focusCPU(cpu))
            }
        }
        commands.append(.highlightPanel(step.look))
        return commands
    }

    /// The engine changes of `steps`, each at the jiffy its step fired at: what a fresh engine
    /// built from `config` needs to become the engine those steps made.
    public static func replay(steps: [ScenarioStep], firedAt: [UInt64], config: EngineConfig, toStep: Int) -> ScenarioReplay {
        var controls: [TimedControl] = []
        for (step, jiffy) in zip(steps, firedAt) {
            for case .apply(let control) in commands(for: step) { controls.append(TimedControl(jiffy: jiffy, control: control)) }
        }
        return ScenarioReplay(config: config, controls: controls, endJiffy: firedAt.last ?? 0, toStep: toStep)
    }

    /// The whole scenario played with nobody at the keys, for `--headless --scenario NAME`: timed
    /// steps fire when due, an `on cue` step `cueDelayJiffies` after the step before it. The same
    /// scenario always gives the same script (so the same records).
    public static func headlessScript(_ scenario: Scenario, cueDelaySeconds: Double = 10) -> HeadlessScript {
        let hz = Double(scenario.config.hz)
        let cueDelay = UInt64(max(0, min(1_000_000, cueDelaySeconds.isFinite ? cueDelaySeconds : 0)) * hz)
        var player = ScenarioPlayer(scenario: scenario)
        var controls: [TimedControl] = []
        var clock: UInt64 = 0
        func collect(_ commands: [Command], at jiffy: UInt64) {
            for case .apply(let control) in commands { controls.append(TimedControl(jiffy: jiffy, control: control)) }
        }
        collect(player.clockReached(0), at: 0)
        while !player.isFinished {
            if let due = player.nextDueJiffy {
                clock = due
                collect(player.clockReached(clock), at: clock)
            } else {
                clock = (player.firedAt.last ?? 0) + cueDelay
                _ = player.clockReached(clock)
                collect(player.next(), at: clock)
                collect(player.clockReached(clock), at: clock)
            }
        }
        return HeadlessScript(controls: controls, stepJiffies: player.firedAt, endJiffy: clock + cueDelay)
    }
}

/// An engine change at a simulated time.
public struct TimedControl: Sendable, Equatable {
    public var jiffy: UInt64
    public var control: EngineControl
    public init(jiffy: UInt64, control: EngineControl) { self.jiffy = jiffy; self.control = control }
}

/// How to rebuild the engine when the presenter goes back (`b`, PageUp) or restarts (`r`).
///
/// The frame loop: `var sim = Simulation(config: replay.config)`; for each control in order,
/// `sim.advance(to: c.jiffy); sim.apply(c.control)`; then `sim.advance(to: replay.endJiffy)`.
/// The engine is deterministic, so this is the engine the audience saw when step `toStep` fired.
public struct ScenarioReplay: Sendable, Equatable {
    public var config: EngineConfig
    public var controls: [TimedControl]
    /// Simulated time to resume at.
    public var endJiffy: UInt64
    /// The step on screen afterwards (-1: none yet, the scenario's start).
    public var toStep: Int
}

/// A scenario played headless: controls to apply (advance to the jiffy, then apply), the jiffy
/// each step fired at, and when to stop (one cue delay after the last step).
public struct HeadlessScript: Sendable, Equatable {
    public var controls: [TimedControl]
    public var stepJiffies: [UInt64]
    public var endJiffy: UInt64
}
