import RCUEngine

// How btop theme keys colour rcutop (also in themes/README.md). A btop theme loads unchanged;
// keys a file omits fall back, one by one, to the built-in default theme.
//
// | btop key                  | rcutop role             | used for                                              |
// |---------------------------|-------------------------|-------------------------------------------------------|
// | main_bg                   | background              | every cell ("" = the terminal's own background)       |
// | main_fg                   | text                    | values, event log text                                |
// | title                     | title                   | panel titles, the "rcutop" name                        |
// | hi_fg                     | highlight               | key letters, workloads that are on, LAZY ON badge      |
// | selected_bg / selected_fg | selected                | title of the selected panel, help overlay title        |
// | inactive_fg               | dim                     | labels, workloads that are off, idle CPUs, zeros       |
// | graph_text                | graphText               | column headings, sparkline captions                   |
// | meter_bg                  | meter                   | the empty part of bars                                |
// | proc_misc                 | lazy                    | lazy callbacks (bypass lazy part), "lazy" words        |
// | cpu_box                   | border of CPUs          | per-CPU table                                         |
// | mem_box                   | border of memory        | memory panel                                          |
// | net_box                   | border of wake-ups      | wake-ups panel                                        |
// | proc_box                  | border of GP, event log | grace-period panel, event log                         |
// | div_line                  | divider                 | header and footer rules, help box                     |
// | temp_start/mid/end        | wake-up gradient        | wake-ups sparkline, cold to hot                       |
// | cpu_start/mid/end         | heat gradient; good/warn| CPU heat map and bars by pending callbacks            |
// | free_start/mid/end        | segment DONE            | DONE (ready to invoke), memory freed                  |
// | cached_start/mid/end      | segment WAIT            | WAIT (waiting for the current grace period)           |
// | available_start/mid/end   | segment NEXT; free mem  | NEXT (no grace period yet), free memory               |
// | used_start/mid/end        | pending memory; bad     | bytes waiting for a GP sparkline, hurry, OOM          |
// | download_start/mid/end    | segment NEXT_READY      | NEXT_READY (waiting for a later grace period)         |
// | upload_start/mid/end      | non-lazy bypass         | bypass callbacks that are not lazy                    |
// | process_start/mid/end     | event kinds             | event log: GP start / flush / OOM                     |

/// The btop theme keys rcutop reads (btop's `Theme::Default_theme` names).
public enum ThemeKey: String, Sendable, CaseIterable, Hashable {
    case mainBG = "main_bg", mainFG = "main_fg", title, hiFG = "hi_fg", selectedBG = "selected_bg",
         selectedFG = "selected_fg", inactiveFG = "inactive_fg", graphText = "graph_text", meterBG = "meter_bg",
         procMisc = "proc_misc", cpuBox = "cpu_box", memBox = "mem_box", netBox = "net_box", procBox = "proc_box",
         divLine = "div_line"
    case tempStart = "temp_start", tempMid = "temp_mid", tempEnd = "temp_end"
    case cpuStart = "cpu_start", cpuMid = "cpu_mid", cpuEnd = "cpu_end"
    case freeStart = "free_start", freeMid = "free_mid", freeEnd = "free_end"
    case cachedStart = "cached_start", cachedMid = "cached_mid", cachedEnd = "cached_end"
    case availableStart = "available_start", availableMid = "available_mid", availableEnd = "available_end"
    case usedStart = "used_start", usedMid = "used_mid", usedEnd = "used_end"
    case downloadStart = "download_start", downloadMid = "download_mid", downloadEnd = "download_end"
    case uploadStart = "upload_start", uploadMid = "upload_mid", uploadEnd = "upload_end"
    case processStart = "process_start", processMid = "process_mid", processEnd = "process_end"

    /// For `_start` / `_mid` / `_end` keys: the gradient name (`cpu`) and the stop index 0...2.
    var gradientStop: (name: String, stop: Int)? {
        for (suffix, stop) in [("_start", 0), ("_mid", 1), ("_end", 2)] where rawValue.hasSuffix(suffix) {
            return (String(rawValue.dropLast(suffix.count)), stop)
        }
        return nil
    }
}

/// A three-stop colour gradient (btop's `_start`, `_mid`, `_end`), sampled in 101 steps.
public struct Gradient: Sendable, Equatable {
    public var start: Color, mid: Color, end: Color
    public init(start: Color, mid: Color, end: Color) { self.start = start; self.mid = mid; self.end = end }

    /// The colour at `fraction` (0...1, clamped), rounded to btop's 101 steps.
    public func color(at fraction: Double) -> Color {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let step = (f * 100).rounded() / 100
        if step <= 0.5 { return Gradient.mix(start, mid, step * 2) }
        return Gradient.mix(mid, end, (step - 0.5) * 2)
    }

    static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        guard case let .rgb(r1, g1, b1) = a, case let .rgb(r2, g2, b2) = b else { return t < 0.5 ? a : b }
        func lerp(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return .rgb(lerp(r1, r2), lerp(g1, g2), lerp(b1, b2))
    }
}

/// Colours for each role on screen, read from a btop-format theme file (see the table above).
///
/// A theme is a complete set of btop keys; views ask it for role styles (`text`, `lazy`,
/// `segment(.wait)`...). When every colour is the terminal default (`mono`, `NO_COLOR`), the
/// styles carry meaning by bold, dim and reverse instead, and bars switch to distinct glyphs.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// Every `ThemeKey`; built by the parser with the built-in default filling omitted keys.
    public private(set) var colors: [ThemeKey: Color] {
        didSet { isMonochrome = Theme.allDefault(colors) }
    }
    /// No colour at all: every key is the terminal default. Kept, not recomputed: role styles
    /// ask it on every call, many times per frame.
    public private(set) var isMonochrome: Bool

    /// A theme from key colours; keys missing from `colors` come from the built-in default.
    public init(name: String, colors: [ThemeKey: Color]) {
        self.name = name
        let merged = Theme.defaultColors.merging(colors) { _, new in new }
        self.colors = merged
        self.isMonochrome = Theme.allDefault(merged)
    }

    private static func allDefault(_ colors: [ThemeKey: Color]) -> Bool {
        colors.values.allSatisfy { $0 == .terminalDefault }
    }

    /// A built-in theme whose text uses `text` (kept for callers of the first contract).
    public init(name: String, text: Style = .plain) {
        var colors = Theme.defaultColors
        if text != .plain { colors[.mainFG] = text.foreground; colors[.mainBG] = text.background }
        self.init(name: name, colors: colors)
    }

    /// The built-in default theme (dark, calm, high legibility); always available.
    public static let builtIn = Theme(name: "default", colors: defaultColors)

    /// The same theme with every colour the terminal default: meaning by bold, reverse and glyph.
    public func withoutColor() -> Theme {
        var t = self
        for key in ThemeKey.allCases { t.colors[key] = .terminalDefault }
        return t
    }

    public subscript(key: ThemeKey) -> Color { colors[key] ?? .terminalDefault }


    // MARK: Role styles

    private func fg(_ key: ThemeKey, bold: Bool = false) -> Style {
        Style(foreground: self[key], background: self[.mainBG], bold: bold)
    }
    private func fg(_ color: Color, bold: Bool = false) -> Style {
        Style(foreground: color, background: self[.mainBG], bold: bold)
    }

    public var background: Style { Style(foreground: self[.mainFG], background: self[.mainBG]) }
    public var text: Style { fg(.mainFG) }
    public var title: Style { fg(.title, bold: true) }
    public var highlight: Style { fg(.hiFG, bold: true) }
    public var dim: Style {
        var s = fg(.inactiveFG)
        if self[.inactiveFG] == .terminalDefault { s.dim = true }
        return s
    }
    public var graphText: Style { fg(.graphText) }
    public var divider: Style { fg(.divLine) }
    /// The selected panel's title, the help title: reverse video when the theme has no colour.
    public var selected: Style {
        if self[.selectedBG] == .terminalDefault && self[.selectedFG] == .terminalDefault {
            return Style(bold: true, reverse: true)
        }
        return Style(foreground: self[.selectedFG], background: self[.selectedBG], bold: true)
    }
    /// The empty part of a bar.
    public var meter: Style { fg(.meterBG) }
    public var lazy: Style { fg(.procMisc, bold: isMonochrome) }
    public var nonLazyBypass: Style { fg(self[.uploadEnd]) }
    public var hurry: Style { fg(self[.usedEnd], bold: true) }
    public var good: Style { fg(self[.cpuStart]) }
    public var warning: Style { fg(self[.cpuMid], bold: isMonochrome) }
    public var bad: Style { fg(self[.usedEnd], bold: true) }

    /// Colour of one `rcu_segcblist` segment (kernel-rcu.md §1).
    public func segment(_ segment: Segment) -> Style {
        switch segment {
        case .done: return fg(self[.freeMid])
        case .wait: return fg(self[.cachedMid])
        case .nextReady: return fg(self[.downloadEnd])
        case .next: return fg(self[.availableMid])
        }
    }

    public enum PanelBorder: Sendable { case cpus, gracePeriod, wakeups, memory, events }
    public func border(_ panel: PanelBorder) -> Style {
        switch panel {
        case .cpus: return fg(.cpuBox)
        case .memory: return fg(.memBox)
        case .wakeups: return fg(.netBox)
        case .gracePeriod, .events: return fg(.procBox)
        }
    }

    public func gradient(_ name: String) -> Gradient {
        func key(_ suffix: String) -> Color { ThemeKey(rawValue: name + suffix).map { self[$0] } ?? .terminalDefault }
        return Gradient(start: key("_start"), mid: key("_mid"), end: key("_end"))
    }
    /// Pending callbacks, low to high (heat map, CPU bars).
    public var heat: Gradient { gradient("cpu") }
    /// Wake-ups, cold to hot.
    public var wakeGraph: Gradient { gradient("temp") }
    /// Bytes waiting for a grace period.
    public var pendingGraph: Gradient { gradient("used") }
    public var processGraph: Gradient { gradient("process") }

    /// A style in a gradient colour, on the theme background.
    public func style(in gradient: Gradient, at fraction: Double, bold: Bool = false) -> Style {
        fg(gradient.color(at: fraction), bold: bold)
    }

    // MARK: The built-in default

    /// Dark, calm, high legibility: light grey text on near black, one warm accent for keys.
    static let defaultColors: [ThemeKey: Color] = [
        .mainBG: .rgb(0x12, 0x14, 0x18), .mainFG: .rgb(0xd8, 0xdc, 0xe2), .title: .rgb(0xf2, 0xf4, 0xf8),
        .hiFG: .rgb(0xff, 0xb8, 0x4d), .selectedBG: .rgb(0x2d, 0x4f, 0x7c), .selectedFG: .rgb(0xff, 0xff, 0xff),
        .inactiveFG: .rgb(0x7a, 0x82, 0x8e), .graphText: .rgb(0xa6, 0xae, 0xba), .meterBG: .rgb(0x3a, 0x40, 0x4a),
        .procMisc: .rgb(0x5f, 0xd7, 0xaf), .cpuBox: .rgb(0x4f, 0x8f, 0xc0), .memBox: .rgb(0xb0, 0x9a, 0x4c),
        .netBox: .rgb(0x8f, 0x7c, 0xd0), .procBox: .rgb(0x6c, 0x9a, 0x7c), .divLine: .rgb(0x4a, 0x50, 0x5a),
        .tempStart: .rgb(0x4f, 0x9f, 0xd8), .tempMid: .rgb(0xd8, 0xb0, 0x4f), .tempEnd: .rgb(0xff, 0x5f, 0x5f),
        .cpuStart: .rgb(0x6a, 0xd0, 0x8a), .cpuMid: .rgb(0xe8, 0xd0, 0x5a), .cpuEnd: .rgb(0xf0, 0x5a, 0x4a),
        .freeStart: .rgb(0x2a, 0x4a, 0x2a), .freeMid: .rgb(0x8c, 0xd8, 0x6a), .freeEnd: .rgb(0xc8, 0xf0, 0x8a),
        .cachedStart: .rgb(0x16, 0x3a, 0x4a), .cachedMid: .rgb(0x5c, 0xc8, 0xe8), .cachedEnd: .rgb(0x9a, 0xe4, 0xff),
        .availableStart: .rgb(0x4a, 0x3a, 0x10), .availableMid: .rgb(0xf0, 0xb4, 0x50), .availableEnd: .rgb(0xff, 0xd8, 0x8a),
        .usedStart: .rgb(0x4a, 0x22, 0x22), .usedMid: .rgb(0xe0, 0x70, 0x70), .usedEnd: .rgb(0xff, 0x50, 0x60),
        .downloadStart: .rgb(0x2a, 0x26, 0x5a), .downloadMid: .rgb(0x6a, 0x60, 0xc0), .downloadEnd: .rgb(0xb4, 0xa8, 0xf0),
        .uploadStart: .rgb(0x4a, 0x1a, 0x4a), .uploadMid: .rgb(0xa0, 0x5a, 0xa8), .uploadEnd: .rgb(0xe8, 0x9a, 0xe8),
        .processStart: .rgb(0x80, 0xd0, 0xa3), .processMid: .rgb(0xdc, 0xd1, 0x79), .processEnd: .rgb(0xd4, 0x54, 0x54),
    ]
}

/// Which characters draw boxes, bars and sparklines: Unicode, or ASCII when the locale is not UTF-8.
public enum GlyphSet: Sendable, Equatable {
    case unicode, ascii
}
