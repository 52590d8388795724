import Dashboard
import Glibc
import RCUEngine

/// The live loop: the only place that reads the wall clock.
///
/// Each turn:
/// 1. A terminating signal (SIGINT/TERM/HUP/QUIT) ends the loop; SIGCONT forces a full repaint.
/// 2. Wait for a key until the next frame deadline, rounded UP to whole milliseconds (rounding
///    down makes `wget_wch` return early for the last fraction of every frame: a busy loop).
///    Paused with nothing to show, wait up to 250 ms at a time instead of per frame.
/// 3. Keys → `KeyMap` → `Command` → `reduce` → `Effect`s, performed here (quit, engine
///    control, single step, theme load). At most `maxKeysPerTurn` keys per turn, so a paste
///    cannot starve drawing.
/// 4. At the deadline (or at once after a key or a resize): advance the engine by wall time ×
///    speed × HZ jiffies, carrying the fraction (0.001x still moves), in slices that stop once
///    half a frame's time is spent (10000x never freezes the UI; the excess is dropped);
///    take ONE snapshot; render; draw only the changed cells.
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
    /// The lazy-off twin and the compared engine (`--compare`), kept in step with `simulation`.
    var shadows: ShadowEngines?

    private(set) var framesDrawn = 0
    /// A message over the bottom row until the given time (e.g. a theme that failed to load).
    private var message: (text: String, until: Double)?

    private static let maxKeysPerTurn = 128
    private static let pausedWaitSeconds = 0.25
    /// Wall time credited to the simulation per turn, at most: after Ctrl-Z or a stall the
    /// simulation resumes where it was instead of leaping ahead.
    private static let maxCreditedSeconds = 0.5

    init(simulation: Simulation, state: AppState, theme: Theme, themeStore: ThemeStore,
         terminal: NcursesTerminal, crashAfterFrames: Int?, showKeys: Bool, shadows: ShadowEngines? = nil) {
        self.simulation = simulation; self.state = state; self.theme = theme; self.shadows = shadows
        self.themeStore = themeStore; self.terminal = terminal
        self.crashAfterFrames = crashAfterFrames; self.showKeys = showKeys
    }

    mutating func run() -> Outcome {
        var framePeriod = 1.0 / Double(max(1, state.fps))
        var deadline = Self.now()
        var lastAdvance = deadline
        var jiffyFraction = 0.0
        var needsFrame = true
        var instantFailures = 0

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
                } else if let command = KeyMap.command(for: key) {
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
                advanceEngine(by: UInt64(whole), budgetSeconds: framePeriod / 2)
            }
            lastAdvance = frameTime
            drawFrame(at: frameTime)

            framePeriod = 1.0 / Double(max(1, min(60, state.fps)))
            deadline += framePeriod
            if deadline <= frameTime { deadline = frameTime + framePeriod }
        }
    }

    /// Advance in slices until done or until the wall-time budget is spent (the rest is dropped).
    private mutating func advanceEngine(by jiffies: UInt64, budgetSeconds: Double) {
        guard jiffies > 0 else { return }
        let start = Self.now()
        let target = simulation.now &+ jiffies
        let slice = max(1, jiffies / 8)
        while simulation.now < target {
            simulation.advance(to: min(target, simulation.now &+ slice))
            if Self.now() - start > budgetSeconds { break }
        }
    }

    private mutating func drawFrame(at time: Double) {
        let (width, height) = terminal.size
        let snapshot = simulation.snapshot()
        state.observe(snapshot)
        shadows?.follow(simulation)
        var buffer = DashboardView.render(snapshot: snapshot, state: state, theme: theme,
                                          glyphs: terminal.glyphs, width: width, height: height,
                                          shadow: shadows?.snapshots(main: snapshot))
        if let message, time < message.until { overlay(message.text, on: &buffer) }
        terminal.draw(buffer)
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
            simulation.advance(to: simulation.now &+ jiffies)
        case .loadTheme(let name):
            do {
                theme = try themeStore.load(name)
            } catch {
                // Keep the old theme; the Dashboard skips the broken one and says why in the
                // event log area.
                for effect in reduce(&state, .themeFailed("\(error)")) where effect == .quit { return .quit }
            }
        case .replayScenario:
            for effect in ScenarioDriver.perform([effect], on: &simulation, state: &state) where effect == .quit { return .quit }
        case .stepToNextEvent:
            for effect in ScenarioDriver.stepToNextEvent(&simulation, state: &state) {
                if perform(effect) == .quit { return .quit }
            }
        case .exportScreen:
            // Not wired yet in the executable: say so rather than pretend.
            _ = reduce(&state, .showMessage("export is not available in this build yet"))
        }
        return nil
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
    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
