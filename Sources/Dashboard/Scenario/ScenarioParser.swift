import RCUEngine

/// Reads the `.scenario` text format (see the README section "Giving a talk with rcutop").
///
/// One directive per line: a keyword, then its argument. `#` starts a comment line; blank lines
/// and indentation are ignored; CR is stripped. `title` and `setup` come before the first `step`;
/// every other keyword belongs to the step above it. Every error names the file, the line and the
/// problem (`FILE:LINE: problem`). Never traps, for any bytes.
public enum ScenarioParser {
    /// The longest line accepted (anything longer is not a hand-written scenario).
    static let maximumLineLength = 1000
    /// Simulated times above this are refused (about 11.5 simulated days).
    static let maximumSeconds: Double = 1_000_000

    /// Parse a whole file. `file` is used in messages, `name` becomes `Scenario.name`.
    public static func parse(_ bytes: [UInt8], file: String, name: String) throws(ScenarioError) -> Scenario {
        func fail(_ line: Int?, _ problem: String) -> ScenarioError { ScenarioError(file: file, line: line, problem: problem) }
        let bytes = Array(InputFile.droppingByteOrderMark(bytes))
        if bytes.contains(0) { throw fail(nil, "binary file (contains NUL bytes), not a scenario") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail(nil, "binary file (not UTF-8 text), not a scenario")
        }
        var title: String?
        var config = EngineConfig()
        var steps: [ScenarioStep] = []
        var lastAbsolute: (jiffies: UInt64, line: Int)?
        var sawContent = false

        // "\r\n" is one Character in Swift: split on it as well as on "\n"; a lone CR is stripped below.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = String(rawLine.filter { $0 != "\r" })
            if line.count > maximumLineLength { throw fail(number, "line longer than \(maximumLineLength) characters") }
            let trimmed = trim(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            sawContent = true
            if let bad = trimmed.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) }) {
                throw fail(number, "control character U+\(hex(bad.value)) in the line")
            }
            let (keyword, argument) = splitKeyword(trimmed)
            switch keyword {
            case "title":
                guard steps.isEmpty else { throw fail(number, "title must come before the first step") }
                guard !argument.isEmpty else { throw fail(number, "title needs text") }
                title = argument
            case "setup":
                guard steps.isEmpty else { throw fail(number, "setup must come before the first step") }
                try parseSetup(argument, into: &config, line: number, fail: fail)
            case "step":
                let timing = try parseTiming(argument, hz: config.hz, line: number, fail: fail)
                if case let .at(j) = timing {
                    if let last = lastAbsolute, j < last.jiffies {
                        throw fail(number, "`\(argument)` comes before the earlier `at` on line \(last.line)")
                    }
                    lastAbsolute = (j, number)
                }
                steps.append(ScenarioStep(line: number, timing: timing))
            default:
                guard Keyword.stepKeywords.contains(keyword) else {
                    throw fail(number, "unknown step `\(keyword)` (expected one of: \(Keyword.all.joined(separator: ", ")))")
                }
                guard !steps.isEmpty else {
                    throw fail(number, "`\(keyword)` outside a step (start one with `step at 0s`, `step at +5s` or `step on cue`)")
                }
                try parseStepLine(keyword, argument, into: &steps[steps.count - 1], config: config, line: number, fail: fail)
            }
        }
        guard sawContent else { throw fail(nil, "empty file: a scenario needs at least one step") }
        guard !steps.isEmpty else { throw fail(nil, "no steps (add `step at 0s` with a caption)") }
        // Captions are checked last: the step counter's width depends on how many steps there are.
        for (i, step) in steps.enumerated() {
            for (text, keyword) in [(step.caption, "caption"), (step.note, "note")] {
                if let text, let wide = text.unicodeScalars.first(where: Self.takesTwoCells) {
                    throw fail(captionLine(step, in: lines, keyword: keyword),
                               "\(keyword) has a wide character `\(wide)` (CJK or emoji take two cells; rcutop draws one cell per character)")
                }
            }
            if let caption = step.caption {
                let row = CaptionBar.firstRow(step: i + 1, total: steps.count, caption: caption)
                if row.count > CaptionBar.width {
                    throw fail(captionLine(step, in: lines),
                               "caption too long: \(row.count - CaptionBar.width) characters over \(CaptionBar.width) columns with the step counter (at most \(caption.count - (row.count - CaptionBar.width)))")
                }
            }
            if let note = step.note {
                let row = CaptionBar.secondRow(look: step.look, note: note)
                if row.count > CaptionBar.width {
                    throw fail(captionLine(step, in: lines, keyword: "note"),
                               "note too long: \(row.count - CaptionBar.width) characters over \(CaptionBar.width) columns with `look`")
                }
            }
        }
        return Scenario(name: name, title: title ?? name, config: config, steps: steps)
    }

    /// The keywords, for messages and the fuzz test.
    enum Keyword {
        static let stepKeywords = ["workload", "lazy", "policy", "speed", "pause", "resume", "focus", "highlight", "look", "caption", "note"]
        static let all = ["title", "setup", "step"] + stepKeywords
    }

    // MARK: - Setup

    private static func parseSetup(_ argument: String, into config: inout EngineConfig, line: Int,
                                   fail: (Int?, String) -> ScenarioError) throws(ScenarioError) {
        let items = argument.split(separator: ",", omittingEmptySubsequences: false).map { trim(String($0)) }
        guard !argument.isEmpty, !items.contains(where: \.isEmpty) else {
            throw fail(line, "setup needs items separated by commas, e.g. `setup cpus 8, hz 1000, seed 1, workloads idle, lazy on`")
        }
        for item in items {
            let (key, value) = splitKeyword(item)
            switch key {
            case "cpus":
                guard let n = Int(value), (1...EngineConfig.maxCPUs).contains(n) else {
                    throw fail(line, "bad number of CPUs `\(value)` (1...\(EngineConfig.maxCPUs))")
                }
                config.cpuCount = n
            case "hz":
                guard let n = Int(value), EngineConfig.allowedHZ.contains(n) else {
                    throw fail(line, "bad hz `\(value)` (one of \(EngineConfig.allowedHZ.map(String.init).joined(separator: ", ")))")
                }
                config.hz = n
            case "seed":
                guard let n = UInt64(value) else { throw fail(line, "bad seed `\(value)` (a whole number, 0 or more)") }
                config.seed = n
            case "lazy":
                config.lazyEnabled = try onOff(value, line: line, fail: fail)
            case "kernel":
                guard let kernel = KernelVersion(rawValue: value) else {
                    throw fail(line, "unknown kernel `\(value)` (one of \(KernelVersion.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                config.kernel = kernel
            case "mem":
                guard let gib = UInt64(value.hasSuffix("G") || value.hasSuffix("g") ? String(value.dropLast()) : value),
                      (1...1024).contains(gib) else {
                    throw fail(line, "bad mem `\(value)` (whole GiB, 1G...1024G)")
                }
                config.memoryBytes = gib << 30
            case "policy":
                switch try policy(value, line: line, fail: fail) {
                case .policy(let p): config.policy = p
                default: throw fail(line, "policy `\(value)` is not in this build: it cannot be the starting policy")
                }
            case "workloads":
                var kinds: Set<WorkloadKind> = []
                for word in value.split(whereSeparator: { $0 == " " || $0 == "+" || $0 == "\t" }) where word != "none" {
                    guard let kind = WorkloadKind(rawValue: String(word)) else {
                        throw fail(line, "unknown workload `\(word)` (one of: \(WorkloadKind.allCases.map(\.rawValue).joined(separator: ", ")), none)")
                    }
                    kinds.insert(kind)
                }
                guard !value.isEmpty else { throw fail(line, "workloads needs names (or `none`)") }
                config.workloads = WorkloadKind.allCases.filter(kinds.contains)
            default:
                throw fail(line, "unknown setup item `\(key)` (cpus, hz, seed, workloads, lazy, policy)")
            }
        }
    }

    // MARK: - Steps

    private static func parseTiming(_ argument: String, hz: Int, line: Int,
                                    fail: (Int?, String) -> ScenarioError) throws(ScenarioError) -> StepTiming {
        let words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words == ["on", "cue"] { return .onCue }
        guard words.count == 2, words[0] == "at" else {
            throw fail(line, "step needs a timing: `step at 12s`, `step at +5s` or `step on cue`")
        }
        var time = words[1]
        let relative = time.hasPrefix("+")
        if relative { time.removeFirst() }
        guard let seconds = self.seconds(time) else {
            throw fail(line, "bad time `\(words[1])` (write 12s, 1.5s or 500ms, at most \(Int(maximumSeconds))s)")
        }
        let jiffies = UInt64((seconds * Double(hz)).rounded())
        return relative ? .after(jiffies: jiffies) : .at(jiffies: jiffies)
    }

    /// `12s`, `1.5s`, `500ms` as seconds; nil for anything else.
    static func seconds(_ text: String) -> Double? {
        let (digits, scale): (Substring, Double)
        if text.hasSuffix("ms") { (digits, scale) = (text.dropLast(2), 0.001) }
        else if text.hasSuffix("s") { (digits, scale) = (text.dropLast(1), 1) }
        else { return nil }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite else { return nil }
        let seconds = value * scale
        return seconds <= maximumSeconds ? seconds : nil
    }

    private static func parseStepLine(_ keyword: String, _ argument: String, into step: inout ScenarioStep, config: EngineConfig,
                                      line: Int, fail: (Int?, String) -> ScenarioError) throws(ScenarioError) {
        func noArgument() throws(ScenarioError) {
            guard argument.isEmpty else { throw fail(line, "`\(keyword)` takes no argument") }
        }
        switch keyword {
        case "workload":
            let words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count == 2 else { throw fail(line, "write `workload NAME on` or `workload NAME off`") }
            let on = try onOff(words[1], line: line, fail: fail)
            if let kind = WorkloadKind(rawValue: words[0]) {
                step.actions.append(.workload(kind, on: on))
            } else {
                throw fail(line, "unknown workload `\(words[0])` (one of: \(WorkloadKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        case "lazy":
            step.actions.append(.lazy(try onOff(argument, line: line, fail: fail)))
        case "policy":
            step.actions.append(try policy(argument, line: line, fail: fail))
        case "speed":
            var text = argument
            if text.hasSuffix("x") { text.removeLast() }
            let range = AppState.speedSteps.first!...AppState.speedSteps.last!
            guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let x = Double(text), range.contains(x) else {
                throw fail(line, "bad speed `\(argument)` (a number from \(Format.speed(range.lowerBound)) to \(Format.speed(range.upperBound)), e.g. `speed 2` or `speed 0.01`)")
            }
            step.actions.append(.speed(x))
        case "pause":
            try noArgument(); step.actions.append(.pause)
        case "resume":
            try noArgument(); step.actions.append(.resume)
        case "focus":
            let words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words == ["off"] || words == ["none"] { step.actions.append(.focusCPU(nil)); return }
            guard words.count == 2, words[0] == "cpu" || words[0] == "CPU", let n = Int(words[1]) else {
                throw fail(line, "write `focus cpu N` (or `focus off`)")
            }
            guard n >= 0, n < config.cpuCount else { throw fail(line, "no CPU \(n): the setup has \(config.cpuCount) CPUs (0...\(config.cpuCount - 1))") }
            step.actions.append(.focusCPU(n))
        case "highlight", "look":
            if argument == "none" || argument == "off" { step.look = nil; return }
            guard let panel = Scenario.panelNames.first(where: { $0.0 == argument })?.1 else {
                throw fail(line, "unknown panel `\(argument)` (cpus, gp, wakeups, memory, events, or none)")
            }
            step.look = panel
        case "caption":
            guard !argument.isEmpty else { throw fail(line, "caption needs text") }
            guard step.caption == nil else { throw fail(line, "a second caption in the step of line \(step.line)") }
            step.caption = argument
        case "note":
            guard !argument.isEmpty else { throw fail(line, "note needs text") }
            guard step.note == nil else { throw fail(line, "a second note in the step of line \(step.line)") }
            step.note = argument
        default:
            throw fail(line, "unknown step `\(keyword)`")
        }
    }

    // MARK: - Words

    private static func onOff(_ word: String, line: Int, fail: (Int?, String) -> ScenarioError) throws(ScenarioError) -> Bool {
        switch word {
        case "on": return true
        case "off": return false
        default: throw fail(line, "expected `on` or `off`, found `\(word)`")
        }
    }

    /// A policy of this build, or a planned one this build lacks (`.unavailable`).
    private static func policy(_ name: String, line: Int, fail: (Int?, String) -> ScenarioError) throws(ScenarioError) -> ScenarioAction {
        if let p = ReclaimPolicyKind.allCases.first(where: { $0.rawValue == name }) { return .policy(p) }
        if Scenario.plannedPolicies.contains(name) { return .unavailable("policy \(name)") }
        throw fail(line, "unknown policy `\(name)` (one of: \(ReclaimPolicyKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    private static func captionLine(_ step: ScenarioStep, in lines: [Substring], keyword: String = "caption") -> Int {
        var i = step.line // 1-based line of `step`; the caption is below it
        while i < lines.count {
            let (k, _) = splitKeyword(trim(String(lines[i])))
            if k == keyword { return i + 1 }
            if k == "step" { break }
            i += 1
        }
        return step.line
    }

    /// First word and the rest, both trimmed.
    static func splitKeyword(_ s: String) -> (String, String) {
        guard let space = s.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (s, "") }
        return (String(s[..<space]), trim(String(s[space...])))
    }

    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
        return String(sub)
    }

    private static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}

/// A scenario that could not be loaded: "FILE:LINE: problem" (or "FILE: problem").
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: String
    public init(file: String, line: Int?, problem: String) { self.file = file; self.line = line; self.problem = problem }
    public var description: String { line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)" }
}

extension ScenarioParser {
    /// East Asian wide and fullwidth characters and emoji: two terminal cells each, which the
    /// one-cell-per-character screen cannot draw (they would come out as `?`).
    static func takesTwoCells(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
