import RCUEngine

/// A user intent, from a key, a scenario step or a flag. Named after what it means, never the key.
public enum Command: Sendable, Equatable {
    case quit
    case toggleHelp
    case togglePause
    case speedUp
    case speedDown
    /// Advance one jiffy; pauses first when running.
    case singleStep
    case toggleWorkload(WorkloadKind)
    case toggleLazy
    /// Switch to the next reclaim policy.
    case nextPolicy
    /// Show the compare view (this engine beside the compared one, with the differences) and back.
    case toggleCompare
    case nextTheme
    case selectNext
    case selectPrevious
    /// Show the selected panel alone, full screen, with large numbers (and back).
    case toggleZoom
    /// Close the help or the zoom, or clear the message (Esc).
    case dismiss
    /// The frame loop could not load the theme `nextTheme` asked for: the text is the error.
    /// The theme is skipped (dropped from the cycle), the next one in the cycle is asked for
    /// (`Effect.loadTheme`, unless that is the theme on screen) and the error shown in the event log area.
    case themeFailed(String)
    /// Set the speed (simulated seconds per wall second) from a flag or a scenario.
    case setSpeed(Double)

    // MARK: Scenarios and the presenter

    /// Make an engine change (absolute, not a toggle): what a scenario step does.
    case apply(EngineControl)
    /// Stop or run the simulated clock (a scenario's `pause` / `resume`).
    case setPaused(Bool)
    /// Highlight one CPU's row in the table (nil: none).
    case focusCPU(Int?)
    /// Draw this panel with an emphasised border and name it in the caption bar (nil: none).
    case highlightPanel(Panel?)
    /// Select a panel directly (a mouse click on it).
    case selectPanel(Panel)
    /// The simulated clock reached this jiffy: fire the scenario steps now due. The frame loop
    /// sends it after every advance of the engine (and stops each advance at the player's `nextDueJiffy`).
    case clockReached(UInt64)
    /// The presenter's next step (`n`, PageDown): fire the next step now.
    case nextStep
    /// The presenter's previous step (`b`, PageUp): replay the scenario from the seed up to the step before.
    case previousStep
    /// Start the scenario again from the beginning (`r`): replay from the seed with no step fired.
    case restartScenario

    // MARK: Time control and export

    /// Run the engine to its next pending event (pauses first), via `Effect.stepToNextEvent`.
    case stepToNextEvent
    /// Write the current screen to `rcutop-<time>.txt` and `.svg` (`e`), via `Effect.exportScreen`.
    case exportScreen
    /// The frame loop wrote (or failed to write) an export: the text goes to the event log area.
    case exportDone(String)
    /// A line for the event log area until Esc (a scenario step this build cannot do).
    case showMessage(String)
}

/// Something `reduce` asks the outside world (the frame loop) to do.
public enum Effect: Sendable, Equatable {
    case quit
    /// Apply a change to the running engine.
    case engine(EngineControl)
    /// Advance the engine by this many jiffies now (single step).
    case step(jiffies: UInt64)
    /// Load the theme with this name (the frame loop reports failure back with `themeFailed`).
    case loadTheme(String)
    /// Rebuild the engine: `Simulation(config: r.config)`, then for each control in order
    /// `advance(to: jiffy)` and `apply(control)`, then `advance(to: r.endJiffy)`. Effects after
    /// this one in the same list apply to the rebuilt engine.
    case replayScenario(ScenarioReplay)
    /// Advance the engine to `Simulation.nextEventJiffy` (nothing when there is none); never past
    /// the scenario player's `nextDueJiffy`, then send `.clockReached`.
    case stepToNextEvent
    /// Render the current screen, write `ScreenExport.text` and `ScreenExport.svg` to
    /// `ScreenExport.baseName(...)` + `.txt` / `.svg`, then send `.exportDone(message)`.
    case exportScreen
}
