import Testing
@testable import Dashboard

@Suite struct FormatTests {
    @Test func fixedRoundsAndPads() {
        #expect(Format.fixed(12.3456, decimals: 3) == "12.346")
        #expect(Format.fixed(0.5, decimals: 0) == "1")
        #expect(Format.fixed(-1.25, decimals: 1) == "-1.3")
        #expect(Format.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(Format.fixed(3, decimals: 2) == "3.00")
        #expect(Format.fixed(.nan, decimals: 2) == "nan")
        #expect(Format.fixed(1e300, decimals: 2) == "huge")
    }

    @Test func timeAndSpeed() {
        #expect(Format.time(12.345) == "t=12.345s")
        #expect(Format.speed(1) == "1x")
        #expect(Format.speed(0.01) == "0.01x")
        #expect(Format.speed(0.25) == "0.25x")
        #expect(Format.speed(0.001) == "0.001x")
        #expect(Format.speed(10000) == "10000x")
    }

    @Test func bytesInHumanUnits() {
        #expect(Format.bytes(0) == "0 B")
        #expect(Format.bytes(1023) == "1023 B")
        #expect(Format.bytes(1536) == "1.5 KiB")
        #expect(Format.bytes(838_860) == "819.2 KiB" || Format.bytes(838_860) == "819 KiB")
        #expect(Format.bytes(12_897_484) == "12.3 MiB")
        #expect(Format.bytes(4 << 30) == "4.0 GiB")
        #expect(Format.bytes(UInt64.max) == "16.0 EiB")
    }

    @Test func countsFitTheirWidth() {
        #expect(Format.count(9999, width: 4) == "9999")
        #expect(Format.count(12345, width: 4) == "12k")
        #expect(Format.count(1234, width: 3) == "1k")
        #expect(Format.count(1_500_000, width: 4) == "1.5M")
        #expect(Format.count(UInt64.max, width: 4) == "18E")
        #expect(Format.count(-5, width: 4) == "-5")
        for v in [0, 9, 99_999, 123_456_789, Int.max] { #expect(Format.count(v, width: 4).count <= 4, "\(v)") }
    }

    @Test func wrapBreaksAtWordsAndIndents() {
        #expect(Format.wrap("aa bb cc dd", width: 5, indent: 1) == ["aa bb", " cc", " dd"])
        #expect(Format.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(Format.wrap("", width: 4) == [""])
        #expect(Format.wrap("x", width: 0) == [])
    }

    @Test func replacingOccurrences() {
        #expect("lazy timer".replacingOccurrences("timer", "tmr") == "lazy tmr")
        #expect("a\"b".replacingOccurrences("\"", "\"\"") == "a\"\"b")
    }
}
