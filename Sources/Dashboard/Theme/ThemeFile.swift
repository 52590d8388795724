/// The parser for btop's theme file format: `theme[KEY]="VALUE"` lines.
///
/// Rules (btop's, so existing btop themes load unchanged):
/// - values: `#RRGGBB`, `#GG` (grey), `"R G B"` in decimal, or empty for the terminal default;
///   quoted or unquoted; text after the closing quote is ignored;
/// - CR is stripped (CRLF files), blank lines and `#` comment lines are skipped, lines that are not
///   `theme[...]` are skipped, unknown keys are skipped (and listed in `unknownKeys`);
/// - keys the file omits fall back to the built-in default theme, key by key; in a gradient
///   (`_start`, `_mid`, `_end`) a given start with an omitted or empty end gives one colour, and an
///   omitted mid is halfway between start and end, as btop draws them.
/// Errors name the file and line: binary content (NUL, invalid UTF-8), no theme keys at all, a bad
/// colour value, a missing closing quote, a malformed `theme[` line.
public enum ThemeFile {
    /// A parsed file: the theme plus what was skipped.
    public struct Parsed: Sendable, Equatable {
        public var theme: Theme
        /// Keys that are not btop theme keys rcutop knows, with their line numbers.
        public var unknownKeys: [(key: String, line: Int)] { zip(unknownKeyNames, unknownKeyLines).map { ($0, $1) } }
        var unknownKeyNames: [String]
        var unknownKeyLines: [Int]
        /// Keys the file set, in file order (a repeated key counts once; the last value wins).
        public var keysSet: [ThemeKey]
    }

    /// Parse a theme file's bytes. `file` names it in errors; `name` becomes the theme's name.
    public static func parse(_ bytes: [UInt8], file: String, name: String) throws(ThemeError) -> Parsed {
        let bytes = Array(InputFile.droppingByteOrderMark(bytes))
        if let nul = bytes.firstIndex(of: 0) {
            throw ThemeError(file: file, line: lineNumber(of: nul, in: bytes), problem: "binary content (NUL byte), not a theme file")
        }
        // CR goes before decoding: "\r\n" is one Character and would not split on "\n".
        guard let text = String(validating: bytes.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self) else {
            throw ThemeError(file: file, line: firstInvalidUTF8Line(bytes), problem: "binary content (not UTF-8 text), not a theme file")
        }
        var given: [ThemeKey: Color] = [:]
        var order: [ThemeKey] = []
        var unknownNames: [String] = [], unknownLines: [Int] = []
        var lineNo = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || !line.hasPrefix("theme[") { continue }
            guard let close = line.firstIndex(of: "]") else {
                throw ThemeError(file: file, line: lineNo, problem: "expected theme[key]=\"value\", no closing ]")
            }
            let key = String(line[line.index(line.startIndex, offsetBy: 6)..<close]).trimmingSpaces()
            var rest = line[line.index(after: close)...].trimmingSpaces()
            guard rest.hasPrefix("=") else {
                throw ThemeError(file: file, line: lineNo, problem: "expected = after theme[\(key)]")
            }
            rest = String(rest.dropFirst()).trimmingSpaces()
            let value: String
            if rest.hasPrefix("\"") {
                let body = rest.dropFirst()
                guard let end = body.firstIndex(of: "\"") else {
                    throw ThemeError(file: file, line: lineNo, problem: "missing closing quote in value of theme[\(key)]")
                }
                value = String(body[..<end]).trimmingSpaces()
            } else if rest.hasPrefix("'") {
                let body = rest.dropFirst()
                guard let end = body.firstIndex(of: "'") else {
                    throw ThemeError(file: file, line: lineNo, problem: "missing closing quote in value of theme[\(key)]")
                }
                value = String(body[..<end]).trimmingSpaces()
            } else {
                value = rest
            }
            guard let themeKey = ThemeKey(rawValue: key) else {
                unknownNames.append(key); unknownLines.append(lineNo)
                continue
            }
            guard let color = parseColor(value) else {
                throw ThemeError(file: file, line: lineNo,
                                 problem: "bad colour \"\(value.prefix(40))\" for \(key) (expected \"#RRGGBB\", \"#GG\" grey, \"R G B\" decimal or \"\")")
            }
            if given[themeKey] == nil { order.append(themeKey) }
            given[themeKey] = color
        }
        if given.isEmpty {
            let problem = unknownNames.isEmpty ? "empty theme: no theme[key]=\"value\" lines"
                                               : "no known theme keys (\(unknownNames.count) unknown, e.g. \(unknownNames[0]))"
            throw ThemeError(file: file, line: nil, problem: problem)
        }
        return Parsed(theme: Theme(name: name, colors: resolveGradients(given)),
                      unknownKeyNames: unknownNames, unknownKeyLines: unknownLines, keysSet: order)
    }

    /// A colour value: `#RRGGBB`, `#GG` grey, `R G B` decimal, or empty for the terminal default.
    public static func parseColor(_ value: String) -> Color? {
        let v = value.trimmingSpaces()
        if v.isEmpty { return .terminalDefault }
        if v.hasPrefix("#") {
            let hex = Array(v.utf8.dropFirst())
            func byte(_ i: Int) -> UInt8? {
                guard let hi = hexDigit(hex[i]), let lo = hexDigit(hex[i + 1]) else { return nil }
                return hi << 4 | lo
            }
            if hex.count == 6, let r = byte(0), let g = byte(2), let b = byte(4) { return .rgb(r, g, b) }
            if hex.count == 2, let grey = byte(0) { return .rgb(grey, grey, grey) }
            return nil
        }
        let parts = v.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3 else { return nil }
        var rgb: [UInt8] = []
        for p in parts {
            guard p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(p), n <= 255 else { return nil }
            rgb.append(UInt8(n))
        }
        return .rgb(rgb[0], rgb[1], rgb[2])
    }

    /// btop's gradient fallbacks inside one file: a start with no end gives one colour; a start and
    /// an end with no mid meet halfway. A gradient whose start is not given keeps the default's stops.
    static func resolveGradients(_ given: [ThemeKey: Color]) -> [ThemeKey: Color] {
        var out = given
        let groups = Dictionary(grouping: ThemeKey.allCases.filter { $0.gradientStop != nil }) { $0.gradientStop!.name }
        for (_, keys) in groups {
            let stops = keys.sorted { $0.gradientStop!.stop < $1.gradientStop!.stop }
            let (s, m, e) = (stops[0], stops[1], stops[2])
            guard let start = given[s] else { continue }
            let end = given[e].flatMap { $0 == .terminalDefault && start != .terminalDefault ? nil : $0 }
            let mid = given[m].flatMap { $0 == .terminalDefault && start != .terminalDefault ? nil : $0 }
            switch (mid, end) {
            case (nil, nil): out[m] = start; out[e] = start
            case (nil, let end?): out[m] = Gradient.mix(start, end, 0.5); out[e] = end
            case (let mid?, nil): out[m] = mid; out[e] = mid
            case (let mid?, let end?): out[m] = mid; out[e] = end
            }
        }
        return out
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The line of the first byte sequence that is not valid UTF-8.
    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1; start = i + 1
        }
        return line
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
