/// Which key means which command (htop / btop conventions). CONTRACT STUB.
public enum KeyMap {
    public static func command(for key: Key) -> Command? {
        switch key {
        case .character("q"): return .quit
        case .character(" "): return .togglePause
        default: return nil
        }
    }
}
