/// Formats an asciinema v2 recording (`--record FILE.cast`): a JSON header line, then one
/// `[seconds, "o", "data"]` line per chunk of output the terminal was sent.
///
/// Pure formatting; the executable owns the file and the clock. The bytes written to the tty
/// are fed in as they are: a UTF-8 character split across two writes is kept whole (the
/// incomplete tail waits for the next `event`), and invalid bytes become U+FFFD, so every line
/// is valid JSON in valid UTF-8. Control characters and escape sequences are JSON-escaped
/// (ESC is `\u001b`).
public struct CastWriter: Sendable, Equatable {
    /// Bytes of an incomplete UTF-8 character at the end of the last chunk.
    public private(set) var pending: [UInt8] = []

    public init() {}

    /// The first line: `{"version": 2, "width": W, "height": H, "timestamp": T, "env": {...}}`.
    /// `timestamp` is the Unix time the recording started; nil environment values are left out.
    public static func header(width: Int, height: Int, timestamp: Int, term: String?, shell: String?, title: String? = nil) -> String {
        var env: [String] = []
        if let shell { env.append("\"SHELL\": " + quote(shell)) }
        if let term { env.append("\"TERM\": " + quote(term)) }
        var fields = ["\"version\": 2", "\"width\": \(max(1, width))", "\"height\": \(max(1, height))", "\"timestamp\": \(timestamp)"]
        if let title { fields.append("\"title\": " + quote(title)) }
        fields.append("\"env\": {" + env.joined(separator: ", ") + "}")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// One output event at `seconds` since the start (6 decimals), or nil when `bytes` held
    /// nothing complete yet.
    public mutating func event(at seconds: Double, _ bytes: [UInt8]) -> String? {
        let all = pending + bytes
        let cut = CastWriter.completePrefixLength(all)
        pending = Array(all[cut...])
        guard cut > 0 else { return nil }
        return CastWriter.line(seconds: seconds, text: String(decoding: all[..<cut], as: UTF8.self))
    }

    /// Whatever is pending (an incomplete character at the end of the session), as U+FFFD.
    public mutating func finish(at seconds: Double) -> String? {
        guard !pending.isEmpty else { return nil }
        defer { pending = [] }
        return CastWriter.line(seconds: seconds, text: String(decoding: pending, as: UTF8.self))
    }

    /// A resize event (asciinema v2 `"r"`, data `"COLSxROWS"`): players resize before the frames
    /// that follow, so a session recorded across a terminal resize plays back whole.
    public static func resize(at seconds: Double, width: Int, height: Int) -> String {
        let t = seconds.isFinite && seconds > 0 ? Format.fixed(seconds, decimals: 6) : "0.000000"
        return "[" + t + ", \"r\", \"\(max(1, width))x\(max(1, height))\"]"
    }

    static func line(seconds: Double, text: String) -> String {
        let t = seconds.isFinite && seconds > 0 ? Format.fixed(seconds, decimals: 6) : "0.000000"
        return "[" + t + ", \"o\", " + quote(text) + "]"
    }

    /// Length of the longest prefix that does not end inside a UTF-8 character that more bytes
    /// could still complete (at most 3 bytes are held back).
    static func completePrefixLength(_ b: [UInt8]) -> Int {
        let n = b.count
        for back in 1...min(3, max(1, n)) where n - back >= 0 && n > 0 {
            let lead = b[n - back]
            if lead & 0xC0 == 0x80 { continue } // continuation byte: look further back
            let needed: Int
            switch lead {
            case 0xC2...0xDF: needed = 2
            case 0xE0...0xEF: needed = 3
            case 0xF0...0xF4: needed = 4
            default: return n // ASCII or an invalid lead: nothing to wait for
            }
            return needed > back ? n - back : n
        }
        return n
    }

    /// A JSON string literal (see `JSONString.quote`).
    public static func quote(_ s: String) -> String { JSONString.quote(s) }
}
