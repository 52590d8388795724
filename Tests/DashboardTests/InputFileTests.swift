import Foundation
import Testing
import RCUEngine
@testable import Dashboard

/// Theme and scenario files as editors and shells hand them over: a UTF-8 byte order mark
/// first, `/dev/null`, a pipe.
@Suite struct InputFileTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test func themeStartingWithAByteOrderMarkParses() throws {
        let text = "theme[main_bg]=\"#102030\"\r\ntheme[title]=\"255 0 0\"\r\n"
        let withBOM = try ThemeFile.parse(Self.bom + Array(text.utf8), file: "bom.theme", name: "bom")
        let without = try ThemeFile.parse(Array(text.utf8), file: "plain.theme", name: "bom")
        #expect(withBOM == without)
        #expect(withBOM.keysSet.count == 2)
        // A BOM on the first key's line leaves line numbers alone.
        #expect(throws: ThemeError(file: "bom.theme", line: 2, problem: "expected = after theme[title]")) {
            try ThemeFile.parse(Self.bom + Array("theme[main_bg]=\"#102030\"\ntheme[title] \"x\"\n".utf8), file: "bom.theme", name: "bom")
        }
        // Only a leading BOM is dropped: a BOM alone is still an empty theme.
        #expect(throws: ThemeError(file: "bom.theme", line: nil, problem: "empty theme: no theme[key]=\"value\" lines")) {
            try ThemeFile.parse(Self.bom, file: "bom.theme", name: "bom")
        }
    }

    @Test func scenarioStartingWithAByteOrderMarkParses() throws {
        let text = "title BOM\nsetup cpus 4\nstep at 0s\n  caption hello\n"
        let withBOM = try ScenarioParser.parse(Self.bom + Array(text.utf8), file: "b.scenario", name: "b")
        let without = try ScenarioParser.parse(Array(text.utf8), file: "b.scenario", name: "b")
        #expect(withBOM == without)
        #expect(withBOM.title == "BOM")
        #expect(withBOM.config.cpuCount == 4)
    }

    @Test func devNullThemeIsEmptyNotUnreadable() {
        #expect(throws: ThemeError(file: "/dev/null", line: nil, problem: "is empty (a character device, not a regular file)")) {
            try ThemeStore.loadFile("/dev/null", name: "null")
        }
        #expect(throws: ThemeError(file: "/dev/null", line: nil, problem: "is empty (a character device, not a regular file)")) {
            try ThemeStore(searchPaths: []).load("/dev/null")
        }
    }

    @Test func devNullScenarioIsEmptyNotUnreadable() {
        #expect(throws: ScenarioError(file: "/dev/null", line: nil, problem: "is empty (a character device, not a regular file)")) {
            try ScenarioStore.loadFile("/dev/null", name: "null")
        }
    }

    /// `/dev/zero` is read up to the cap, not forever, and is binary.
    @Test func devZeroThemeIsBinaryNotAHang() {
        do {
            _ = try ThemeStore.loadFile("/dev/zero", name: "zero")
            Issue.record("/dev/zero loaded as a theme")
        } catch {
            #expect(error.problem.contains("binary content"))
        }
    }

    /// A pipe (as `--theme <(cat file)` gives) is read like a file.
    @Test func themeFromAPipeLoads() throws {
        let dir = NSTemporaryDirectory() + "rcutop-inputfile-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/theme.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            let text = Array("theme[main_bg]=\"#000000\"\n".utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let theme = try ThemeStore.loadFile(fifo, name: "piped")
        #expect(theme.name == "piped")
    }
}
