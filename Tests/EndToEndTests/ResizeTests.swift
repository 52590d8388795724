import Foundation
import Glibc
import Testing

/// Any size, and any number of resizes (issue 5 item 2).
@Suite struct ResizeTests {
    @Test func tooSmallScreenStillQuitsWithQ() throws {
        let session = try TmuxSession(width: 80, height: 24)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        session.resize(width: 20, height: 6)
        #expect(session.waitForScreen(timeoutSeconds: 3) { $0.lowercased().contains("too small") } != nil,
                "no \"too small\" screen at 20x6")
        #expect(session.programPID() != nil, "rcutop died at 20x6")
        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")
    }

    /// 120 resizes between 1x1 and 300x100 within a couple of seconds, then back to 80x24.
    @Test func resizeStormLeavesItAliveAndResponsive() throws {
        let session = try TmuxSession(width: 80, height: 24)
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        var generator = SplitMix(seed: 42)
        for _ in 0..<4 {
            var sizes: [(Int, Int)] = [(1, 1), (300, 100)]
            for _ in 0..<28 { sizes.append((1 + Int(generator.next() % 300), 1 + Int(generator.next() % 100))) }
            session.resizeStorm(sizes)
            usleep(150_000)
        }
        session.resize(width: 80, height: 24)
        #expect(session.waitForScreen(containing: "rcutop", timeoutSeconds: 5) != nil, "no redraw after the storm")
        #expect(session.programPID() != nil, "rcutop died in the resize storm")
        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")
    }
}

/// A tiny deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
