import Testing
import RCUEngine
@testable import Dashboard

/// What the numbers on screen say they are: per second or since start, GP counters, plurals,
/// the footer and the help at 80x24.
@Suite struct LabelsTests {
    func render(_ snapshot: Snapshot, state: AppState = AppState(), _ w: Int, _ h: Int) -> ScreenBuffer {
        DashboardView.render(snapshot: snapshot, state: state, theme: .builtIn, glyphs: .unicode, width: w, height: h)
    }

    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func wakeupsPanelSaysWhichNumberIsPerSecondAndWhichSinceStart(size: (Int, Int)) {
        let b = render(SnapshotFixtures.video(), size.0, size.1)
        #expect(b.contains("wake-ups/s"))
        #expect(b.contains("RCU 27/s  workload 60/s"))
        #expect(b.contains("since start 2737") || b.contains("since start 3k"), "\(b)")
        #expect(!b.contains("total "))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func cpuTableLabelsItsWakeupColumnRCUPerSecond(size: (Int, Int)) {
        let b = render(SnapshotFixtures.video(), size.0, size.1)
        #expect(b.contains("RCU/s"), "\(b)")
        #expect(!b.contains("WK/S") && !b.contains("WAKE/S"))
    }
}

// MARK: Grace periods

extension LabelsTests {
    @Test(arguments: [(80, 24), (100, 30), (120, 40)])
    func gracePanelKeepsGpSeqAndAddsAPlainCounterAndLabelledDurations(size: (Int, Int)) {
        let b = render(SnapshotFixtures.video(), size.0, size.1)
        #expect(b.contains("gp_seq   -1187  GP #4"), "\(b)")
        // As many durations as fit: one at 80 columns ("last GP 19 ms"), several from 100.
        #expect(b.contains(size.0 == 80 ? "completed 3  last GP 19 ms" : "completed 3  last GPs "), "\(b)")
        if size.0 > 80 { #expect(b.contains("22, 40, 19 ms"), "\(b)") }
    }

    @Test func plainGPNumberCountsTheRunningOneAndNothingBeforeTheFirst() {
        var gp = SnapshotFixtures.video().gracePeriod
        #expect(GracePeriodView.plainNumber(gp) == 4)
        gp.inProgress = false
        #expect(GracePeriodView.plainNumber(gp) == 3)
        gp.completed = 0
        #expect(GracePeriodView.plainNumber(gp) == nil)
    }
}

// MARK: Plurals, header, footer, help

extension LabelsTests {
    @Test func oneIsSingular() {
        #expect(Format.plural(1, "CPU") == "1 CPU")
        #expect(Format.plural(2, "CPU") == "2 CPUs")
        #expect(Format.plural(0, "callback") == "0 callbacks")
        let b = render(SnapshotFixtures.video(cpus: 1), 100, 30)
        #expect(b.contains("1 CPU,"), "\(b)")
        #expect(!b.contains("1 CPUs"))
    }

    @Test func pausedHeaderAt80KeepsThePolicyAndDropsHZFirst() {
        let header = render(SnapshotFixtures.video(), state: AppState(speed: 0.001, isPaused: true), 80, 24).text(row: 0)
        #expect(header.contains("PAUSED"))
        #expect(header.contains("shrinker"), "\(header)")
        #expect(header.contains("video"), "\(header)")
        #expect(!header.contains("1000"), "\(header)")
    }

    @Test func footerAt80HasPolicyAndZoom() {
        let footer = render(SnapshotFixtures.video(), 80, 24).text(row: 23)
        #expect(footer.hasPrefix("q quit  ? help  space pause  +- speed  1-6 workload  l lazy  p policy  z zoom"), "\(footer)")
    }

    @Test func helpAt80x24ListsEveryKeyAndTheWholeExplanation() {
        let b = render(SnapshotFixtures.video(), state: AppState(showHelp: true), 80, 24)
        for key in ["q  Ctrl-C", "?  h  F1", "Esc", "space", "+  -", ".  >", "1 2 3 4", "5 6", "l ", "p  c", "t  e", "Tab arrows",
                    "z  Enter", "n  b  r", "PgDn", "PgUp"] {
            #expect(b.contains(key), "\(key)\n\(b)")
        }
        #expect(b.contains("more memory waiting."), "\(b)")
    }

    @Test func headerSaysTheSpeedReachedWhenTheEngineCannotKeepUp() {
        var state = AppState(speed: 10000)
        state.achievedSpeed = 2500
        #expect(render(SnapshotFixtures.video(), state: state, 120, 40).description.contains("10000x (2500x reached)"))
        state.achievedSpeed = 9500
        #expect(!render(SnapshotFixtures.video(), state: state, 120, 40).description.contains("reached"))
    }
}
