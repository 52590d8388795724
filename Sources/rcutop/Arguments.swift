import Dashboard
import RCUEngine

/// What the command line asks for, typed. Built by `parseArguments(_:)`; nothing here touches
/// the terminal, the environment or the clock.
struct Options: Equatable {
    enum Mode: Equatable {
        case interactive, headless, help, version, listWorkloads, listThemes
    }

    var mode: Mode = .interactive
    var cpuCount = 8
    var hz = 1000
    var seed: UInt64 = 1
    var workloads: [WorkloadKind] = [.video]
    var lazyEnabled = true
    /// `--theme NAME|PATH`; nil means "default" (falling back to the built-in theme quietly).
    var theme: String?
    var speed = 1.0
    var fps = 10
    /// Simulated seconds to run in headless mode (required there).
    var durationSeconds: Double?
    var intervalSeconds = 1.0
    var format: HeadlessFormat = .jsonl
    /// `--scenario NAME|PATH`: a talk's script (its setup replaces the engine flags).
    var scenario: String?
    /// `--record FILE.cast`: an asciinema v2 recording of the session.
    var recordPath: String?
    /// `--no-mouse`: leave the mouse to the terminal (presenters selecting text).
    var mouse = true
    /// `--kernel 6.12|6.17`: the lazy-timer deferral before or after the 2025 hurry fix.
    var kernel: KernelVersion = .v6_17
    /// `--nocb all|none|LIST`: offloaded CPUs; nil means all (`rcu_nocbs=all`).
    var offloadedCPUs: [Int]?

    /// `--format` given (a comparison prints a text table unless it is).
    var formatGiven = false
    /// `--mem SIZE`: total RAM of the memory model.
    var memoryBytes: UInt64 = 4 << 30
    /// `--policy NAME`: the reclaim policy at start.
    var policy: ReclaimPolicyKind = .shrinker
    /// `--compare A,B,...`: engines to run side by side (headless: a table; live: the `c` view).
    var compare: [CompareVariant]?

    var engineConfig: EngineConfig {
        EngineConfig(cpuCount: cpuCount, hz: hz, seed: seed, lazyEnabled: lazyEnabled, workloads: workloads,
                     policy: policy, memoryBytes: memoryBytes, kernel: kernel, offloadedCPUs: offloadedCPUs)
    }
}

/// A command line that cannot be run: one line for stderr, exit status 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// The flag concerned, e.g. "--cpus", or nil for the command line as a whole.
    var flag: String?
    var problem: String
    var description: String { flag.map { "\($0): \(problem)" } ?? problem }
}

/// Limits of the numeric flags, in one place so the parser and `--help` agree.
enum Limits {
    static let cpus = 1...EngineConfig.maxCPUs
    static let speed = 0.001...10_000.0
    static let fps = 1...60
    /// One year of simulated time: enough for the 30-day soak, small enough that jiffies
    /// (≤ 3.2e10 at HZ=1000) and record counts stay far from any overflow.
    static let maxDurationSeconds = 366.0 * 86_400
    /// At most this many records per headless run (duration / interval).
    static let maxRecords = 10_000_000.0
}

/// Parse the arguments after the program name. Pure: returns the options or the first problem.
///
/// Accepts `--flag value` and `--flag=value`. Later flags override earlier ones.
func parseArguments(_ arguments: [String]) -> Result<Options, UsageError> {
    var options = Options()
    var modeFlags: [String] = []
    var headlessOnly: [String] = []
    var interactiveOnly: [String] = []
    var index = arguments.startIndex

    do throws(UsageError) {
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            var flag = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            // The value of a flag that takes one: inline, or the next argument.
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard index < arguments.endIndex else { throw UsageError(flag: flag, problem: "missing value") }
                // `--theme --headless`: the next word is another flag, not this one's value.
                if arguments[index].hasPrefix("--") && arguments[index].count > 2 {
                    throw UsageError(flag: flag, problem: "missing value (got the flag \(quoted(arguments[index])))")
                }
                defer { index += 1 }
                return arguments[index]
            }
            func noValue() throws(UsageError) {
                if inlineValue != nil { throw UsageError(flag: flag, problem: "takes no value") }
            }

            switch flag {
            case "--cpus":
                options.cpuCount = try wholeNumber(flag, try value(), in: Limits.cpus)
            case "--hz":
                let text = try value()
                guard let hz = Int(text), EngineConfig.allowedHZ.contains(hz) else {
                    let allowed = EngineConfig.allowedHZ.map(String.init).joined(separator: ", ")
                    throw UsageError(flag: flag, problem: "expected one of \(allowed), got \(quoted(text))")
                }
                options.hz = hz
            case "--seed":
                let text = try value()
                guard let seed = UInt64(text) else {
                    throw UsageError(flag: flag, problem: "expected a whole number from 0 to \(UInt64.max), got \(quoted(text))")
                }
                options.seed = seed
            case "--workload", "--workloads":
                options.workloads = try workloadList(flag, try value())
            case "--no-lazy":
                try noValue(); options.lazyEnabled = false
            case "--theme":
                let text = try value()
                guard !text.isEmpty else { throw UsageError(flag: flag, problem: "expected a theme name or path, got \"\"") }
                options.theme = text
                interactiveOnly.append(flag)
            case "--kernel":
                options.kernel = try oneOf(KernelVersion.self, flag, try value())
            case "--nocb":
                options.offloadedCPUs = try cpuList(flag, try value())
            case "--speed":
                options.speed = try decimal(flag, try value(), in: Limits.speed, what: "a speed factor")
            case "--fps":
                options.fps = try wholeNumber(flag, try value(), in: Limits.fps)
            case "--headless":
                try noValue(); modeFlags.append(flag); options.mode = .headless
            case "--scenario":
                let text = try value()
                guard !text.isEmpty else { throw UsageError(flag: flag, problem: "expected a scenario name or path, got \"\"") }
                options.scenario = text
            case "--record":
                let text = try value()
                guard !text.isEmpty else { throw UsageError(flag: flag, problem: "expected a file name (FILE.cast), got \"\"") }
                options.recordPath = text
                interactiveOnly.append(flag)
            case "--no-mouse":
                try noValue(); options.mouse = false
                interactiveOnly.append(flag)
            case "--duration":
                options.durationSeconds = try decimal(flag, try value(), in: 0...Limits.maxDurationSeconds,
                                                      what: "a number of seconds", zeroAllowed: false)
                headlessOnly.append(flag)
            case "--interval":
                options.intervalSeconds = try decimal(flag, try value(), in: 0...Limits.maxDurationSeconds,
                                                      what: "a number of seconds", zeroAllowed: false)
                headlessOnly.append(flag)
            case "--format":
                options.format = try oneOf(HeadlessFormat.self, flag, try value())
                options.formatGiven = true
                headlessOnly.append(flag)
            case "--mem":
                options.memoryBytes = try memorySize(flag, try value())
            case "--policy":
                options.policy = try oneOf(ReclaimPolicyKind.self, flag, try value())
            case "--compare":
                options.compare = try compareList(flag, try value())
            case "--list-workloads":
                try noValue(); modeFlags.append(flag); options.mode = .listWorkloads
            case "--list-themes":
                try noValue(); modeFlags.append(flag); options.mode = .listThemes
            case "--help", "-h":
                try noValue(); modeFlags.append(flag); options.mode = .help
            case "--version", "-V":
                try noValue(); modeFlags.append(flag); options.mode = .version
            default:
                if argument.hasPrefix("-") {
                    throw UsageError(flag: nil, problem: "unknown option \(quoted(flag)) (see --help)")
                }
                throw UsageError(flag: nil, problem: "unexpected argument \(quoted(argument)) (see --help)")
            }
        }
        try validate(&options, modeFlags: modeFlags, headlessOnly: headlessOnly, interactiveOnly: interactiveOnly)
    } catch {
        return .failure(error)
    }
    return .success(options)
}

/// Rules that involve more than one flag.
private func validate(_ options: inout Options, modeFlags: [String], headlessOnly: [String],
                      interactiveOnly: [String]) throws(UsageError) {
    // --help wins over everything else, as users expect.
    if modeFlags.contains(where: { $0 == "--help" || $0 == "-h" }) { options.mode = .help; return }
    let distinct = Set(modeFlags.map { $0 == "-V" ? "--version" : $0 })
    if distinct.count > 1 {
        throw UsageError(flag: nil, problem: "choose one of \(distinct.sorted().joined(separator: ", "))")
    }
    if let cpus = options.offloadedCPUs, let highest = cpus.last, highest >= options.cpuCount {
        throw UsageError(flag: "--nocb", problem: "CPU \(highest) does not exist with --cpus \(options.cpuCount) (CPUs 0-\(options.cpuCount - 1))")
    }
    guard options.mode == .headless else {
        if options.mode == .interactive, let flag = headlessOnly.first {
            throw UsageError(flag: flag, problem: "only used with --headless")
        }
        return
    }
    if let flag = interactiveOnly.first {
        throw UsageError(flag: flag, problem: "not used with --headless (there is no screen)")
    }
    // A scenario decides its own length (--duration, if given, caps it); the interval is
    // checked against the scenario's HZ once it is loaded.
    if options.scenario != nil && options.durationSeconds == nil { return }
    guard let duration = options.durationSeconds else {
        throw UsageError(flag: "--headless", problem: "needs --duration SECONDS (or --scenario NAME)")
    }
    // The default interval (1 s) shrinks to a shorter duration; an explicit one must fit.
    if !headlessOnly.contains("--interval") { options.intervalSeconds = min(options.intervalSeconds, duration) }
    if options.intervalSeconds > duration {
        throw UsageError(flag: "--interval", problem: "longer than --duration (\(options.intervalSeconds) > \(duration))")
    }
    if options.intervalSeconds * Double(options.hz) < 1 {
        let flag = headlessOnly.contains("--interval") ? "--interval" : "--duration"
        throw UsageError(flag: flag, problem: "shorter than one jiffy (1/\(options.hz) s at HZ=\(options.hz))")
    }
    if duration / options.intervalSeconds > Limits.maxRecords {
        throw UsageError(flag: "--interval", problem: "more than \(Int(Limits.maxRecords)) records; use a longer interval")
    }
}

private func wholeNumber(_ flag: String, _ text: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
    guard let number = Int(text), range.contains(number) else {
        throw UsageError(flag: flag, problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(quoted(text))")
    }
    return number
}

private func decimal(_ flag: String, _ text: String, in range: ClosedRange<Double>, what: String,
                     zeroAllowed: Bool = true) throws(UsageError) -> Double {
    let bounds = zeroAllowed
        ? "from \(formatted(range.lowerBound)) to \(formatted(range.upperBound))"
        : "above 0 and at most \(formatted(range.upperBound))"
    // Double("nan"), Double("inf") and Double("1e999") parse; reject them with the rest.
    guard let number = Double(text), number.isFinite, range.contains(number), zeroAllowed || number > 0 else {
        throw UsageError(flag: flag, problem: "expected \(what) \(bounds), got \(quoted(text))")
    }
    return number
}

/// One of an enum's names (`--kernel`, `--format`, `--policy`), or the list of them in the error.
private func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ flag: String, _ text: String) throws(UsageError) -> T
    where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw UsageError(flag: flag, problem: "expected one of \(names), got \(quoted(text))")
    }
    return value
}

/// `all`, `none`, or a kernel-style CPU list: `0,2-5,7`. Checked against `--cpus` later.
private func cpuList(_ flag: String, _ text: String) throws(UsageError) -> [Int]? {
    if text == "all" { return nil }
    if text == "none" { return [] }
    let problem = "expected all, none, or a CPU list like 0,2-5, got \(quoted(text))"
    var cpus = Set<Int>()
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
        let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
              low >= 0, low <= high, high < EngineConfig.maxCPUs else {
            throw UsageError(flag: flag, problem: problem)
        }
        for cpu in low...high { cpus.insert(cpu) }
    }
    return cpus.sorted()
}

/// Limits of `--mem`.
enum MemoryLimits {
    static let minBytes: UInt64 = 16 << 20
    static let maxBytes: UInt64 = 16 << 40
}

/// `--mem`: a size with an optional binary unit: 512M, 512MiB, 4G, 4GiB, 1T, or plain bytes.
func memorySize(_ flag: String, _ text: String) throws(UsageError) -> UInt64 {
    let problem = "expected a size from 16M to 16T such as 512M, 4G or 4GiB, got \(quoted(text))"
    var digits = Substring(text)
    var shift: UInt64 = 0
    let upper = text.uppercased()
    for (suffix, s) in [("KIB", 10), ("MIB", 20), ("GIB", 30), ("TIB", 40), ("KB", 10), ("MB", 20), ("GB", 30), ("TB", 40),
                        ("K", 10), ("M", 20), ("G", 30), ("T", 40), ("B", 0)] as [(String, UInt64)] where upper.hasSuffix(suffix) {
        digits = text.dropLast(suffix.count)
        shift = s
        break
    }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = UInt64(digits), n <= MemoryLimits.maxBytes >> shift else {
        throw UsageError(flag: flag, problem: problem)
    }
    let bytes = n << shift
    guard bytes >= MemoryLimits.minBytes && bytes <= MemoryLimits.maxBytes else { throw UsageError(flag: flag, problem: problem) }
    return bytes
}

private func compareList(_ flag: String, _ text: String) throws(UsageError) -> [CompareVariant] {
    var chosen: [CompareVariant] = []
    for name in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let v = CompareVariant(name: String(name)) else {
            throw UsageError(flag: flag, problem: "expected names from \(CompareVariant.allNames.joined(separator: ", ")) (comma separated), got \(quoted(String(name)))")
        }
        if !chosen.contains(v) { chosen.append(v) }
    }
    return chosen
}

private func workloadList(_ flag: String, _ text: String) throws(UsageError) -> [WorkloadKind] {
    let names = WorkloadKind.allCases.map(\.rawValue).joined(separator: ", ")
    if text == "none" { return [] }
    var chosen = Set<WorkloadKind>()
    for name in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let kind = WorkloadKind(rawValue: String(name)) else {
            throw UsageError(flag: flag, problem: "expected names from \(names) (comma separated) or none, got \(quoted(String(name)))")
        }
        chosen.insert(kind)
    }
    // Keep the engine's order, whatever order the user typed.
    return WorkloadKind.allCases.filter(chosen.contains)
}

/// A user-supplied value as it goes into a message: quoted, control characters made visible,
/// cut to a sane length, so a hostile argument cannot put escape sequences on the terminal.
func quoted(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(60) {
        switch scalar.value {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0..<0x20, 0x7F..<0xA0: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    if text.unicodeScalars.count > 60 { out += "…" }
    return "\"\(out)\""
}

private func formatted(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

/// `--help` text.
let usageText = """
usage: rcutop [options]                      live dashboard (needs a terminal)
       rcutop --scenario NAME [options]      a talk's script (n, PageDown: next)
       rcutop --headless --duration SECONDS  records to stdout, no terminal
       rcutop --headless --scenario NAME     a scenario played with no presenter

Simulation:
  --cpus N            CPUs to simulate, 1-\(EngineConfig.maxCPUs) (default 8)
  --hz N              timer frequency: \(EngineConfig.allowedHZ.map(String.init).joined(separator: ", ")) (default 1000)
  --seed N            random seed, 0-\(UInt64.max) (default 1)
  --workload a,b      workloads on at start (default video):
                      \(WorkloadKind.allCases.map { $0.rawValue }.joined(separator: ", ")), or none
  --no-lazy           start with lazy RCU off (every call_rcu is a hurry call)
  --kernel 6.12|6.17  lazy timer before / after the 2025 fix (default 6.17)
  --nocb all|none|L   offloaded (no-CB) CPUs: all, none, or a list like 0,2-5
                      (default all)
  --mem SIZE          RAM of the memory model, 16M-16T: 512M, 4G (default 4G)
  --policy NAME       reclaim policy at start (default shrinker):
                      \(ReclaimPolicyKind.allCases.map(\.rawValue).joined(separator: ", "))
  --compare A,B,...   engines side by side (same seed, workloads): policies or
                      lazy-off;
                      live: the c view; headless: one summary table (text, or
                      --format jsonl/csv)

Dashboard:
  --theme NAME|PATH   colour theme (see --list-themes)
  --speed X           simulated seconds per wall second, 0.001-10000 (default 1)
  --fps N             frames per second, 1-60 (default 10)
  --no-mouse          leave the mouse to the terminal (to select text)

Presenting:
  --scenario NAME|PATH
                      a talk's script: NAME.scenario in a scenarios/ folder,
                      or a file; its setup replaces --cpus, --hz, --seed,
                      --workload and --no-lazy
  --record FILE.cast  write an asciinema v2 recording of the session

Headless:
  --headless          no terminal: print one record per interval, then a summary
  --duration SECONDS  simulated seconds to run (at most 366 days); required
                      unless --scenario, which decides its length (then: a cap)
  --interval SECONDS  simulated seconds per record (default 1, or the duration
                      if shorter)
  --format FORMAT     jsonl or csv (default jsonl; with --compare a text table
                      unless given)

Information:
  --list-workloads    workloads and what they model
  --list-themes       themes found
  --help, --version

Every flag also takes the form --flag=value.
Exit status: 0 quit, 1 unusable terminal, 2 bad command line, theme, scenario
or --record file, 128+N ended by signal N.
Keys: q quit, ? help, space pause, + - speed, . step, > next event,
      1-6 workloads, l lazy, p policy, c compare, t theme, z zoom,
      e save screen (txt + svg);
      click a workload or a panel; n / PageDown next step, b / PageUp back,
      r restart the scenario.
"""
