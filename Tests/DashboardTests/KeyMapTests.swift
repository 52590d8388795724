import Testing
import RCUEngine
@testable import Dashboard

@Suite struct KeyMapTests {
    /// The documented keys (DESIGN.md §3, htop / btop conventions).
    static let table: [(Key, Command?)] = [
        (.character("q"), .quit), (.control("c"), .quit),
        (.character("?"), .toggleHelp), (.function(1), .toggleHelp), (.escape, .dismiss),
        (.character(" "), .togglePause),
        (.character("+"), .speedUp), (.character("="), .speedUp), (.character("-"), .speedDown),
        (.character("."), .singleStep),
        (.character("1"), .toggleWorkload(.video)), (.character("2"), .toggleWorkload(.logging)),
        (.character("3"), .toggleWorkload(.build)), (.character("4"), .toggleWorkload(.idle)),
        (.character("l"), .toggleLazy), (.character("t"), .nextTheme), (.character("p"), .nextPolicy),
        (.tab, .selectNext), (.right, .selectNext), (.down, .selectNext), (.left, .selectPrevious), (.up, .selectPrevious),
        (.character("z"), .toggleZoom),
        // Presenter keys: what a clicker sends (PageDown / PageUp), and n / b / r.
        (.character("n"), .nextStep), (.pageDown, .nextStep), (.character("b"), .previousStep), (.pageUp, .previousStep),
        (.character("r"), .restartScenario), (.character(">"), .stepToNextEvent), (.character("e"), .exportScreen),
        (.character("x"), nil), (.character("7"), nil), (.function(2), nil), (.resize, nil), (.mouseClick(x: 1, y: 1), nil),
    ]

    @Test func everyDocumentedKey() {
        for (key, command) in KeyMapTests.table {
            #expect(KeyMap.command(for: key) == command, "\(key)")
        }
    }

    @Test func digitsFollowWorkloadOrder() {
        for (i, kind) in WorkloadKind.allCases.enumerated() {   // 1-6: video ... memhog (5), proactive (6)
            #expect(KeyMap.command(for: .character(Character("\(i + 1)"))) == .toggleWorkload(kind))
        }
    }

    @Test func cTogglesTheCompareViewAndPCyclesPolicies() {
        #expect(KeyMap.command(for: .character("c")) == .toggleCompare)
        #expect(KeyMap.command(for: .character("p")) == .nextPolicy)
        #expect(KeyMap.command(for: .character("5")) == .toggleWorkload(.memhog))
        #expect(KeyMap.command(for: .character("6")) == .toggleWorkload(.proactive))
    }

    @Test func noKeyIsBoundTwice() {
        let keys = KeyMap.bindings.map(\.key)
        #expect(Set(keys).count == keys.count)
    }
}
