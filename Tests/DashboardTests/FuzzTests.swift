import Foundation
import Testing
import RCUEngine
@testable import Dashboard

/// Deterministic random input (issue 5, item 5): bytes through KeyDecoder + KeyMap + reduce, and
/// mutated theme files through the parser. Passing means: no trap, and the properties below.
@Suite struct FuzzTests {
    /// SplitMix64: a seeded, portable generator (tests must give the same bytes everywhere).
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random bytes biased toward the interesting ones (ESC, [, O, digits, ~, UTF-8 leads).
    static func bytes(count: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(state: seed)
        let interesting: [UInt8] = [0x1B, 0x5B, 0x4F, 0x7E, 0x3B, 0x3C, 0x4D, 0x31, 0x35, 0x36, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0xC3, 0x71, 0x20]
        return (0..<count).map { _ in
            let r = rng.next()
            return r % 3 == 0 ? interesting[Int((r >> 8) % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: r >> 16)
        }
    }

    @Test func aMillionRandomBytesThroughDecoderKeyMapAndReduce() {
        let input = FuzzTests.bytes(count: 1_000_000, seed: 0x5EED)
        var rng = SplitMix64(state: 42)
        var decoder = KeyDecoder()
        var state = AppState(themeNames: ["default", "light", "mono"])
        var keyCount = 0, effects = 0
        var i = 0
        while i < input.count {
            let n = Int(rng.next() % 64) + 1
            let chunk = Array(input[i..<min(input.count, i + n)])
            i += n
            var keys = decoder.feed(chunk)
            if rng.next() % 8 == 0 { keys += decoder.flush() }
            for key in keys {
                keyCount += 1
                guard let command = KeyMap.command(for: key) else { continue }
                effects += reduce(&state, command).count
                if case .nextTheme = command, rng.next() % 2 == 0 { _ = reduce(&state, .themeFailed("fuzz")) }
            }
            #expect(decoder.pending.count <= KeyDecoder.maximumSequence + 4)
        }
        _ = decoder.flush()
        #expect(keyCount > 100_000)
        #expect(effects > 1000)
        #expect(AppState.speedSteps.contains(state.speed))
        #expect(state.themeNames.contains(state.themeName))
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func feedingInPiecesGivesTheSameKeysAsOneDecode(seed: UInt64) {
        let input = FuzzTests.bytes(count: 20_000, seed: seed)
        var rng = SplitMix64(state: seed &* 31)
        var decoder = KeyDecoder()
        var pieces: [Key] = []
        var i = 0
        while i < input.count {
            let n = Int(rng.next() % 9) + 1
            pieces += decoder.feed(Array(input[i..<min(input.count, i + n)]))
            i += n
        }
        pieces += decoder.flush()
        #expect(pieces == KeyDecoder.decode(input))
    }

    @Test func randomScreensNeverDrawOutside() {
        var rng = SplitMix64(state: 9)
        for _ in 0..<200 {
            let w = Int(rng.next() % 230), h = Int(rng.next() % 70)
            let cpus = [1, 8, 64, 4096][Int(rng.next() % 4)]
            var state = AppState(showHelp: rng.next() % 4 == 0, selectedPanel: Panel.allCases[Int(rng.next() % 5)], isZoomed: rng.next() % 4 == 0)
            state.message = rng.next() % 3 == 0 ? String(repeating: "long message ", count: Int(rng.next() % 20)) : nil
            let glyphs: GlyphSet = rng.next() % 2 == 0 ? .unicode : .ascii
            let b = DashboardView.render(snapshot: SnapshotFixtures.video(cpus: cpus), state: state, theme: .builtIn,
                                         glyphs: glyphs, width: w, height: h)
            #expect(b.width == w && b.height == h && b.cells.count == w * h)
            if glyphs == .ascii { #expect(nonASCII(b).isEmpty, "\(w)x\(h)") }
        }
    }

    /// Thousands of mutated copies of the shipped themes: each parses or fails with a line in range.
    @Test func mutatedThemeFilesNeverCrashTheParser() throws {
        var sources: [[UInt8]] = []
        for name in ThemeStoreTests.shipped {
            sources.append([UInt8](try #require(FileManager.default.contents(atPath: ThemeStoreTests.repoThemes + "/" + name + ".theme"))))
        }
        var rng = SplitMix64(state: 0xBADC0DE)
        let alphabet: [UInt8] = Array("\"#[]= \r\n\t0123456789abcdefgxyzAF;theme".utf8) + [0, 0xFF, 0xC3, 0xE2]
        var parsed = 0, failed = 0
        for _ in 0..<3000 {
            var bytes = sources[Int(rng.next() % UInt64(sources.count))]
            for _ in 0..<Int(rng.next() % 6) + 1 where !bytes.isEmpty {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 5 {
                case 0: bytes[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                case 3: bytes.removeSubrange(at...)
                default: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            do {
                _ = try ThemeFile.parse(bytes, file: "m.theme", name: "m")
                parsed += 1
            } catch {
                failed += 1
                if let line = error.line { #expect((1...lines).contains(line), "\(error)") }
                #expect(error.description.hasPrefix("m.theme"))
            }
        }
        #expect(parsed > 100 && failed > 100)
    }
}

/// Thousands of seeded mutations of a valid scenario through the parser: never a trap; an error
/// always has the form `FILE:LINE: problem` with a line inside the file, or `FILE: problem`.
@Suite struct ScenarioFuzzTests {
    static let base = Array("""
    # fuzz base
    title   Fuzz
    setup   cpus 8, hz 1000, seed 1, workloads idle, lazy on, policy shrinker
    step at 0s
      caption  An idle machine
      note     A note
      look     wakeups
    step on cue
      workload video on
      lazy off
      policy none
      speed 0.5
      focus cpu 3
      pause
    step at +1.5s
      resume
      caption  Later
    """.utf8)

    @Test func fiveThousandMutatedScenariosNeverTrap() {
        var rng = FuzzTests.SplitMix64(state: 0x5CE7A210)
        let words = (ScenarioParser.Keyword.all + ["at", "on", "cue", "+", "s", "ms", "off", "cpu", "\n", "\r\n", "#", ",", " ", "\u{0}", "\u{FF}", "é", "1e308", "-1", "99999999999999999999"])
            .map { Array($0.utf8) }
        var errors = 0
        for _ in 0..<5000 {
            var bytes = Self.base
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 5 {
                case 0: if !bytes.isEmpty { bytes.remove(at: at) }
                case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                case 2: bytes.insert(contentsOf: words[Int(rng.next() % UInt64(words.count))], at: at)
                case 3: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                default: bytes = Array(bytes.prefix(at))
                }
            }
            let lineCount = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            do {
                let s = try ScenarioParser.parse(bytes, file: "f", name: "f")
                #expect(!s.steps.isEmpty)
                // A parsed scenario also plays and draws without trapping.
                _ = ScenarioPlayer.headlessScript(s)
                let state = AppState(scenario: ScenarioPlayer(scenario: s))
                _ = DashboardView.render(snapshot: SnapshotFixtures.video(), state: state, theme: .builtIn, glyphs: .ascii, width: 80, height: 24)
            } catch {
                errors += 1
                let d = error.description
                #expect(d.hasPrefix("f: ") || d.hasPrefix("f:"), "\(d)")
                if let line = error.line { #expect(line >= 1 && line <= lineCount, "\(d)") }
            }
        }
        #expect(errors > 100 && errors < 5000, "the mutations reach both outcomes: \(errors) errors")
    }
}
