import Foundation
import Testing
import RCUEngine
@testable import Dashboard

/// Fixture snapshots rendered at the sizes people use: panels present, values shown, nothing
/// drawn outside, a clean "too small" screen below 80x24.
@Suite struct ViewScreenTests {
    static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]

    func render(_ snapshot: Snapshot, state: AppState = AppState(), theme: Theme = .builtIn,
                glyphs: GlyphSet = .unicode, _ w: Int, _ h: Int) -> ScreenBuffer {
        DashboardView.render(snapshot: snapshot, state: state, theme: theme, glyphs: glyphs, width: w, height: h)
    }
    func render(state: AppState = AppState(), theme: Theme = .builtIn, glyphs: GlyphSet = .unicode, _ w: Int, _ h: Int) -> ScreenBuffer {
        render(SnapshotFixtures.video(), state: state, theme: theme, glyphs: glyphs, w, h)
    }

    @Test(arguments: sizes)
    func everyPanelIsPresent(size: (Int, Int)) {
        let b = render(size.0, size.1)
        #expect(b.width == size.0 && b.height == size.1)
        for title in ["CPUs", "grace period", "wake-ups/s", "memory", "events"] { #expect(b.contains("─ " + title) || b.contains("┌ " + title), "\(title)\n\(b)") }
        #expect(b.text(row: 0).contains("rcutop"))
        #expect(b.text(row: size.1 - 1).hasPrefix("q quit  ? help  space pause"))
    }

    @Test(arguments: sizes)
    func headerShowsTimeSpeedLazyAndWorkloads(size: (Int, Int)) {
        let header = render(size.0, size.1).text(row: 0)
        for text in ["t=12.345s", "1x", "LAZY ON", "video", "logging", "build", "idle", "shrinker"] {
            #expect(header.contains(text), "\(text) in \(header)")
        }
        #expect(header.contains("1000"))
        #expect(header.contains("8 CPUs") || header.contains("8cpu"))
    }

    @Test func headerSaysPausedAndLazyOff() {
        let b = render(SnapshotFixtures.video(lazy: false), state: AppState(speed: 0.001, isPaused: true), 80, 24)
        let header = b.text(row: 0)
        #expect(header.contains("PAUSED"))
        #expect(header.contains("0.001x"))
        #expect(header.contains("LAZY OFF"))
    }

    @Test(arguments: sizes)
    func valuesOfTheSnapshotAreShown(size: (Int, Int)) {
        let b = render(size.0, size.1)
        // At 80 columns the memory panel writes "1.2M (819K lazy)" to keep a row for stalls.
        let waiting = size.0 == 80 ? ["1.2M (819K lazy)", "stalls   0 stalls, 0 OOM"] : ["1.2 MiB", "819 KiB"]
        for text in waiting + ["-1187", "WAIT_FQS", "12 ms", "12.3 MiB", "RCU 27/s", "GP kthread",
                     "t=11.001", size.0 == 80 ? "CPU 3: lazy timer flushed 212 cbs" : "lazy flush on CPU 3"] {
            #expect(b.contains(text), "\(text) at \(size)\n\(b)")
        }
        // CPU 4's row: idle, DONE 2 WAIT 0 NEXT_READY 2 NEXT 0, bypass 237 all lazy.
        #expect(b.lines.contains { $0.contains("  4 idle") && $0.contains("237  ") || $0.contains(" 237   237") }, "\(b)")
    }

    @Test func wideScreenUsesTheRoom() {
        let small = render(80, 24), big = render(200, 60)
        func count(_ b: ScreenBuffer, _ ch: Character) -> Int { b.cells.filter { $0.character == ch }.count }
        #expect(count(big, "█") > count(small, "█"))
        // Every event fits at 200x60, none wrapped.
        #expect(big.contains("t=6.100 video playback started: a frame every 16.6 ms"))
        #expect(big.contains("RCU_GP_WAIT_FQS"))
    }

    @Test func manyCPUsBecomeAHeatMap() {
        let b = render(SnapshotFixtures.video(cpus: 64), 80, 24)
        #expect(b.contains("64 CPUs"))
        #expect(b.contains("1 cell = 1 CPU"))
        #expect(b.contains(" all ") || b.contains("│all "))
        let huge = render(SnapshotFixtures.video(cpus: 4096), 120, 40)
        #expect(huge.contains("4096 CPUs"))
        #expect(huge.contains("1 cell = 3 CPUs"))
    }

    @Test(arguments: [(8, 80, 24), (64, 120, 40), (4096, 200, 60), (4096, 80, 24)])
    func asciiGlyphsDrawOnlyASCII(cpus: Int, w: Int, h: Int) {
        var state = AppState(); state.showHelp = cpus == 64
        let b = render(SnapshotFixtures.video(cpus: cpus), state: state, glyphs: .ascii, w, h)
        #expect(nonASCII(b).isEmpty, "\(Set(nonASCII(b)))\n\(b)")
        #expect(b.contains("+ CPUs"))
    }

    @Test(arguments: [(10, 3), (1, 1), (79, 23), (79, 100), (300, 23), (0, 0), (2, 40), (40, 1)])
    func tooSmallSaysSoCleanly(w: Int, h: Int) {
        let b = render(w, h)
        #expect(b.width == w && b.height == h)
        #expect(!b.contains("┌"))
        let text = b.lines.joined(separator: "\n")
        if w >= 42 && h >= 2 { #expect(text.contains("terminal too small: need 80x24, have \(w)x\(h)")) }
        if w >= 7 && h >= 2 { #expect(text.contains("q quit")) }
        if w > 0 && h > 0 { #expect(!text.allSatisfy { $0 == " " || $0 == "\n" }) }
    }

    @Test func tooSmallAt10x3() {
        assertScreen(render(10, 3), ScreenBuffer(lines: ["too small ", "need 80x24", " q quits  "]))
    }

    @Test func tooSmallAt1x1() {
        assertScreen(render(1, 1), ScreenBuffer(lines: ["!"]))
    }

    @Test func tooSmallAt79x23() {
        let b = render(79, 23)
        #expect(b.text(row: 10).contains("terminal too small: need 80x24, have 79x23"))
        #expect(b.text(row: 11).contains("q quits"))
    }

    @Test func exactly80x24IsNotTooSmall() {
        #expect(!render(80, 24).contains("too small"))
    }

    @Test func helpOverlayListsTheKeysAndWhatWeSee() {
        let b = render(state: AppState(showHelp: true), 80, 24)
        for text in ["help", "quit", "pause", "lazy RCU on/off", "What you see", "bypass list"] {
            #expect(b.contains(text), "\(text)\n\(b)")
        }
    }

    @Test func themeFailureMessageShowsInTheEventLog() {
        var state = AppState(themeName: "bad", themeNames: ["default", "bad"])
        _ = reduce(&state, .themeFailed("bad.theme:3: bad colour"))
        let b = render(state: state, 100, 30)
        #expect(b.contains("! theme bad skipped: bad.theme:3: bad colour"), "\(b)")
    }

    @Test func selectedPanelTitleUsesTheSelectedStyle() {
        let b = render(state: AppState(selectedPanel: .memory), 100, 30)
        let row = b.lines.firstIndex { $0.contains("┌ memory") }!
        let x = Array(b.lines[row]).firstIndex(of: "m")!
        #expect(b[x, row].style == Theme.builtIn.selected)
    }

    @Test func zoomShowsOnePanelWithBigDigits() {
        let b = render(state: AppState(selectedPanel: .wakeups, isZoomed: true), 100, 30)
        #expect(b.contains("RCU wake-ups in the last second"))
        #expect(!b.contains("┌ memory"))
        #expect(b.contains("███"))
    }

    @Test func emptySnapshotRendersWithoutHistory() {
        var empty = SnapshotFixtures.empty()
        empty.recentEvents = []   // the engine logs the start-up workload at t=0
        let b = render(empty, 80, 24)
        #expect(b.contains("nothing yet"))
        #expect(b.contains("no history yet"))
    }

    @Test func renderingIsDeterministic() {
        #expect(render(120, 40) == render(120, 40))
    }

    @Test func monoThemeTellsSegmentsApartByGlyph() {
        let b = render(theme: Theme.builtIn.withoutColor(), 120, 40)
        // Shade patterns, lazy the lightest; no letters in the bars.
        #expect(b.contains("░░░"))
        #expect(b.contains("▓"))
        #expect(!b.contains("zzz"))
    }

    /// The golden screen at 100x30 (Screens/GoldenScreens.swift).
    @Test func goldenScreen100x30() throws {
        let actual = render(100, 30)
        if ProcessInfo.processInfo.environment["RCUTOP_RECORD"] != nil {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens/GoldenScreens.swift")
            let file = try String(contentsOf: url, encoding: .utf8)
            let head = file.components(separatedBy: "#\"\"\"\n")[0]
            let tail = file.components(separatedBy: "\n\"\"\"#")[1]
            try (head + "#\"\"\"\n" + actual.lines.joined(separator: "\n") + "\n\"\"\"#" + tail).write(to: url, atomically: true, encoding: .utf8)
        }
        assertScreen(actual, ScreenBuffer(lines: GoldenScreens.video8cpu100x30.components(separatedBy: "\n")))
    }
}
