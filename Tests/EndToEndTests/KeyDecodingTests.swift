import Foundation
import Testing

/// Home / End / F1 work whatever the terminal sends for them (issue 5 item 3): the raw byte
/// sequences of xterm (normal and application mode), screen/tmux, rxvt and the Linux console,
/// under terminfo entries that know only some of them. `RCUTOP_SHOW_KEYS=1` makes rcutop show
/// each decoded key on its bottom row ("key home").
@Suite struct KeyDecodingTests {
    static let sequences: [(bytes: [UInt8], key: String)] = [
        ([0x1B, 0x5B, 0x48], "home"),              // ESC [ H
        ([0x1B, 0x4F, 0x48], "home"),              // ESC O H
        ([0x1B, 0x5B, 0x31, 0x7E], "home"),        // ESC [ 1 ~
        ([0x1B, 0x5B, 0x37, 0x7E], "home"),        // ESC [ 7 ~ (rxvt)
        ([0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x48], "home"),  // Ctrl+Home
        ([0x1B, 0x5B, 0x46], "end"),               // ESC [ F
        ([0x1B, 0x4F, 0x46], "end"),               // ESC O F
        ([0x1B, 0x5B, 0x34, 0x7E], "end"),         // ESC [ 4 ~
        ([0x1B, 0x4F, 0x50], "function(1)"),       // ESC O P
        ([0x1B, 0x5B, 0x31, 0x31, 0x7E], "function(1)"),  // ESC [ 1 1 ~
        ([0x1B, 0x5B, 0x5B, 0x41], "function(1)"), // ESC [ [ A (Linux console)
        ([0x1B, 0x5B, 0x41], "up"),
        ([0x1B, 0x4F, 0x42], "down"),
        ([0x1B, 0x5B, 0x35, 0x7E], "pageUp"),
        ([0x1B], "escape"),
        ([0xC3, 0xA9], "character(\"é\")"),
    ]

    @Test(arguments: ["xterm-256color", "screen", "linux"])
    func homeEndAndF1DecodeUnder(term: String) throws {
        let session = try TmuxSession(term: term, environment: ["RCUTOP_SHOW_KEYS": "1"], width: 80, height: 24)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        for (bytes, key) in Self.sequences {
            session.sendBytes(bytes)
            let shown = session.waitForScreen(timeoutSeconds: 3) { $0.contains("key \(key) ") }
            #expect(shown != nil, "TERM=\(term): \(bytes.map { String(format: "%02x", $0) }) did not decode to \(key)\n\(session.capture())")
            // A plain key in between, so two equal results in a row are told apart.
            session.sendKeys("z")
            _ = session.waitForScreen(timeoutSeconds: 3) { $0.contains("key character(\"z\")") }
        }
        // Named keys as tmux sends them for this TERM.
        for (name, key) in [("Home", "home"), ("End", "end"), ("F1", "function(1)")] {
            session.sendKeys(name)
            #expect(session.waitForScreen(timeoutSeconds: 3) { $0.contains("key \(key) ") } != nil, "TERM=\(term): \(name)")
            session.sendKeys("z")
            _ = session.waitForScreen(timeoutSeconds: 3) { $0.contains("key character(\"z\")") }
        }
        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }
}
