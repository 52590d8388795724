import Dashboard
import Foundation
import FoundationXML
import Glibc
import Testing

/// The stage features end to end (issue 6): a scenario driven with a clicker's keys, broken
/// scenario files, headless playback, `--record`, `e`, and mouse clicks.
@Suite struct StageTests {
    /// The repository's `scenarios/` folder (this file is Tests/EndToEndTests/StageTests.swift).
    static let scenariosFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios").path

    /// A shipped scenario, read with the Dashboard's own parser, so the test follows the file.
    static func shipped(_ name: String) throws -> Scenario {
        let path = "\(scenariosFolder)/\(name).scenario"
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        return try ScenarioParser.parse([UInt8](data), file: path, name: name)
    }

    static func counter(_ index: Int, of count: Int) -> String {
        let n = String(index + 1)
        return "step " + String(repeating: " ", count: max(0, String(count).count - n.count)) + n + "/\(count)"
    }

    /// PageDown walks the talk: each step's caption (and note) in turn at 80x24 with the
    /// projector theme; `b` and PageUp go back; `r` starts over.
    @Test func pageDownShowsEachCaptionInTurn() throws {
        let scenario = try Self.shipped("lazy-rcu-in-5-minutes")
        let steps = scenario.steps
        try #require(steps.count >= 3)
        // 0.1x: a timed step (`at +5s`) must not fire by itself while the test is pressing keys.
        let session = try TmuxSession(["--scenario", "lazy-rcu-in-5-minutes", "--theme", "projector", "--speed", "0.1"],
                                      width: 80, height: 24)
        defer { session.close() }

        func expectStep(_ index: Int, after key: String) {
            let step = steps[index]
            let counter = Self.counter(index, of: steps.count)
            let screen = session.waitForScreen(timeoutSeconds: 10) { screen in
                screen.contains(counter) && step.caption.map(screen.contains) ?? true
                    && step.note.map(screen.contains) ?? true
            }
            #expect(screen != nil, "after \(key): no `\(counter)  \(step.caption ?? "")` / `\(step.note ?? "")` on\n\(session.capture())")
        }

        // The first step fires at 0 s.
        if case .at(0) = steps[0].timing { expectStep(0, after: "start") }
        for index in 1..<steps.count {
            session.sendKeys("NPage")
            expectStep(index, after: "PageDown #\(index)")
        }
        session.sendKeys("b")
        expectStep(steps.count - 2, after: "b")
        session.sendKeys("PPage")
        expectStep(steps.count - 3, after: "PageUp")
        session.sendKeys("r")
        expectStep(0, after: "r")

        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")
    }

    /// A broken scenario file: one line naming the file and the line, exit 2, and the terminal
    /// never taken (it is refused before the screen).
    @Test(arguments: [
        ("title oops\nstep at 0s\n  caption fine\nstep on cue\n  dance now\n", 5, "dance"),
        ("title oops\nsetup cpus 8\nstep at 0s\n  speed fast\n", 4, "fast"),
        ("title oops\nstep at 1.5.5s\n  caption x\n", 2, "1.5.5s"),
    ])
    func badScenarioFileIsOneLineAndStatus2(text: String, line: Int, mentions: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rcutop-scenario-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/broken.scenario"
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        for arguments in [["--scenario", path], ["--headless", "--scenario", path]] {
            let result = spawnAndWait([rcutopBinary()] + arguments, timeoutSeconds: 10)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr.debugDescription)")
            #expect(result.stderr.hasPrefix("rcutop: \(path):\(line): "), "\(result.stderr)")
            #expect(result.stderr.contains(mentions), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }

        // On a terminal: the same line, and the tty as it was.
        let session = try TmuxSession(["--scenario", path], width: 80, height: 24)
        defer { session.close() }
        let report = try #require(session.waitForExit())
        #expect(report.status == 2)
        #expect(report.ttyIsSane, "\(report)")
        let screen = session.capture(history: true)
        #expect(screen.contains("\(path):\(line):"), "\(screen)")
        #expect(session.paneFormat("#{mouse_any_flag}") == "0")
    }

    @Test func unknownScenarioNameAndUnwritableRecordingAreRefusedBeforeTheScreen() throws {
        let missing = spawnAndWait([rcutopBinary(), "--scenario", "no-such-talk"], timeoutSeconds: 10)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("rcutop: no-such-talk: scenario not found"), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1)

        let session = try TmuxSession(["--record", "/nonexistent-folder/talk.cast"], width: 80, height: 24)
        defer { session.close() }
        let report = try #require(session.waitForExit())
        #expect(report.status == 2)
        #expect(report.ttyIsSane, "\(report)")
        #expect(session.capture(history: true).contains("rcutop: --record: cannot write /nonexistent-folder/talk.cast"))
    }

    /// A recording that fails mid-session (a full disk) is said on screen at once, again after
    /// the screen is back, and makes the exit status 1: a speaker must not lose it silently.
    @Test func recordingThatFailsIsShownAndExitsOne() throws {
        let session = try TmuxSession(["--record", "/dev/full"], width: 80, height: 24)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "recording stopped: writing /dev/full") != nil)
        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 1)
        #expect(report.ttyIsSane, "\(report)")
        #expect(session.capture(history: true).contains("rcutop: --record: writing /dev/full"))
    }

    /// `--headless --scenario` twice: the same bytes; a record per second plus the summary.
    @Test func headlessScenarioGivesTheSameRecordsEveryRun() throws {
        let first = spawnAndWait([rcutopBinary(), "--headless", "--scenario", "hurry-callbacks"], timeoutSeconds: 30)
        let second = spawnAndWait([rcutopBinary(), "--headless", "--scenario", "hurry-callbacks"], timeoutSeconds: 30)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(first.stdout == second.stdout)
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count > 10, "only \(lines.count) records")
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
        // --duration caps the script.
        let capped = spawnAndWait([rcutopBinary(), "--headless", "--scenario", "hurry-callbacks", "--duration", "3"])
        #expect(capped.status == 0, "\(capped.stderr)")
        #expect(capped.stdout.split(separator: "\n").count == 4, "\(capped.stdout)")
        #expect(first.stdout.hasPrefix(capped.stdout.split(separator: "\n").prefix(3).joined(separator: "\n")))
    }

    /// `--record FILE.cast`: JSON lines, a v2 header with the size, output events that draw the screen.
    @Test func recordWritesAnAsciinemaV2File() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rcutop-cast-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/talk.cast"
        let session = try TmuxSession(["--record", path, "--scenario", "hurry-callbacks"], width: 80, height: 24)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "step ") != nil)
        usleep(500_000)
        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()  // ends in a newline
        #expect(text.hasSuffix("\n"))
        try #require(lines.count >= 3, "\(text)")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80)
        #expect(header["height"] as? Int == 24)
        #expect(header["timestamp"] as? Int != nil)
        var output = ""
        var lastTime = 0.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], "not a JSON array: \(line)")
            try #require(event.count == 3)
            let time = try #require(event[0] as? Double)
            #expect(time >= lastTime, "events out of order")
            lastTime = time
            #expect(event[1] as? String == "o")
            output += try #require(event[2] as? String)
        }
        #expect(output.contains("rcutop"), "the header text is not in the recording")
        #expect(output.contains("step "), "the caption bar is not in the recording")
        #expect(output.hasPrefix("\u{1B}[?1049h"))
        #expect(output.hasSuffix("\u{1B}[?1049l"))
    }

    /// `e`: the screen as rcutop-*.txt and a well-formed .svg in the current folder; the event
    /// log says where.
    @Test func exportWritesTextAndSVG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rcutop-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(["--scenario", "kfree-rcu-batching"], width: 80, height: 24, workingDirectory: folder)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        session.sendKeys("e")
        let screen = session.waitForScreen(containing: "screen saved to")
        #expect(screen != nil, "no message after e:\n\(session.capture())")

        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let txt = try #require(files.first { $0.hasPrefix("rcutop-") && $0.hasSuffix(".txt") }, "\(files)")
        let svg = try #require(files.first { $0.hasPrefix("rcutop-") && $0.hasSuffix(".svg") }, "\(files)")
        #expect(txt.dropLast(4) == svg.dropLast(4))
        let text = try String(contentsOfFile: "\(folder)/\(txt)", encoding: .utf8)
        #expect(text.contains("rcutop"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 25)  // 24 rows, each ending in \n
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(svg)")))
        #expect(parser.parse(), "SVG is not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")")

        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }

    /// A click on a workload's name in the header toggles it. tmux's `send-keys -M` needs an
    /// attached client, so the test types what xterm sends for a button-1 press and release in
    /// SGR mode (`ESC[<0;X;YM`, `ESC[<0;X;Ym`, 1-based), which ncurses decodes as KEY_MOUSE.
    @Test func clickOnAWorkloadNameTogglesIt() throws {
        let session = try TmuxSession(["--workload", "video"], width: 100, height: 30)
        defer { session.close() }
        let screen = try #require(session.waitForScreen(containing: "2logging"))
        #expect(session.paneFormat("#{mouse_any_flag}") == "1", "mouse reporting is not on")
        let header = try #require(screen.split(separator: "\n").first)
        let before = try #require(header.range(of: "2logging"))
        let column = header.distance(from: header.startIndex, to: before.lowerBound) + 3  // on the "l", 1-based
        session.sendBytes(Array("\u{1B}[<0;\(column);1M".utf8))
        session.sendBytes(Array("\u{1B}[<0;\(column);1m".utf8))
        #expect(session.waitForScreen(containing: "workload logging on") != nil,
                "the click did not start logging:\n\(session.capture())")

        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")
        #expect(session.paneFormat("#{mouse_any_flag}") == "0", "mouse reporting left on after exit")
    }

    /// `--no-mouse`: the terminal keeps the mouse (text can be selected).
    @Test func noMouseLeavesTheMouseAlone() throws {
        let session = try TmuxSession(["--no-mouse"], width: 100, height: 30)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        #expect(session.paneFormat("#{mouse_any_flag}") == "0")
        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }
}
