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
    case nextTheme
    case selectNext
    case selectPrevious
    /// Show the selected panel alone, full screen, with large numbers (and back).
    case toggleZoom
    /// Close the help or the zoom, or clear the message (Esc).
    case dismiss
    /// The frame loop could not load the theme `nextTheme` asked for: the text is the error.
    /// The theme is skipped (dropped from the cycle) and the error shown in the event log area.
    case themeFailed(String)
    /// Set the speed (simulated seconds per wall second) from a flag or a scenario.
    case setSpeed(Double)
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
}
