import RCUEngine

/// Which key means which command (htop / btop conventions): one table, no other key names anywhere.
public enum KeyMap {
    /// Every binding, in the order the help screen lists them.
    public static let bindings: [(key: Key, command: Command)] = [
        (.character("q"), .quit), (.character("Q"), .quit), (.control("c"), .quit),
        (.character("?"), .toggleHelp), (.function(1), .toggleHelp), (.character("h"), .toggleHelp),
        (.escape, .dismiss),
        (.character(" "), .togglePause),
        (.character("+"), .speedUp), (.character("="), .speedUp), (.character("-"), .speedDown), (.character("_"), .speedDown),
        (.character("."), .singleStep),
        (.character("1"), .toggleWorkload(WorkloadKind.allCases[0])),
        (.character("2"), .toggleWorkload(WorkloadKind.allCases[1])),
        (.character("3"), .toggleWorkload(WorkloadKind.allCases[2])),
        (.character("4"), .toggleWorkload(WorkloadKind.allCases[3])),
        (.character("5"), .toggleWorkload(WorkloadKind.allCases[4])),
        (.character("6"), .toggleWorkload(WorkloadKind.allCases[5])),
        (.character("l"), .toggleLazy), (.character("L"), .toggleLazy),
        (.character("p"), .nextPolicy),
        (.character("c"), .toggleCompare),
        (.character("t"), .nextTheme),
        (.tab, .selectNext), (.right, .selectNext), (.down, .selectNext),
        (.left, .selectPrevious), (.up, .selectPrevious),
        (.character("z"), .toggleZoom), (.enter, .toggleZoom),
        (.character(">"), .stepToNextEvent),
        // Presenter: a clicker sends PageDown / PageUp.
        (.character("n"), .nextStep), (.pageDown, .nextStep),
        (.character("b"), .previousStep), (.pageUp, .previousStep),
        (.character("r"), .restartScenario),
        (.character("e"), .exportScreen),
    ]

    static let table: [Key: Command] = {
        var t: [Key: Command] = [:]
        for (key, command) in bindings where t[key] == nil { t[key] = command }
        return t
    }()

    public static func command(for key: Key) -> Command? { table[key] }
}
