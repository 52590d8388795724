import RCUEngine

/// Everything the dashboard remembers between frames that is not engine state.
///
/// CONTRACT STUB: fields may be added; the executable uses `init`, `speed`, `isPaused`, `fps`,
/// `themeName`, `showHelp` and `reduce`.
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
    public var hz: Int

    public init(speed: Double = 1, isPaused: Bool = false, fps: Int = 10, themeName: String = "default",
                themeNames: [String] = ["default"], showHelp: Bool = false, hz: Int = 1000) {
        self.speed = speed; self.isPaused = isPaused; self.fps = fps; self.themeName = themeName
        self.themeNames = themeNames; self.showHelp = showHelp; self.hz = hz
    }
}

/// Apply a command to the app state; return what the outside world must do. Pure.
public func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
    switch command {
    case .quit: return [.quit]
    case .togglePause: state.isPaused.toggle(); return []
    default: return []
    }
}
