import Foundation
import Testing

/// Odd terminals and locales (issue 5 item 3).
@Suite struct TerminalVariantTests {
    @Test(arguments: ["vt100", "linux", "screen", "xterm", "tmux-256color"])
    func runsAndQuitsUnder(term: String) throws {
        let session = try TmuxSession(term: term, width: 80, height: 24)
        defer { session.close() }
        #expect(session.waitForScreen(containing: "rcutop") != nil, "TERM=\(term): no header")
        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0, "TERM=\(term)")
        #expect(report.ttyIsSane, "TERM=\(term): \(report)")
    }

    /// No cursor addressing, or no TERM at all: one clear line, non-zero exit, tty untouched.
    @Test(arguments: [("dumb", "cannot move the cursor"), ("", "TERM is not set")])
    func refusesAnUnusableTerminal(term: String, message: String) throws {
        let session = try TmuxSession(term: term, width: 100, height: 24)
        defer { session.close() }
        let report = try #require(session.waitForExit())
        #expect(report.status == 1, "TERM=\(term)")
        #expect(report.ttyIsSane, "TERM=\(term): \(report)")
        let screen = session.capture(history: true)
        #expect(screen.contains("rcutop: ") && screen.contains(message), "TERM=\(term):\n\(screen)")
        #expect(!screen.contains("Error opening terminal"))
    }

    @Test func unsetTermIsRefusedClearly() throws {
        let session = try TmuxSession(term: nil)
        defer { session.close() }
        let report = try #require(session.waitForExit())
        #expect(report.status == 1)
        #expect(report.ttyIsSane, "\(report)")
        #expect(session.capture(history: true).contains("rcutop: TERM is not set"))
    }

    /// No terminfo entry: fall back to a known entry, say so in one line, and run.
    @Test func unknownTermFallsBackWithAWarning() throws {
        let session = try TmuxSession(term: "nonexistent-term", width: 100, height: 24)
        defer { session.close() }
        #expect(session.waitForScreen(containing: "rcutop") != nil)
        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")
        let screen = session.capture(history: true)
        #expect(screen.contains("no terminfo entry for TERM=nonexistent-term; using xterm-256color"), "\(screen)")
        #expect(!screen.contains("Error opening terminal"))
    }

    /// LANG=C: nothing but ASCII reaches the screen.
    @Test func asciiOnlyUnderLangC() throws {
        let session = try TmuxSession(lang: "C", width: 100, height: 30)
        defer { session.close() }
        let screen = try #require(session.waitForScreen(containing: "rcutop"))
        usleep(300_000)
        let later = session.capture()
        let nonASCII = (screen + later).unicodeScalars.filter { $0.value > 0x7E || ($0.value < 0x20 && $0 != "\n") }
        #expect(nonASCII.isEmpty, "non-ASCII on screen: \(Array(Set(nonASCII.map { String($0) })).sorted())")
        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }

    /// NO_COLOR=1: no colour SGR parameters at all (bold / reverse / underline are fine).
    @Test func noColorMeansNoColourSequences() throws {
        let session = try TmuxSession(environment: ["NO_COLOR": "1"])
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        usleep(300_000)
        let screen = session.capture(escapes: true)
        let colours = colourParameters(in: screen)
        #expect(colours.isEmpty, "colour SGR parameters with NO_COLOR=1: \(colours)")
        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }
}

/// SGR parameters that set a colour (30-38, 40-48, 90-97, 100-107; 39/49 reset to default).
func colourParameters(in text: String) -> [String] {
    var found: [String] = []
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
        if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
            var j = i + 2
            var parameters = ""
            while j < scalars.count, !(0x40...0x7E).contains(scalars[j].value) {
                parameters.unicodeScalars.append(scalars[j]); j += 1
            }
            if j < scalars.count, scalars[j] == "m" {
                let fields = parameters.split(separator: ";").compactMap { Int($0) }
                var k = 0
                while k < fields.count {
                    let p = fields[k]
                    if (30...38).contains(p) || (40...48).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                        found.append(parameters)
                        break
                    }
                    k += 1
                }
            }
            i = j
        }
        i += 1
    }
    return found
}
