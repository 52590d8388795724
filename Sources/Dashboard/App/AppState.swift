import RCUEngine

/// Everything the dashboard remembers between frames that is not engine state.
///
/// Lazy on/off, workloads and policy are kept "as last commanded" so `reduce` can say what to
/// switch; the frame loop refreshes them from each `Snapshot` with `observe(_:)`, and the views
/// always show the snapshot's values.
public struct AppState: Sendable, Equatable {
    /// Simulated seconds per wall second.
    public var speed: Double
    public var isPaused: Bool
    /// Frames per second of the live loop (1...60).
    public var fps: Int
    public var themeName: String
    /// Names of themes `t` cycles through, in order.
    public var themeNames: [String]
    public var showHelp: Bool
    /// Simulated seconds per wall second the engine really kept up over the last second of
    /// running (nil until measured). Below `speed` when the machine cannot keep up.
    public var achievedSpeed: Double? = nil
    public var hz: Int
    /// The panel arrows / Tab select (and `z` zooms).
    public var selectedPanel: Panel
    public var isZoomed: Bool
    /// The compare view (`c`) replaces the panels.
    public var isComparing = false
    /// A one-line message for the event log area (a theme that failed to load), until Esc.
    public var message: String?
    /// Lazy RCU as last commanded or observed.
    public var lazyEnabled: Bool
    /// Workloads on, as last commanded or observed, in `WorkloadKind.allCases` order.
    public var workloads: [WorkloadKind]
    public var policy: ReclaimPolicyKind
    /// The scenario being presented, if any (its caption bar replaces the footer).
    public var scenario: ScenarioPlayer?
    /// The CPU whose row is highlighted in the table (a scenario's `focus cpu N`).
    public var focusedCPU: Int?
    /// The panel drawn with an emphasised border (a scenario's `look PANEL`).
    public var highlightedPanel: Panel?

    public init(speed: Double = 1, isPaused: Bool = false, fps: Int = 10, themeName: String = "default",
                themeNames: [String] = ["default"], showHelp: Bool = false, hz: Int = 1000,
                selectedPanel: Panel = .cpus, isZoomed: Bool = false, message: String? = nil,
                lazyEnabled: Bool = true, workloads: [WorkloadKind] = [.video], policy: ReclaimPolicyKind = .shrinker,
                scenario: ScenarioPlayer? = nil, focusedCPU: Int? = nil, highlightedPanel: Panel? = nil) {
        self.speed = speed; self.isPaused = isPaused; self.fps = fps; self.themeName = themeName
        self.themeNames = themeNames; self.showHelp = showHelp; self.hz = hz
        self.selectedPanel = selectedPanel; self.isZoomed = isZoomed; self.message = message
        self.lazyEnabled = lazyEnabled; self.workloads = workloads; self.policy = policy
        self.scenario = scenario; self.focusedCPU = focusedCPU; self.highlightedPanel = highlightedPanel
    }

    /// The speeds `+` and `-` step through, in simulated seconds per wall second.
    public static let speedSteps: [Double] = [0.001, 0.01, 0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000, 10000]

    /// Take lazy on/off, workloads, policy and HZ from the engine (the truth).
    public mutating func observe(_ snapshot: Snapshot) {
        lazyEnabled = snapshot.lazyEnabled
        workloads = snapshot.activeWorkloads
        policy = snapshot.policy
        hz = snapshot.hz
    }
}

/// The dashboard's panels, in the order Tab and the arrows visit them.
public enum Panel: String, Sendable, CaseIterable, Equatable {
    case cpus, gracePeriod, wakeups, memory, events

    public var title: String {
        switch self {
        case .cpus: return "CPUs"
        case .gracePeriod: return "grace period"
        case .wakeups: return "wake-ups"
        case .memory: return "memory"
        case .events: return "events"
        }
    }
}

/// Apply a command to the app state; return what the outside world must do. Pure.
public func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
    switch command {
    case .quit:
        return [.quit]
    case .toggleHelp:
        state.showHelp.toggle()
        return []
    case .togglePause:
        state.isPaused.toggle()
        return []
    case .speedUp:
        state.speed = AppState.speedSteps.first { $0 > state.speed * 1.000001 } ?? AppState.speedSteps.last!
        state.achievedSpeed = nil
        return []
    case .speedDown:
        state.speed = AppState.speedSteps.last { $0 < state.speed * 0.999999 } ?? AppState.speedSteps.first!
        state.achievedSpeed = nil
        return []
    case .setSpeed(let speed):
        guard speed.isFinite, speed > 0 else { return [] }
        state.speed = min(AppState.speedSteps.last!, max(AppState.speedSteps.first!, speed))
        state.achievedSpeed = nil
        return []
    case .singleStep:
        // One jiffy only makes sense with the clock stopped: a step while running pauses, then steps.
        state.isPaused = true
        return [.step(jiffies: 1)]
    case .toggleWorkload(let kind):
        let on = !state.workloads.contains(kind)
        state.workloads = WorkloadKind.allCases.filter { $0 == kind ? on : state.workloads.contains($0) }
        return [.engine(.setWorkload(kind, on: on))]
    case .toggleLazy:
        state.lazyEnabled.toggle()
        return [.engine(.setLazy(state.lazyEnabled))]
    case .nextPolicy:
        let all = ReclaimPolicyKind.allCases
        let i = all.firstIndex(of: state.policy) ?? 0
        state.policy = all[(i + 1) % all.count]
        return [.engine(.setPolicy(state.policy))]
    case .nextTheme:
        guard !state.themeNames.isEmpty else { return [] }
        let i = state.themeNames.firstIndex(of: state.themeName) ?? -1
        let next = state.themeNames[(i + 1) % state.themeNames.count]
        guard next != state.themeName else { return [] }
        state.themeName = next
        return [.loadTheme(next)]
    case .themeFailed(let reason):
        // The theme just asked for (`themeName`) is broken: drop it from the cycle and ask for
        // the one after it, so one `t` press still changes the screen. The one before it is
        // still on screen; when the cycle comes back to it, stop there (nothing to load).
        let failed = state.themeName
        state.message = "theme \(failed) skipped: \(reason)"
        guard let i = state.themeNames.firstIndex(of: failed), state.themeNames.count > 1 else { return [] }
        let onScreen = state.themeNames[(i + state.themeNames.count - 1) % state.themeNames.count]
        let next = state.themeNames[(i + 1) % state.themeNames.count]
        state.themeNames.remove(at: i)
        state.themeName = next
        return next == onScreen ? [] : [.loadTheme(next)]
    case .selectNext:
        let all = Panel.allCases
        state.selectedPanel = all[((all.firstIndex(of: state.selectedPanel) ?? 0) + 1) % all.count]
        return []
    case .selectPrevious:
        let all = Panel.allCases
        state.selectedPanel = all[((all.firstIndex(of: state.selectedPanel) ?? 0) + all.count - 1) % all.count]
        return []
    case .toggleZoom:
        state.isZoomed.toggle()
        return []
    case .toggleCompare:
        state.isComparing.toggle()
        return []
    case .dismiss:
        if state.showHelp { state.showHelp = false } else if state.isComparing { state.isComparing = false }
        else if state.isZoomed { state.isZoomed = false } else { state.message = nil }
        return []
    case .apply(let control):
        switch control {
        case .setWorkload(let kind, let on):
            state.workloads = WorkloadKind.allCases.filter { $0 == kind ? on : state.workloads.contains($0) }
        case .setLazy(let on): state.lazyEnabled = on
        case .setPolicy(let p): state.policy = p
        }
        return [.engine(control)]
    case .setPaused(let paused):
        state.isPaused = paused
        return []
    case .focusCPU(let cpu):
        state.focusedCPU = cpu.flatMap { $0 >= 0 ? $0 : nil }
        return []
    case .highlightPanel(let panel):
        state.highlightedPanel = panel
        return []
    case .selectPanel(let panel):
        state.selectedPanel = panel
        return []
    case .clockReached(let jiffy):
        guard state.scenario != nil else { return [] }
        let commands = state.scenario!.clockReached(jiffy)
        return commands.flatMap { reduce(&state, $0) }
    case .nextStep:
        guard state.scenario != nil else { return [] }
        let commands = state.scenario!.next()
        return commands.flatMap { reduce(&state, $0) }
    case .previousStep:
        guard let player = state.scenario else { return [] }
        return rewindScenario(&state, toStep: player.current - 1)
    case .restartScenario:
        guard state.scenario != nil else { return [] }
        return rewindScenario(&state, toStep: -1)
    case .stepToNextEvent:
        state.isPaused = true
        return [.stepToNextEvent]
    case .exportScreen:
        return [.exportScreen]
    case .exportDone(let text), .showMessage(let text):
        state.message = text
        return []
    }
}

/// Go back to the state after step `step` fired (-1: the scenario's start): the view settings
/// start over from the scenario's start (1x, running, nothing focused or highlighted, the setup's
/// lazy / workloads / policy) and steps 0...step are applied again; the engine is rebuilt by the
/// returned `.replayScenario` effect. Steps due at the resumed time then fire as usual.
private func rewindScenario(_ state: inout AppState, toStep step: Int) -> [Effect] {
    guard var player = state.scenario else { return [] }
    let replay = player.rewind(toStep: step)
    let config = player.scenario.config
    state.scenario = player
    state.speed = 1; state.isPaused = false; state.focusedCPU = nil; state.highlightedPanel = nil
    state.lazyEnabled = config.lazyEnabled; state.workloads = config.workloads; state.policy = config.policy
    for s in player.steps.prefix(replay.toStep + 1) {
        for command in ScenarioPlayer.commands(for: s) { _ = reduce(&state, command) } // engine: in the replay
    }
    return [.replayScenario(replay)] + reduce(&state, .clockReached(replay.endJiffy))
}
