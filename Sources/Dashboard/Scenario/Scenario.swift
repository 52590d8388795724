import RCUEngine

/// A talk's script: a title, the engine to start, and the steps a presenter walks through.
///
/// Read from a `.scenario` text file by `ScenarioParser` (format documented there and in the
/// README); played by `ScenarioPlayer`. A value: equal files give equal scenarios.
public struct Scenario: Sendable, Equatable {
    /// The file's name without `.scenario` (what `--scenario NAME` finds).
    public var name: String
    /// One line for the caption bar before the first step (defaults to `name`).
    public var title: String
    /// The engine to start (and to rebuild from on a replay): the `setup` line over the defaults.
    public var config: EngineConfig
    public var steps: [ScenarioStep]

    public init(name: String, title: String, config: EngineConfig, steps: [ScenarioStep]) {
        self.name = name; self.title = title; self.config = config; self.steps = steps
    }
}

/// One step: when it fires, what it changes, and what the caption bar says.
public struct ScenarioStep: Sendable, Equatable {
    /// Line of the `step` keyword in the file (for messages).
    public var line: Int
    public var timing: StepTiming
    public var actions: [ScenarioAction]
    public var caption: String?
    public var note: String?
    /// The panel the audience should look at (`look` / `highlight`): named in the caption bar,
    /// drawn with an emphasised border.
    public var look: Panel?

    public init(line: Int, timing: StepTiming, actions: [ScenarioAction] = [], caption: String? = nil,
                note: String? = nil, look: Panel? = nil) {
        self.line = line; self.timing = timing; self.actions = actions
        self.caption = caption; self.note = note; self.look = look
    }
}

/// When a step fires.
public enum StepTiming: Sendable, Equatable {
    /// `at 12s`: at this simulated time (jiffies from the start), or at once if that is past.
    case at(jiffies: UInt64)
    /// `at +15s`: this long after the previous step fired (after the start for the first step).
    case after(jiffies: UInt64)
    /// `on cue`: when the presenter presses next (`n`, PageDown).
    case onCue
}

/// What a step changes. Engine changes are absolute (`on` / `off`), never toggles, so a replay
/// of the same steps gives the same engine.
public enum ScenarioAction: Sendable, Equatable {
    case workload(WorkloadKind, on: Bool)
    case lazy(Bool)
    case policy(ReclaimPolicyKind)
    /// A reclaim policy the design names but this build's engine does not have yet
    /// (`Scenario.plannedPolicies`): the step fires, changes nothing in the engine, and the
    /// event log area says "policy reclaim-hook is not in this build: step of line 52 changes nothing"
    /// (the caption bar adds "(not in this build)" when there is room).
    case unavailable(String)
    case speed(Double)
    case pause
    case resume
    /// Highlight one CPU's row in the table (nil: none).
    case focusCPU(Int?)
}

extension Scenario {
    /// Reclaim policies DESIGN.md §2 plans. A name here that `ReclaimPolicyKind` lacks parses as
    /// `.unavailable`; once the engine adds the case, the same file gets the real policy.
    public static let plannedPolicies = ["shrinker", "reclaim-hook", "no-mem-flag", "slab-deferred", "none"]

    /// Panel names a scenario may use, with their aliases.
    static let panelNames: [(String, Panel)] = [
        ("cpus", .cpus), ("cpu", .cpus), ("gp", .gracePeriod), ("grace-period", .gracePeriod),
        ("wakeups", .wakeups), ("wake-ups", .wakeups), ("memory", .memory), ("mem", .memory),
        ("events", .events), ("log", .events),
    ]
}
