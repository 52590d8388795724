import Dashboard
import FoundationEssentials
import Glibc
import RCUEngine

/// The live loop: the only place that reads the wall clock.
///
/// Each turn:
/// 1. A terminating signal (SIGINT/TERM/HUP/QUIT) ends the loop; SIGCONT forces a full repaint.
/// 2. Wait for a key until the next frame deadline, rounded UP to whole milliseconds (rounding
///    down makes `wget_wch` return early for the last fraction of every frame: a busy loop).
///    Paused with nothing to show, wait up to 250 ms at a time instead of per frame.
/// 3. Keys (and clicks) → `HitTest` / `KeyMap` → `Command` → `reduce` → `Effect`s, performed
///    here (quit, engine control, single step, theme load, scenario replay, screen export). At most `maxKeysPerTurn` keys per turn, so a paste
///    cannot starve drawing.
/// 4. At the deadline (or at once after a key or a resize): advance the engine by wall time ×
///    speed × HZ jiffies, carrying the fraction (0.001x still moves), in slices that stop once
///    half a frame's time is spent (10000x never freezes the UI; the excess is dropped),
///    each slice through `ScenarioDriver.advance` so scenario steps fire at their jiffies;
///    take ONE snapshot; render; draw only the changed cells (and hand the frame to the recorder).
struct FrameLoop {
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        /// Input keeps failing at once (the tty went away without a SIGHUP).
        case lostTerminal
    }

    var simulation: Simulation
    var state: AppState
    var theme: Theme
    let themeStore: ThemeStore
    let terminal: NcursesTerminal
    /// Debug hook (`RCUTOP_CRASH_AFTER_FRAMES`): a fatalError after this many frames.
    let crashAfterFrames: Int?
    /// Debug hook (`RCUTOP_SHOW_KEYS=1`): show each decoded key on the bottom row, so the
    /// end-to-end tests can check key decoding whatever the key map does with it.
    let showKeys: Bool
    /// `--record`: gets every frame drawn.
    let recorder: Recorder?
    /// The lazy-off twin and the compared engine (`--compare`), kept in step with `simulation`.
    var shadows: ShadowEngines?

    private(set) var framesDrawn = 0
    /// The snapshot of the frame on screen: what a click is tested against.
    private var shownSnapshot: Snapshot?
    private var recordingProblemShown = false
    /// The frame on screen, exactly as drawn (what `e` saves).
    private var shownBuffer: ScreenBuffer?
    /// Wall time the simulation was last credited up to, and the jiffy fraction carried over
    /// (both start over after a replay, so `b` / `r` do not leap ahead).
    private var lastAdvance = 0.0
    private var jiffyFraction = 0.0
    /// Engine throughput seen so far (jiffies per wall second), to size the next slice.
    private var jiffiesPerSecondEstimate = 0.0
    /// Speed actually reached over the last second of running: (jiffies, wall seconds) summed.
    private var speedWindow = (jiffies: 0.0, seconds: 0.0, fellBehind: false)
    /// A message over the bottom row until the given time (e.g. a theme that failed to load).
    private var message: (text: String, until: Double)?

    private static let maxKeysPerTurn = 128
    private static let pausedWaitSeconds = 0.25
    /// Wall time credited to the simulation per turn, at most: after Ctrl-Z or a stall the
    /// simulation resumes where it was instead of leaping ahead.
    private static let maxCreditedSeconds = 0.5

    init(simulation: Simulation, state: AppState, theme: Theme, themeStore: ThemeStore,
         terminal: NcursesTerminal, crashAfterFrames: Int?, showKeys: Bool, recorder: Recorder? = nil,
         shadows: ShadowEngines? = nil) {
        self.simulation = simulation; self.state = state; self.theme = theme; self.shadows = shadows
        self.themeStore = themeStore; self.terminal = terminal
        self.crashAfterFrames = crashAfterFrames; self.showKeys = showKeys; self.recorder = recorder
    }

    mutating func run() -> Outcome {
        var framePeriod = 1.0 / Double(max(1, state.fps))
        var deadline = Self.now()
        lastAdvance = deadline
        jiffyFraction = 0
        var needsFrame = true
        var instantFailures = 0
        // Steps due at the start (`step at 0s`) fire before the first frame.
        if state.scenario != nil {
            for effect in ScenarioDriver.advance(&simulation, state: &state, to: simulation.now) where perform(effect) == .quit {
                return .quit
            }
        }

        while true {
            // 1. Signals.
            if let signal = Signals.pendingTermination { return .signal(signal) }
            if Signals.takeContinued() { terminal.invalidate(repaint: true); needsFrame = true }

            // 2. Wait for a key.
            let now = Self.now()
            let idle = state.isPaused && !needsFrame
            var wait = idle ? Self.pausedWaitSeconds : max(0, deadline - now)
            if let message { wait = min(wait, max(0, message.until - now)) }
            let timeout = needsFrame ? 0 : Int32(min(1000, (wait * 1000).rounded(.up)))
            let input = terminal.readKey(timeoutMilliseconds: timeout)
            let waited = Self.now() - now

            // 3. Keys → commands → effects.
            var pending = input
            var keys = 0
            while keys < Self.maxKeysPerTurn {
                guard case let .key(key) = pending else { break }
                keys += 1
                needsFrame = true
                if showKeys { message = ("key \(key)", Self.now() + 30) }
                if key == .resize {
                    terminal.invalidate(repaint: false)
                } else if let command = command(for: key) {
                    for effect in reduce(&state, command) {
                        if perform(effect) == .quit { return .quit }
                    }
                }
                pending = terminal.readKey(timeoutMilliseconds: 0)
            }
            // A wait that ends at once with no key, again and again, with no signal behind
            // it: the terminal is gone (EOF or EIO on the tty). Without this the loop would spin.
            if input == .timeout && timeout >= 5 && waited < 0.001 {
                instantFailures += 1
                if instantFailures > 200 { return .lostTerminal }
            } else {
                instantFailures = 0
            }

            // 4. A frame, at the deadline or at once after input.
            let frameTime = Self.now()
            if let current = message, frameTime >= current.until { message = nil; needsFrame = true }
            if frameTime >= deadline && !state.isPaused { needsFrame = true }
            guard needsFrame else { continue }
            needsFrame = false

            if state.isPaused {
                jiffyFraction = 0
            } else {
                let credited = min(Self.maxCreditedSeconds, max(0, frameTime - lastAdvance))
                jiffyFraction += credited * state.speed * Double(state.hz)
                let whole = jiffyFraction.rounded(.down)
                jiffyFraction -= whole
                let before = simulation.now
                if advanceEngine(by: UInt64(whole), budgetSeconds: framePeriod / 2) == .quit { return .quit }
                let advanced = simulation.now &- before
                noteAchievedSpeed(jiffies: advanced, wallSeconds: credited, fellBehind: advanced < UInt64(whole))
            }
            lastAdvance = max(lastAdvance, frameTime)
            drawFrame(at: frameTime)

            framePeriod = 1.0 / Double(max(1, min(60, state.fps)))
            deadline += framePeriod
            if deadline <= frameTime { deadline = frameTime + framePeriod }
        }
    }

    /// Advance in slices until done or until the wall-time budget is spent (the rest is dropped).
    /// Each slice goes through the scenario driver, which stops at every step due on the way.
    private static let sliceSeconds = 0.002

    /// The speed the engine really kept up over about the last second, for the header.
    /// Only a window in which some frame ran out of budget counts as "behind": otherwise the
    /// engine kept up by definition (the rounding of slow speeds is not a shortfall).
    private mutating func noteAchievedSpeed(jiffies: UInt64, wallSeconds: Double, fellBehind: Bool) {
        guard wallSeconds > 0 else { return }
        speedWindow.jiffies += Double(jiffies)
        speedWindow.seconds += wallSeconds
        speedWindow.fellBehind = speedWindow.fellBehind || fellBehind
        if speedWindow.seconds >= 1 {
            state.achievedSpeed = speedWindow.fellBehind ? speedWindow.jiffies / Double(state.hz) / speedWindow.seconds : nil
            speedWindow = (0, 0, false)
        }
    }

    private mutating func advanceEngine(by jiffies: UInt64, budgetSeconds: Double) -> Effect? {
        guard jiffies > 0 else { return nil }
        let start = Self.now()
        let target = simulation.now &+ jiffies
        while simulation.now < target {
            // Slices sized from the throughput seen so far, about 2 ms of work each, so the
            // budget check comes often enough for keys to be answered within a frame at 10000x.
            let slice = jiffiesPerSecondEstimate > 0
                ? UInt64(max(1, min(Double(jiffies), jiffiesPerSecondEstimate * Self.sliceSeconds)))
                : max(1, min(jiffies, UInt64(state.hz) / 100))
            let sliceStart = Self.now()
            let from = simulation.now
            let effects = ScenarioDriver.advance(&simulation, state: &state, to: min(target, simulation.now &+ slice))
            // The twins run inside the same budget, so the slice size and the speed reached count them.
            shadows?.follow(simulation)
            let spent = Self.now() - sliceStart
            if spent > 0 {
                let rate = Double(simulation.now &- from) / spent
                jiffiesPerSecondEstimate = jiffiesPerSecondEstimate == 0 ? rate : 0.7 * jiffiesPerSecondEstimate + 0.3 * rate
            }
            // (Engine changes and replays were applied by the driver; these are the rest.)
            for effect in effects where perform(effect) == .quit { return .quit }
            // A step that paused the clock ends this frame's advance.
            if state.isPaused { break }
            if Self.now() - start > budgetSeconds { break }
        }
        return nil
    }

    /// The command for a key, or for a click the thing under it in the frame on screen.
    private func command(for key: Key) -> Command? {
        guard case .mouseClick = key else { return KeyMap.command(for: key) }
        let (width, height) = terminal.size
        return HitTest.command(for: key, snapshot: shownSnapshot ?? simulation.snapshot(), state: state, theme: theme,
                               glyphs: terminal.glyphs, width: width, height: height)
    }

    private mutating func drawFrame(at time: Double) {
        let (width, height) = terminal.size
        let snapshot = simulation.snapshot()
        state.observe(snapshot)
        shownSnapshot = snapshot
        shadows?.follow(simulation)
        var buffer = DashboardView.render(snapshot: snapshot, state: state, theme: theme,
                                          glyphs: terminal.glyphs, width: width, height: height,
                                          shadow: shadows?.snapshots(main: snapshot))
        if let message, time < message.until { overlay(message.text, on: &buffer) }
        terminal.draw(buffer)
        shownBuffer = buffer
        recorder?.frame(buffer, glyphs: terminal.glyphs)
        // A recording that fails (disk full, file gone) must not fail silently on stage.
        if !recordingProblemShown, let problem = recorder?.problem {
            recordingProblemShown = true
            _ = reduce(&state, .showMessage("recording stopped: \(problem)"))
        }
        framesDrawn += 1
        if let crashAfterFrames, framesDrawn >= crashAfterFrames {
            fatalError("RCUTOP_CRASH_AFTER_FRAMES=\(crashAfterFrames) reached (deliberate crash for the crash-guard test)")
        }
    }

    /// Perform one effect `reduce` asked for.
    private mutating func perform(_ effect: Effect) -> Effect? {
        switch effect {
        case .quit:
            return .quit
        case .engine(let control):
            simulation.apply(control)
            shadows?.apply(control)
        case .step(let jiffies):
            for effect in ScenarioDriver.advance(&simulation, state: &state, to: simulation.now &+ jiffies) {
                if perform(effect) == .quit { return .quit }
            }
        case .loadTheme(let name):
            do {
                theme = try themeStore.load(name)
            } catch {
                // Keep the old theme; the Dashboard skips the broken one and says why in the
                // event log area.
                // `reduce` may ask for the next theme in the cycle: perform what it returns.
                for effect in reduce(&state, .themeFailed("\(error)")) {
                    if perform(effect) == .quit { return .quit }
                }
            }
        case .replayScenario:
            for effect in ScenarioDriver.perform([effect], on: &simulation, state: &state) where effect == .quit { return .quit }
            // The engine went back in time: credit wall time from now on, with no carried fraction.
            lastAdvance = Self.now()
            jiffyFraction = 0
        case .stepToNextEvent:
            for effect in ScenarioDriver.stepToNextEvent(&simulation, state: &state) {
                if perform(effect) == .quit { return .quit }
            }
        case .exportScreen:
            exportScreen()
        }
        return nil
    }

    /// `e`: the frame on screen as `rcutop-YYYYMMDD-HHMMSS.txt` and `.svg` in the current
    /// folder; the event log says where (or why not). Never fatal.
    private mutating func exportScreen() {
        let (width, height) = terminal.size
        let buffer = shownBuffer ?? DashboardView.render(snapshot: shownSnapshot ?? simulation.snapshot(), state: state,
                                                         theme: theme, glyphs: terminal.glyphs, width: width, height: height,
                                                         shadow: shadows?.snapshots(main: shownSnapshot ?? simulation.snapshot()))
        var base = ScreenExport.baseName(date: Date())
        // Two exports within a second: rcutop-…-2, -3…
        var n = 2
        while access(base + ".txt", F_OK) == 0 || access(base + ".svg", F_OK) == 0, n < 100 {
            base = ScreenExport.baseName(date: Date()) + "-\(n)"
            n += 1
        }
        do {
            try Self.writeFile(base + ".txt", ScreenExport.text(buffer))
            try Self.writeFile(base + ".svg", ScreenExport.svg(buffer, theme: theme))
            _ = reduce(&state, .exportDone("screen saved to \(base).txt and \(base).svg"))
        } catch {
            _ = reduce(&state, .showMessage("export failed: \(error.description)"))
        }
    }

    struct WriteError: Error, CustomStringConvertible { var description: String }

    /// Create or replace `path` with `text`.
    private static func writeFile(_ path: String, _ text: String) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else {
                throw WriteError(description: "writing \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Write `text` over the bottom row, reversed, clipped to the width.
    private func overlay(_ text: String, on buffer: inout ScreenBuffer) {
        guard buffer.height > 0 else { return }
        let style = Style(reverse: true)
        let y = buffer.height - 1
        let characters = Array(" \(text) ".prefix(buffer.width))
        for (x, character) in characters.enumerated() {
            let safe: Character = character.isASCII || terminal.glyphs == .unicode ? character : "?"
            buffer.set(x: x, y: y, Cell(safe, style: style))
        }
    }

    /// Monotonic seconds.
    private static func now() -> Double { ProcessFigures.monotonicSeconds() }
}
