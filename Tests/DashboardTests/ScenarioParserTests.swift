import Testing
import RCUEngine
@testable import Dashboard

/// The `.scenario` format: every step kind, and every error with its line number.
@Suite struct ScenarioParserTests {
    func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser.parse(Array(text.utf8), file: "t.scenario", name: "t")
    }

    /// The error text for a file, or "no error".
    func error(_ text: String) -> String {
        do { _ = try parse(text); return "no error" } catch { return error.description }
    }

    @Test func titleSetupAndEveryStepKind() throws {
        let s = try parse("""
        # a comment
        title   A talk
        setup   cpus 4, hz 250, seed 9, workloads idle video, lazy off, policy none

        step at 0s
          caption  Hello
          note     A longer note
          look     wakeups
        step on cue
          workload video off
          workload build on
          lazy on
          policy shrinker
          speed 0.01x
          pause
          focus cpu 3
          highlight gp
        step at +1.5s
          resume
          focus off
          speed 10000
          look none
        step at 2500ms
        """)
        #expect(s.name == "t")
        #expect(s.title == "A talk")
        #expect(s.config == EngineConfig(cpuCount: 4, hz: 250, seed: 9, lazyEnabled: false, workloads: [.video, .idle], policy: .none))
        #expect(s.steps == [
            ScenarioStep(line: 5, timing: .at(jiffies: 0), caption: "Hello", note: "A longer note", look: .wakeups),
            ScenarioStep(line: 9, timing: .onCue, actions: [.workload(.video, on: false), .workload(.build, on: true), .lazy(true),
                                                             .policy(.shrinker), .speed(0.01), .pause, .focusCPU(3)], look: .gracePeriod),
            ScenarioStep(line: 18, timing: .after(jiffies: 375), actions: [.resume, .focusCPU(nil), .speed(10000)]),
            ScenarioStep(line: 23, timing: .at(jiffies: 625)),
        ])
    }

    @Test func defaultsWithoutTitleOrSetupAndCRLFLines() throws {
        let s = try parse("step at 0s\r\n  caption  Hi\r\n")
        #expect(s.title == "t")
        #expect(s.config == EngineConfig())
        #expect(s.steps == [ScenarioStep(line: 1, timing: .at(jiffies: 0), caption: "Hi")])
    }

    @Test func panelAliases() throws {
        for (word, panel) in [("cpus", Panel.cpus), ("gp", .gracePeriod), ("grace-period", .gracePeriod), ("wake-ups", .wakeups),
                              ("memory", .memory), ("events", .events)] {
            #expect(try parse("step at 0s\nlook \(word)").steps[0].look == panel)
        }
    }

    /// Policies the design plans but the engine lacks fire and change nothing; a typo is an error.
    @Test func plannedPoliciesFallBackGracefully() throws {
        for name in Scenario.plannedPolicies {
            let action = try parse("step at 0s\npolicy \(name)").steps[0].actions[0]
            if let p = ReclaimPolicyKind(rawValue: name) {
                #expect(action == .policy(p))
            } else {
                #expect(action == .unavailable("policy \(name)"))
            }
        }
        #expect(error("step at 0s\npolicy shrinkr") == "t.scenario:2: unknown policy `shrinkr` (one of: \(ReclaimPolicyKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    @Test func everyErrorNamesFileLineAndProblem() {
        let cases: [(String, String)] = [
            ("", "t.scenario: empty file: a scenario needs at least one step"),
            ("# only a comment\n\n", "t.scenario: empty file: a scenario needs at least one step"),
            ("title x\n", "t.scenario: no steps (add `step at 0s` with a caption)"),
            ("step at 0s\n  dance\n", "t.scenario:2: unknown step `dance` (expected one of: \(ScenarioParser.Keyword.all.joined(separator: ", ")))"),
            ("caption hi\n", "t.scenario:1: `caption` outside a step (start one with `step at 0s`, `step at +5s` or `step on cue`)"),
            ("step\n", "t.scenario:1: step needs a timing: `step at 12s`, `step at +5s` or `step on cue`"),
            ("step at 5\n", "t.scenario:1: bad time `5` (write 12s, 1.5s or 500ms, at most 1000000s)"),
            ("step at -5s\n", "t.scenario:1: bad time `-5s` (write 12s, 1.5s or 500ms, at most 1000000s)"),
            ("step at nans\n", "t.scenario:1: bad time `nans` (write 12s, 1.5s or 500ms, at most 1000000s)"),
            ("step at 1e9s\n", "t.scenario:1: bad time `1e9s` (write 12s, 1.5s or 500ms, at most 1000000s)"),
            ("step at 10s\nstep at 5s\n", "t.scenario:2: `at 5s` comes before the earlier `at` on line 1"),
            ("step at 0s\nworkload disco on\n", "t.scenario:2: unknown workload `disco` (one of: video, logging, build, idle, memhog, proactive)"),
            ("step at 0s\nworkload video maybe\n", "t.scenario:2: expected `on` or `off`, found `maybe`"),
            ("step at 0s\nworkload video\n", "t.scenario:2: write `workload NAME on` or `workload NAME off`"),
            ("step at 0s\nlazy yes\n", "t.scenario:2: expected `on` or `off`, found `yes`"),
            ("step at 0s\nspeed fast\n", "t.scenario:2: bad speed `fast` (a number from 0.001x to 10000x, e.g. `speed 2` or `speed 0.01`)"),
            ("step at 0s\nspeed 20000\n", "t.scenario:2: bad speed `20000` (a number from 0.001x to 10000x, e.g. `speed 2` or `speed 0.01`)"),
            ("step at 0s\nspeed 0\n", "t.scenario:2: bad speed `0` (a number from 0.001x to 10000x, e.g. `speed 2` or `speed 0.01`)"),
            ("step at 0s\npause now\n", "t.scenario:2: `pause` takes no argument"),
            ("step at 0s\nfocus cpu x\n", "t.scenario:2: write `focus cpu N` (or `focus off`)"),
            ("setup cpus 4\nstep at 0s\nfocus cpu 4\n", "t.scenario:3: no CPU 4: the setup has 4 CPUs (0...3)"),
            ("step at 0s\nlook kitchen\n", "t.scenario:2: unknown panel `kitchen` (cpus, gp, wakeups, memory, events, or none)"),
            ("step at 0s\ncaption\n", "t.scenario:2: caption needs text"),
            ("step at 0s\ncaption a\ncaption b\n", "t.scenario:3: a second caption in the step of line 1"),
            ("step at 0s\nnote a\nnote b\n", "t.scenario:3: a second note in the step of line 1"),
            ("setup cpus 0\nstep at 0s\n", "t.scenario:1: bad number of CPUs `0` (1...4096)"),
            ("setup hz 99\nstep at 0s\n", "t.scenario:1: bad hz `99` (one of 100, 250, 300, 1000)"),
            ("setup seed -1\nstep at 0s\n", "t.scenario:1: bad seed `-1` (a whole number, 0 or more)"),
            ("setup colour red\nstep at 0s\n", "t.scenario:1: unknown setup item `colour` (cpus, hz, seed, workloads, lazy, policy)"),
            ("setup cpus 4,, hz 100\nstep at 0s\n", "t.scenario:1: setup needs items separated by commas, e.g. `setup cpus 8, hz 1000, seed 1, workloads idle, lazy on`"),
            ("setup workloads video disco\nstep at 0s\n", "t.scenario:1: unknown workload `disco` (one of: video, logging, build, idle, memhog, proactive, none)"),
            ("step at 0s\ntitle late\n", "t.scenario:2: title must come before the first step"),
            ("step at 0s\nsetup cpus 2\n", "t.scenario:2: setup must come before the first step"),
            ("step at 0s\ncaption a\u{07}b\n", "t.scenario:2: control character U+0007 in the line"),
            ("step at 0s\n" + String(repeating: "x", count: 1001) + "\n", "t.scenario:2: line longer than 1000 characters"),
        ]
        for (text, expected) in cases {
            #expect(error(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func binaryFilesAreRefused() {
        #expect(throws: ScenarioError(file: "t.scenario", line: nil, problem: "binary file (contains NUL bytes), not a scenario")) {
            try ScenarioParser.parse([0x73, 0x00, 0x74], file: "t.scenario", name: "t")
        }
        #expect(throws: ScenarioError(file: "t.scenario", line: nil, problem: "binary file (not UTF-8 text), not a scenario")) {
            try ScenarioParser.parse([0x73, 0xFF, 0xFE, 0x74], file: "t.scenario", name: "t")
        }
    }

    /// The caption must fit 80 columns after `step N/M  ` (M = the file's step count), and the
    /// error points at the caption's line, not the step's.
    @Test func captionsLongerThanTheBarAreRefusedAtTheirLine() throws {
        // One step: the counter is "step 1/1  " (10 columns), so 70 characters fit and 71 do not.
        let fits = String(repeating: "a", count: 70)
        #expect(try parse("step at 0s\n  look cpus\n  caption \(fits)\n").steps[0].caption == fits)
        #expect(error("step at 0s\n  look cpus\n  caption \(fits)b\n")
                == "t.scenario:3: caption too long: 1 characters over 80 columns with the step counter (at most 70)")
        // Ten steps: "step  1/10  " is 12 columns, so the same 70 characters are now 2 too many.
        let ten = (0..<9).map { _ in "step on cue\n" }.joined()
        #expect(error("step at 0s\ncaption \(fits)\n" + ten)
                == "t.scenario:2: caption too long: 2 characters over 80 columns with the step counter (at most 68)")
        // The note shares its row with `look: grace period  ` (20 columns).
        #expect(error("step at 0s\nnote \(String(repeating: "n", count: 61))\nlook gp\n")
                == "t.scenario:2: note too long: 1 characters over 80 columns with `look`")
    }

    /// One cell per character: a wide (CJK, emoji) character in a caption or note is refused at
    /// its line instead of being drawn as `?` on stage.
    @Test func wideCharactersInCaptionsAreRefusedAtTheirLine() throws {
        #expect(error("step at 0s\n  caption 遅延RCU\n") == "t.scenario:2: caption has a wide character `遅` (CJK or emoji take two cells; rcutop draws one cell per character)")
        #expect(error("step at 0s\n  caption ok\n  note 🚀 go\n") == "t.scenario:3: note has a wide character `🚀` (CJK or emoji take two cells; rcutop draws one cell per character)")
        #expect(try parse("step at 0s\n  caption café — naïve ±5 µs\n").steps[0].caption == "café — naïve ±5 µs")
    }

    @Test func timesConvertToJiffiesAtTheSetupHZ() throws {
        let s = try parse("setup hz 100\nstep at 1.234s\nstep at +20ms\nstep at 3s\n")
        #expect(s.steps.map(\.timing) == [.at(jiffies: 123), .after(jiffies: 2), .at(jiffies: 300)])
    }
}
