import Foundation
import Testing
@testable import Dashboard

/// asciinema v2 lines: every one parses as JSON; the header is valid; bytes come back intact.
@Suite struct CastWriterTests {
    func json(_ line: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
    }

    @Test func headerIsValidAsciinemaV2() throws {
        let line = CastWriter.header(width: 80, height: 24, timestamp: 1_796_314_855, term: "xterm-256color", shell: "/bin/bash", title: "a \"talk\"")
        #expect(line == #"{"version": 2, "width": 80, "height": 24, "timestamp": 1796314855, "title": "a \"talk\"", "env": {"SHELL": "/bin/bash", "TERM": "xterm-256color"}}"#)
        let o = try #require(json(line) as? [String: Any])
        #expect(o["version"] as? Int == 2)
        #expect(o["width"] as? Int == 80 && o["height"] as? Int == 24)
        #expect((o["env"] as? [String: String])?["TERM"] == "xterm-256color")
        #expect(json(CastWriter.header(width: 0, height: 0, timestamp: 0, term: nil, shell: nil)) != nil)
    }

    @Test func resizeEventIsAnAsciinemaRLine() throws {
        let line = CastWriter.resize(at: 2.5, width: 120, height: 40)
        #expect(line == #"[2.500000, "r", "120x40"]"#)
        let a = try #require(json(line) as? [Any])
        #expect(a.count == 3 && a[1] as? String == "r" && a[2] as? String == "120x40")
    }

    @Test func eventsEscapeControlsAndEscapeSequences() throws {
        var w = CastWriter()
        let bytes = Array("\u{1B}[1;1H\u{1B}[38;2;1;2;3mé\"\\\t\r\n\u{7}\u{7F}".utf8)
        let event = w.event(at: 1.5, bytes)
        let line = try #require(event)
        #expect(line == #"[1.500000, "o", "\u001b[1;1H\u001b[38;2;1;2;3mé\"\\\t\r\n\u0007\u007f"]"#)
        let a = try #require(json(line) as? [Any])
        #expect(a.count == 3 && a[1] as? String == "o")
        #expect((a[2] as? String).map { Array($0.utf8) } == bytes)
    }

    @Test func aCharacterSplitAcrossWritesStaysWhole() throws {
        var w = CastWriter()
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        #expect(w.event(at: 0, [0x61, euro[0]]) == #"[0.000000, "o", "a"]"#)
        #expect(w.event(at: 0.1, [euro[1]]) == nil)
        #expect(w.event(at: 0.2, [euro[2], 0x62]) == #"[0.200000, "o", "€b"]"#)
        #expect(w.pending == [])
    }

    @Test func invalidBytesBecomeReplacementCharacters() throws {
        var w = CastWriter()
        let event = w.event(at: 2, [0x61, 0xFF, 0xC0, 0x80, 0x62])
        let line = try #require(event)
        #expect(json(line) != nil)
        #expect(w.event(at: 3, [0xF0, 0x9F]) == nil)
        let finished = w.finish(at: 4)
        let tail = try #require(finished)
        #expect(json(tail) != nil && tail.contains("\u{FFFD}"))
    }

    /// Random byte soup, cut into random writes: every line is JSON, and valid input round-trips.
    @Test func everyLineOfRandomOutputParses() throws {
        var rng = FuzzTests.SplitMix64(state: 0xCA57)
        var w = CastWriter()
        var lines = [CastWriter.header(width: 100, height: 30, timestamp: 0, term: "xterm", shell: "/bin/sh")]
        for i in 0..<2000 {
            let n = Int(rng.next() % 40)
            let chunk = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if let l = w.event(at: Double(i) / 10, chunk) { lines.append(l) }
        }
        if let l = w.finish(at: 999) { lines.append(l) }
        for l in lines { #expect(json(l) != nil, "\(l)") }

        var v = CastWriter()
        let text = "ESC \u{1B}[0m ● ⣿ 😀 done"
        var out = ""
        for (i, b) in Array(text.utf8).enumerated() {
            if let l = v.event(at: Double(i), [b]), let a = json(l) as? [Any], let s = a[2] as? String { out += s }
        }
        #expect(out == text)
    }
}
