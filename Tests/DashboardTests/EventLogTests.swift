import Testing
import RCUEngine
@testable import Dashboard

/// The event log: whole events only, red for problems only, floods collapsed, short wordings.
@Suite struct EventLogTests {
    func snapshot(_ events: [EngineEvent]) -> Snapshot {
        var s = SnapshotFixtures.video()
        s.recentEvents = events
        return s
    }
    func render(_ s: Snapshot, _ w: Int = 80, _ h: Int = 24) -> ScreenBuffer {
        DashboardView.render(snapshot: s, state: AppState(), theme: .builtIn, glyphs: .unicode, width: w, height: h)
    }
    /// The rows inside the events panel (between its borders), as text.
    func eventRows(_ b: ScreenBuffer) -> [String] {
        let top = b.lines.firstIndex { $0.contains("┌ events") }!
        var rows: [String] = []
        for line in b.lines[(top + 1)...] {
            if line.hasPrefix("└") { break }
            rows.append(String(line.dropFirst().prefix(46)))
        }
        return rows
    }

    @Test func floodsOfOneKindInOneSecondCollapseWithACount() {
        let e = { (j: UInt64, k: EngineEvent.Kind, cpu: Int, n: Int) in
            EngineEvent(jiffy: j, kind: k, cpu: cpu, text: "bypass on CPU \(cpu) older than a jiffy: flushed \(n) callbacks")
        }
        let events = [e(1_001, .bypassFlush, 3, 1), e(1_002, .bypassFlush, 3, 1), e(1_900, .bypassFlush, 5, 2),
                      e(2_001, .bypassFlush, 3, 1), e(2_002, .gpEnd, 0, 0), e(2_003, .bypassFlush, 3, 4)]
        #expect(EventLogView.collapse(events, hz: 1000) == [
            .init(event: events[2], count: 3), .init(event: events[3], count: 1),
            .init(event: events[4], count: 1), .init(event: events[5], count: 1),
        ])
    }

    @Test func differentEventsOfOneKindAreNeverMerged() {
        let on = { (j: UInt64, name: String) in EngineEvent(jiffy: j, kind: .workload, cpu: nil, text: "workload \(name) on") }
        let events = [on(0, "video"), on(0, "logging"), on(0, "idle"), on(5, "idle")]
        #expect(EventLogView.collapse(events, hz: 1000) == [
            .init(event: events[0], count: 1), .init(event: events[1], count: 1), .init(event: events[3], count: 2),
        ])
    }

    @Test func aCollapsedFloodIsOneLineWithTheCount() {
        let flood = (0..<37).map { i in
            EngineEvent(jiffy: 3_000 + UInt64(i), kind: .bypassFlush, cpu: 3, text: "bypass on CPU 3 older than a jiffy: flushed 1 callback")
        }
        let rows = eventRows(render(snapshot(flood)))
        #expect(rows.filter { $0.contains("bypass") }.count == 1, "\(rows)")
        #expect(rows.contains { $0.contains("t=3.036 CPU 3: aged bypass flushed 1 cb ×37") }, "\(rows)")
    }

    @Test func theTopRowIsNeverAContinuationLine() {
        let long = (0..<40).map { i in
            EngineEvent(jiffy: UInt64(i) * 1000, kind: .note, cpu: nil,
                        text: "a note long enough to wrap onto a second and maybe a third line of the narrow event log \(i)")
        }
        for height in 24...30 {
            let rows = eventRows(render(snapshot(long), 80, height))
            #expect(rows.first.map { $0.hasPrefix(" t=") || $0.hasPrefix("t=") } == true, "\(height): \(rows)")
        }
    }

    @Test func onlyProblemsAreRed() {
        let view = EventLogView(context: ViewContext(snapshot: SnapshotFixtures.video(), state: AppState(),
                                                     theme: .builtIn, glyphs: .unicode))
        let red = Theme.builtIn.bad.foreground
        for kind in [EngineEvent.Kind.gpStart, .gpEnd, .lazyFlush, .bypassFlush, .hurryFlush, .sizeFlush, .barrier, .invoke,
                     .workload, .lazyToggle, .policy, .shrinker, .note] {
            #expect(view.style(for: kind).foreground != red, "\(kind)")
        }
        #expect(view.style(for: .oom).foreground == red)
        #expect(view.style(for: .bypassFlush) == Theme.builtIn.text)
        #expect(view.style(for: .gpEnd) == Theme.builtIn.text)
        #expect(view.style(for: .lazyFlush) == Theme.builtIn.lazy)
    }

    @Test func shortWordingsFitOneLineAt80Columns() {
        let cases = [
            ("lazy flush on CPU 3: 212 callbacks, 10 s timer", "CPU 3: lazy timer flushed 212 cbs"),
            ("hurry callback on CPU 4 pulled 37 lazy callbacks into the next GP", "CPU 4: hurry pulled in 37 lazy cbs"),
            ("bypass on CPU 2 reached qhimark (10000): flushed 10001 callbacks", "CPU 2: full bypass flushed 10001 cbs"),
            ("bypass on CPU 3 older than a jiffy: flushed 1 callback", "CPU 3: aged bypass flushed 1 cb"),
            ("shrinker flushed CPU 1: 12 lazy callbacks", "CPU 1: shrinker flushed 12 lazy cbs"),
            ("rcu_barrier flushed CPU 0: 5 callbacks", "CPU 0: rcu_barrier flushed 5 cbs"),
            ("GP -1199 ended after 6 ms (lazy callbacks now ready)", "GP -1199 took 6 ms, lazy cbs ready"),
            ("GP -1195 ended after 6.5 ms", "GP -1195 took 6.5 ms"),
            ("something new the engine says about 2 callbacks", "something new the engine says about 2 cbs"),
        ]
        for (long, short) in cases {
            #expect(EventWording.short(long) == short)
            if short.hasPrefix("CPU") || short.hasPrefix("GP") { #expect(short.count <= 36, "\(short)") }
        }
    }
}
