import Foundation
import Testing
import RCUEngine
@testable import Dashboard

/// The scenarios in `scenarios/` parse, and every step's caption bar fits at 80x24.
@Suite struct ShippedScenarioTests {
    static let repoScenarios: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios").path
    }()
    static let shipped = ["hurry-callbacks", "kfree-rcu-batching", "lazy-rcu-in-5-minutes"]
    static var store: ScenarioStore { ScenarioStore(searchPaths: [repoScenarios]) }

    @Test func theThreeScenariosShipAndAreFoundByName() throws {
        #expect(Self.store.availableNames() == Self.shipped)
        for name in Self.shipped {
            let s = try Self.store.load(name)
            #expect(s.name == name)
            #expect(!s.steps.isEmpty)
            #expect(s.steps.allSatisfy { $0.caption != nil }, "every step of \(name) has a caption")
        }
    }

    @Test func theStoryStepsAreThere() throws {
        let s = try Self.store.load("lazy-rcu-in-5-minutes")
        let actions = s.steps.flatMap(\.actions)
        #expect(actions.contains(.workload(.video, on: true)))
        #expect(actions.contains(.lazy(false)) && actions.contains(.lazy(true)))
        for name in ["reclaim-hook", "slab-deferred"] {
            let p = ReclaimPolicyKind(rawValue: name)
            #expect(actions.contains(p.map { .policy($0) } ?? .unavailable("policy \(name)")))
        }
    }

    /// Every step of every shipped scenario, drawn at 80x24: the caption and the note appear
    /// whole on the two bottom rows, and the highlighted panel has a heavy border.
    @Test(arguments: shipped)
    func everyCaptionFitsAt80x24(name: String) throws {
        let scenario = try Self.store.load(name)
        var state = AppState(scenario: ScenarioPlayer(scenario: scenario))
        let snapshot = SnapshotFixtures.video(cpus: scenario.config.cpuCount, hz: scenario.config.hz)
        for (i, step) in scenario.steps.enumerated() {
            _ = reduce(&state, .nextStep)
            let b = DashboardView.render(snapshot: snapshot, state: state, theme: .builtIn, glyphs: .unicode, width: 80, height: 24)
            let expectedFirst = CaptionBar.firstRow(step: i + 1, total: scenario.steps.count, caption: step.caption ?? "")
            #expect(b.text(row: 22).hasPrefix(expectedFirst), "\(name) step \(i + 1):\n\(b)")
            #expect(b.text(row: 23).hasPrefix(CaptionBar.secondRow(look: step.look, note: step.note)), "\(name) step \(i + 1):\n\(b)")
            if let look = step.look, let rect = DashboardLayout.make(width: 80, height: 24, cpuCount: snapshot.cpus.count, captionRows: 2)?.rect(for: look) {
                #expect(b.cell(x: rect.x, y: rect.y)?.character == "┏", "\(name) step \(i + 1): \(look) emphasised")
            }
        }
    }

    @Test func searchPathsFollowTheThemeRules() {
        let paths = ScenarioStore.defaultSearchPaths(
            executablePath: "/src/rcutop/.build/x86_64-unknown-linux-gnu/release/rcutop",
            environment: ["RCUTOP_SCENARIOS": "/a:/b", "HOME": "/home/k"],
            isDirectory: { $0 == "/src/rcutop/scenarios" })
        #expect(paths == [
            "/a", "/b",
            "/src/rcutop/.build/x86_64-unknown-linux-gnu/release/scenarios",
            "/src/rcutop/.build/x86_64-unknown-linux-gnu/share/rcutop/scenarios",
            "/src/rcutop/scenarios",
            "/home/k/.config/rcutop/scenarios",
        ])
    }

    @Test func loadByPathAndErrorsNameTheFile() throws {
        let path = Self.repoScenarios + "/hurry-callbacks.scenario"
        #expect(try ScenarioStore(searchPaths: []).load(path).name == "hurry-callbacks")
        #expect(throws: ScenarioError(file: "nope", line: nil, problem: "scenario not found (no folders to search)")) {
            try ScenarioStore(searchPaths: []).load("nope")
        }
        #expect(throws: ScenarioError(file: Self.repoScenarios, line: nil, problem: "is a directory, not a scenario file")) {
            try ScenarioStore(searchPaths: []).load(Self.repoScenarios)
        }
    }
}
