import Testing
@testable import Dashboard

@Suite struct KeyDecoderTests {
    func keys(_ s: String) -> [Key] { KeyDecoder.decode(Array(s.utf8)) }

    @Test(arguments: ["\u{1B}[H", "\u{1B}[1~", "\u{1B}OH", "\u{1B}[7~"])
    func homeInEveryForm(seq: String) { #expect(keys(seq) == [.home]) }

    @Test(arguments: ["\u{1B}[F", "\u{1B}[4~", "\u{1B}OF", "\u{1B}[8~"])
    func endInEveryForm(seq: String) { #expect(keys(seq) == [.end]) }

    @Test(arguments: ["\u{1B}OP", "\u{1B}[11~"])
    func f1InEveryForm(seq: String) { #expect(keys(seq) == [.function(1)]) }

    @Test func arrowsInBothForms() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}[1;5A") == [.up])
    }

    @Test func pageUpAndDown() {
        #expect(keys("\u{1B}[5~\u{1B}[6~") == [.pageUp, .pageDown])
    }

    @Test func functionKeysFiveToTwelve() {
        #expect(keys("\u{1B}[15~\u{1B}[17~\u{1B}[24~") == [.function(5), .function(6), .function(12)])
    }

    @Test func loneEscapeAtTheEndIsEscape() {
        #expect(keys("\u{1B}") == [.escape])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(keys("\u{1B}q") == [.escape, .character("q")])
    }

    @Test func escapeWaitsForMoreWhenStreaming() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]) == [])
        #expect(d.pending == [0x1B])
        #expect(d.feed(Array("[A".utf8)) == [.up])
        #expect(d.feed([0x1B]) == [])
        #expect(d.flush() == [.escape])
        #expect(d.pending.isEmpty)
    }

    @Test func utf8CharactersOfEveryLength() {
        #expect(keys("aé€😀") == [.character("a"), .character("é"), .character("€"), .character("😀")])
    }

    @Test func utf8SplitAcrossReadsIsJoined() {
        var d = KeyDecoder()
        let bytes = Array("€".utf8)
        #expect(d.feed(Array(bytes.prefix(1))) == [])
        #expect(d.feed(Array(bytes.dropFirst())) == [.character("€")])
    }

    @Test func invalidUTF8IsDropped() {
        #expect(KeyDecoder.decode([0xFF, 0x80, UInt8(ascii: "x"), 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xE2, 0x82]) == [.character("x")])
    }

    @Test func controlKeys() {
        #expect(KeyDecoder.decode([0x03, 0x0D, 0x09, 0x7F, 0x08, 0x0A]) == [.control("c"), .enter, .tab, .backspace, .backspace, .enter])
    }

    @Test func mouseClicksInSGRAndX10() {
        #expect(keys("\u{1B}[<0;5;3M") == [.mouseClick(x: 4, y: 2)])
        #expect(keys("\u{1B}[<0;5;3m") == [])
        #expect(KeyDecoder.decode([0x1B, 0x5B, 0x4D, 32, 33 + 10, 33 + 2]) == [.mouseClick(x: 10, y: 2)])
    }

    @Test func unknownSequencesAreDropped() {
        #expect(keys("\u{1B}[99~x\u{1B}[2~\u{1B}[Z") == [.character("x")])
    }

    @Test func overlongSequenceIsDropped() {
        let junk = "\u{1B}[" + String(repeating: "1;", count: 40) + "A" + "q"
        #expect(keys(junk).last == .character("q"))
    }

    @Test func decodedKeysDriveTheKeyMap() {
        let commands = keys("\u{1B}OP l1 ").compactMap(KeyMap.command(for:))
        #expect(commands == [.toggleHelp, .togglePause, .toggleLazy, .toggleWorkload(.video), .togglePause])
    }
}
