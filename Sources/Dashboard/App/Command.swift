import RCUEngine

/// A user intent, from a key, a scenario step or a flag. Named after what it means, never the key.
public enum Command: Sendable, Equatable {
    case quit
    case toggleHelp
    case togglePause
    case speedUp
    case speedDown
    /// Advance one jiffy while paused.
    case singleStep
    case toggleWorkload(WorkloadKind)
    case toggleLazy
    case nextTheme
    case selectNext
    case selectPrevious
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
