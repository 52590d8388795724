import Testing
import RCUEngine
@testable import Dashboard

/// Side by side (issue 4 item 5, 6): variants, the compare run and report, the shadow engines,
/// the compare view and the power line.
@Suite struct CompareTests {
    static let base = EngineConfig(cpuCount: 8, seed: 1, workloads: [.video, .logging, .proactive])

    @Test func variantsParseAndConfigure() {
        #expect(CompareVariant(name: "reclaim-hook") == .policy(.reclaimHook))
        #expect(CompareVariant(name: "lazy-off") == .lazyOff)
        #expect(CompareVariant(name: "lazy") == nil)
        #expect(CompareVariant.lazyOff.config(from: Self.base).lazyEnabled == false)
        #expect(CompareVariant.policy(.none).config(from: Self.base).policy == .none)
        #expect(CompareVariant.allNames == ["shrinker", "reclaim-hook", "no-mem-flag", "slab-deferred", "none", "lazy-off"])
    }

    /// Same seed and workloads: every engine sees the same workload events (equal queued callbacks
    /// for callback policies and lazy off, equal frees for all).
    @Test func compareRunEnginesSeeIdenticalWorkloadEvents() {
        var run = CompareRun(base: Self.base, variants: CompareVariant.allNames.compactMap(CompareVariant.init(name:)))
        run.advance(to: 20_000)
        let rows = run.rows
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0.snapshot.jiffies == 20_000 && $0.heldSamples == 20 })
        for r in rows { #expect(r.snapshot.reclaim.workloadFrees == rows[0].snapshot.reclaim.workloadFrees, "\(r.variant)") }
        for r in rows where r.variant != .policy(.slabDeferred) {
            #expect(r.snapshot.counters.queued == rows[0].snapshot.counters.queued, "\(r.variant)")
        }
        // The measures differ where the policies do: proactive reclaim flushes with the shrinker only.
        #expect(rows[0].snapshot.reclaim.unnecessaryFlushes > 0)
        #expect(rows[1].snapshot.reclaim.unnecessaryFlushes == 0)
    }

    @Test func reportHasARowPerVariantInEveryFormat() {
        var run = CompareRun(base: Self.base, variants: [.policy(.shrinker), .policy(.reclaimHook), .lazyOff])
        run.advance(to: 5_000)
        let reference = run.rows.last
        let text = CompareReport.text(run.rows, reference: reference, title: "t")
        #expect(text.count == 1 + 2 + 3)
        #expect(text[3].hasPrefix("shrinker "))
        #expect(text[5].hasPrefix("lazy-off "))
        #expect(text[5].contains(" - "))   // no "lazy saves" against itself
        let json = CompareReport.jsonl(run.rows, reference: reference)
        #expect(json.count == 3)
        #expect(json[0].hasPrefix("{\"policy\":\"shrinker\",\"wakeups_per_s\":"))
        #expect(json[2].contains("\"lazy_saves_pct\":null"))
        let csv = CompareReport.csv(run.rows, reference: reference)
        #expect(csv[0] == CompareReport.columns.joined(separator: ","))
        #expect(csv.count == 4 && csv.allSatisfy { $0.split(separator: ",").count == CompareReport.columns.count })
        let saves = CompareReport.lazySaves(run.rows[0], reference: reference)!
        #expect(saves > 0 && saves < 50)
    }

    /// The live shadows: workload toggles are mirrored, so the compared engine keeps seeing the
    /// main engine's workload events; the lazy-off twin follows the policy; a rewind rebuilds them.
    @Test func shadowEnginesMirrorTogglesAndStayInStep() {
        let list: [CompareVariant] = [.policy(.shrinker), .policy(.reclaimHook)]
        let config = ShadowEngines.mainConfig(Self.base, compare: list)
        var main = Simulation(config: config)
        var shadows = ShadowEngines(main: config, compare: list)
        main.advance(to: 3_000); shadows.follow(main)
        for control in [EngineControl.setWorkload(.logging, on: false), .setPolicy(.none), .setWorkload(.idle, on: true)] {
            main.apply(control); shadows.apply(control)
            main.advance(to: main.now + 4_000); shadows.follow(main)
        }
        let snaps = shadows.snapshots(main: main.snapshot())
        #expect(snaps.mainName == "shrinker" && snaps.compareName == "reclaim-hook")
        #expect(snaps.compare?.counters.queued == main.snapshot().counters.queued)
        #expect(snaps.compare?.policy == .reclaimHook)                 // its own policy, not the main one's
        #expect(snaps.lazyOff?.policy == ReclaimPolicyKind.none)       // the twin follows
        #expect(snaps.lazyOff?.activeWorkloads == main.snapshot().activeWorkloads)
        #expect(snaps.lazyOff?.lazyEnabled == false)
        #expect(snaps.lazySaves(main.snapshot()).map { $0 > 0 } == true)
        // A scenario replay takes the main engine back in time: the shadows start again.
        let fresh = Simulation(config: config)
        shadows.follow(fresh)
        #expect(shadows.lazyOff.now == 0)
    }

    @Test func compareViewShowsBothColumnsAndTheDifferences() {
        let config = Self.base
        var main = Simulation(config: config)
        var shadows = ShadowEngines(main: config, compare: nil)
        main.advance(to: 12_000); shadows.follow(main)
        let snap = main.snapshot()
        var state = AppState(workloads: config.workloads)
        _ = reduce(&state, .toggleCompare)
        #expect(state.isComparing)
        for (w, h) in [(80, 24), (100, 30)] {
            let b = DashboardView.render(snapshot: snap, state: state, theme: .builtIn, glyphs: .unicode, width: w, height: h,
                                         shadow: shadows.snapshots(main: snap))
            let text = b.lines.joined(separator: "\n")
            for s in ["compare", "shrinker", "lazy-off", "difference", "RCU wake-ups/s", "OOM kills", "unnecessary", "lazy saves"] {
                #expect(text.contains(s), "\(s) at \(w)x\(h)\n\(text)")
            }
        }
        _ = reduce(&state, .dismiss)
        #expect(!state.isComparing)
    }

    /// With every memory workload on, the 80-column header keeps the policy (workloads go first).
    @Test func headerKeepsThePolicyWhenManyWorkloadsAreOn() {
        var sim = Simulation(config: EngineConfig(workloads: [.video, .logging, .idle, .memhog, .proactive], policy: .slabDeferred))
        sim.advance(to: 1_000)
        let b = DashboardView.render(snapshot: sim.snapshot(), state: AppState(), theme: .builtIn, glyphs: .unicode, width: 80, height: 24)
        #expect(b.text(row: 0).contains("slab-deferred"), "\(b.text(row: 0))")
    }

    @Test func powerLineShowsLazySavesInTheMemoryPanel() {
        var main = Simulation(config: Self.base)
        var shadows = ShadowEngines(main: Self.base, compare: nil)
        main.advance(to: 12_000); shadows.follow(main)
        let snap = main.snapshot()
        for (w, h) in [(80, 24), (100, 30)] {
            let b = DashboardView.render(snapshot: snap, state: AppState(), theme: .builtIn, glyphs: .unicode, width: w, height: h,
                                         shadow: shadows.snapshots(main: snap))
            let text = b.lines.joined(separator: "\n")
            #expect(text.contains("memory, power"), "\(w)x\(h)")
            #expect(text.contains("power ") && text.contains(" W lazy saves "), "\(w)x\(h)\n\(text)")
            #expect(text.contains("reclaim ") && text.contains("unneeded"), "\(w)x\(h)")
        }
        // Without a twin (tests, headless screens) the line shows package deep residency instead.
        let b = DashboardView.render(snapshot: snap, state: AppState(), theme: .builtIn, glyphs: .unicode, width: 100, height: 30)
        #expect(b.lines.joined(separator: "\n").contains(" deep "))
    }
}
