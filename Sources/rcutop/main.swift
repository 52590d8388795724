import Dashboard
import FoundationEssentials
import Glibc
import RCUEngine

// rcutop: parse the command line, then run headless or take the terminal.
//
// Exit status: 0 after `q` (or an information flag), 1 when the terminal cannot be used
// (or a `--record` file could not be written to the end),
// 2 for a bad command line, theme, scenario or --record file (one line on stderr), 128 + N after signal N
// (SIGINT 130, SIGTERM 143, SIGHUP 129, SIGQUIT 131), and whatever the runtime gives a crash.

let rcutopVersion = "0.1.0"

/// One line on stderr, then exit. Control characters in the message (from a file name or a
/// binary theme file) are made visible, so it stays one line and cannot drive the terminal.
func fail(_ message: String, status: Int32) -> Never {
    var line = ""
    for scalar in message.unicodeScalars {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: line += "\\u{\(String(scalar.value, radix: 16))}"
        default: line.unicodeScalars.append(scalar)
        }
    }
    writeStderr("rcutop: \(line)\n")
    exit(status)
}

func writeStderr(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
    }
}

func writeStdout(_ text: String) {
    var output = BufferedOutput(fd: STDOUT_FILENO)
    output.writeLine(text)
    output.flush()
}

let environment = ProcessInfo.processInfo.environment
let themeStore = ThemeStore(searchPaths: ThemeStore.defaultSearchPaths(executablePath: executablePath(), environment: environment))

// `rcutop bench` is a subcommand with flags of its own.
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "bench" {
    exit(Bench.main(arguments: Array(CommandLine.arguments.dropFirst(2)), executablePath: executablePath()))
}
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "soak" { exit(Soak.main(arguments: Array(CommandLine.arguments.dropFirst(2)))) }

let options: Options
switch parseArguments(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let error): fail(error.description, status: 2)
}

// A scenario is loaded (and a broken one refused) before anything else happens.
let scenario: Scenario?
if let name = options.scenario {
    let store = ScenarioStore(searchPaths: ScenarioStore.defaultSearchPaths(executablePath: executablePath(), environment: environment))
    do { scenario = try store.load(name) } catch { fail(error.description, status: 2) }
} else {
    scenario = nil
}

switch options.mode {
case .help:
    writeStdout(usageText)
case .version:
    writeStdout("rcutop \(rcutopVersion)")
case .listWorkloads:
    let width = WorkloadKind.allCases.map(\.rawValue.count).max() ?? 0
    let lines = WorkloadKind.allCases.enumerated().map { index, kind in
        "\(index + 1)  \(kind.rawValue + String(repeating: " ", count: width - kind.rawValue.count))  \(kind.summary)"
    }
    writeStdout(lines.joined(separator: "\n"))
case .listThemes:
    writeStdout(themeStore.availableNames().joined(separator: "\n"))
case .headless:
    exit(options.compare != nil ? runHeadlessCompare(options) : runHeadless(options, scenario: scenario))
case .interactive:
    exit(runInteractive(options, scenario: scenario, environment: environment, themeStore: themeStore))
}
exit(0)

/// The live dashboard. Everything that can fail without the screen fails before it is taken.
func runInteractive(_ options: Options, scenario: Scenario?, environment: [String: String], themeStore: ThemeStore) -> Int32 {
    // The theme first, long before the screen: a bad --theme is one line and exit 2, whatever
    // stdout is connected to.
    let theme: Theme
    if let name = options.theme {
        do { theme = try themeStore.load(name) } catch { fail("theme \(error)", status: 2) }
    } else {
        theme = (try? themeStore.load("default")) ?? .builtIn
    }
    guard isatty(STDOUT_FILENO) == 1 else {
        fail("standard output is not a terminal; use --headless --duration SECONDS for records (see --help)", status: 2)
    }
    guard isatty(STDIN_FILENO) == 1 else {
        fail("standard input is not a terminal (keys are read from it); run rcutop from a terminal, or use --headless", status: 2)
    }

    // The recording file: one that cannot be created is refused before the screen is taken.
    var recorder: Recorder?
    if let path = options.recordPath {
        do { recorder = try Recorder(path: path) } catch { fail("--record: \(error)", status: 2) }
    }

    let crashAfterFrames = environment["RCUTOP_CRASH_AFTER_FRAMES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }

    // Signals before newterm (see Signals.swift for why).
    Signals.install()
    let terminal: NcursesTerminal
    do {
        terminal = try NcursesTerminal.open(environment: environment, mouse: options.mouse) { writeStderr("rcutop: warning: \($0)\n") }
    } catch {
        fail(error.description, status: 1)
    }

    var themeNames = themeStore.availableNames()
    if !themeNames.contains(theme.name) { themeNames.insert(theme.name, at: 0) }
    // A scenario's setup replaces the engine flags.
    let config = scenario?.config ?? ShadowEngines.mainConfig(options.engineConfig, compare: options.compare)
    let state = AppState(speed: options.speed, fps: options.fps, themeName: theme.name,
                         themeNames: themeNames, hz: config.hz,
                         lazyEnabled: config.lazyEnabled, workloads: config.workloads, policy: config.policy,
                         scenario: scenario.map { ScenarioPlayer(scenario: $0) })
    recorder?.start(width: terminal.size.width, height: terminal.size.height, term: terminal.terminalName,
                    shell: environment["SHELL"], title: scenario?.title)
    var loop = FrameLoop(simulation: Simulation(config: config), state: state, theme: theme,
                         themeStore: themeStore, terminal: terminal, crashAfterFrames: crashAfterFrames,
                         showKeys: environment["RCUTOP_SHOW_KEYS"] == "1", recorder: recorder,
                         shadows: ShadowEngines(main: config, compare: options.compare))
    let outcome = loop.run()
    let captured = terminal.close()
    // A recording asked for and lost is a failure, even after a clean `q`.
    var recordingFailed = false
    if let problem = recorder?.finish() { writeStderr("rcutop: --record: \(problem)\n"); recordingFailed = true }

    // The screen is back: say what was hidden behind it, then one summary line.
    if !captured.isEmpty { writeStderr(captured.hasSuffix("\n") ? captured : captured + "\n") }
    let snapshot = loop.simulation.snapshot()
    let summary = String(Double(Int64((snapshot.seconds * 10).rounded())) / 10)
    writeStdout("rcutop: \(summary) s simulated, \(snapshot.gracePeriod.completed) grace periods, "
        + "\(snapshot.counters.invoked) callbacks invoked, \(snapshot.wakeups.rcuTotal) RCU wake-ups")
    switch outcome {
    case .quit: return recordingFailed ? 1 : 0
    case .signal(let number): return 128 + number
    case .lostTerminal:
        writeStderr("rcutop: lost the terminal (input keeps failing)\n")
        return 1
    }
}

/// This executable's path, for finding `themes/` beside the checkout it was built in.
func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return CommandLine.arguments.first ?? "rcutop" }
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
