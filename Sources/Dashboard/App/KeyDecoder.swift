/// Turns the bytes a terminal sends into `Key`s, for sequences ncurses may not know.
///
/// Handles: `ESC[A`..`ESC[D` and `ESC OA`..`ESC OD` arrows (with or without modifiers, e.g.
/// `ESC[1;5A`); Home as `ESC[H`, `ESC[1~`, `ESC[7~`, `ESC OH`; End as `ESC[F`, `ESC[4~`, `ESC[8~`,
/// `ESC OF`; F1-F4 as `ESC OP`..`ESC OS` and `ESC[11~`..`ESC[14~`, F5-F12 as `ESC[15~`..`ESC[24~`;
/// PageUp `ESC[5~`, PageDown `ESC[6~`; SGR and X10 mouse clicks; Enter, Tab, Backspace, Ctrl+letter;
/// UTF-8 characters of one to four bytes. Unknown sequences and invalid bytes are dropped.
///
/// Streaming: `feed` keeps an incomplete sequence at the end (a lone ESC, half a UTF-8 character)
/// for the next call; `flush` (call it when no byte follows within the ESC delay) turns a pending
/// lone ESC into `.escape`. Feeding bytes in any split gives the same keys as one `decode`.
/// Never traps, for any input.
public struct KeyDecoder: Sendable, Equatable {
    /// Bytes of an incomplete sequence, kept for the next `feed`.
    public private(set) var pending: [UInt8] = []
    /// A CSI sequence longer than this is garbage: it is dropped.
    static let maximumSequence = 32

    public init() {}

    /// Decode a whole input at once (a lone ESC at the end is `.escape`).
    public static func decode(_ bytes: [UInt8]) -> [Key] {
        var d = KeyDecoder()
        return d.feed(bytes) + d.flush()
    }

    /// Decode what can be decoded; keep an incomplete trailing sequence.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            switch step(pending, at: i, final: false) {
            case .incomplete:
                pending.removeFirst(i)
                return keys
            case let .key(key, length):
                if let key { keys.append(key) }
                i += length
            }
        }
        pending.removeAll()
        return keys
    }

    /// No more bytes are coming soon: decode what is pending as it stands.
    public mutating func flush() -> [Key] {
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            if case let .key(key, length) = step(pending, at: i, final: true) {
                if let key { keys.append(key) }
                i += max(1, length)
            } else {
                i += 1
            }
        }
        pending.removeAll()
        return keys
    }

    private enum Step { case incomplete, key(Key?, length: Int) }

    /// One key (or nothing, for a dropped sequence) starting at `i`.
    private func step(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let c = b[i]
        switch c {
        case 0x1B: return escape(b, at: i, final: final)
        case 0x0D, 0x0A: return .key(.enter, length: 1)
        case 0x09: return .key(.tab, length: 1)
        case 0x7F, 0x08: return .key(.backspace, length: 1)
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(c + 0x60))), length: 1)
        case 0x00, 0x1C...0x1F: return .key(nil, length: 1)
        case 0x20...0x7E: return .key(.character(Character(Unicode.Scalar(c))), length: 1)
        default: return utf8(b, at: i, final: final)
        }
    }

    private func utf8(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let c = b[i]
        let length: Int
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .key(nil, length: 1) // stray continuation byte or invalid lead
        }
        var value = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            guard i + k < b.count else { return final ? .key(nil, length: b.count - i) : .incomplete }
            let cont = b[i + k]
            guard cont & 0xC0 == 0x80 else { return .key(nil, length: k) }
            value = value << 6 | UInt32(cont & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are dropped.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return .key(nil, length: length) }
        return .key(.character(Character(scalar)), length: length)
    }

    private func escape(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        guard i + 1 < b.count else { return final ? .key(.escape, length: 1) : .incomplete }
        let next = b[i + 1]
        switch next {
        case UInt8(ascii: "["): return csi(b, at: i, final: final)
        case UInt8(ascii: "O"):
            guard i + 2 < b.count else { return final ? .key(.escape, length: 1) : .incomplete }
            let keys: [UInt8: Key] = [UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right,
                                      UInt8(ascii: "D"): .left, UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end,
                                      UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2),
                                      UInt8(ascii: "R"): .function(3), UInt8(ascii: "S"): .function(4),
                                      UInt8(ascii: "M"): .enter]
            return .key(keys[b[i + 2]], length: 3)
        default:
            // ESC then another key (Alt+key, or two presses): the ESC stands alone.
            return .key(.escape, length: 1)
        }
    }

    /// `ESC [ params final`, plus the X10 (`ESC[M b x y`) and SGR (`ESC[<b;x;yM`) mouse forms.
    private func csi(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        var j = i + 2
        // X10 mouse: three raw bytes follow the M.
        if j < b.count, b[j] == UInt8(ascii: "M") {
            guard j + 3 < b.count else { return final ? .key(nil, length: b.count - i) : .incomplete }
            let button = Int(b[j + 1]) - 32, x = Int(b[j + 2]) - 33, y = Int(b[j + 3]) - 33
            let click: Key? = button & 0x43 == 0 && x >= 0 && y >= 0 ? .mouseClick(x: x, y: y) : nil
            return .key(click, length: j + 4 - i)
        }
        while j < b.count, (0x20...0x3F).contains(b[j]) {
            j += 1
            if j - i > KeyDecoder.maximumSequence { return .key(nil, length: j - i) }
        }
        guard j < b.count else { return final ? .key(nil, length: b.count - i) : .incomplete }
        let finalByte = b[j]
        let length = j + 1 - i
        guard (0x40...0x7E).contains(finalByte) else { return .key(nil, length: length - 1 > 0 ? length - 1 : 1) }
        let paramBytes = b[(i + 2)..<j]
        if paramBytes.first == UInt8(ascii: "<") {
            // SGR mouse: <button;x;y then M (press) or m (release); 1-based cells.
            let numbers = KeyDecoder.numbers(paramBytes.dropFirst())
            guard numbers.count == 3, finalByte == UInt8(ascii: "M"), numbers[0] & 0x43 == 0, numbers[1] >= 1, numbers[2] >= 1 else {
                return .key(nil, length: length)
            }
            return .key(.mouseClick(x: numbers[1] - 1, y: numbers[2] - 1), length: length)
        }
        let numbers = KeyDecoder.numbers(paramBytes)
        switch finalByte {
        case UInt8(ascii: "A"): return .key(.up, length: length)
        case UInt8(ascii: "B"): return .key(.down, length: length)
        case UInt8(ascii: "C"): return .key(.right, length: length)
        case UInt8(ascii: "D"): return .key(.left, length: length)
        case UInt8(ascii: "H"): return .key(.home, length: length)
        case UInt8(ascii: "F"): return .key(.end, length: length)
        case UInt8(ascii: "Z"): return .key(nil, length: length) // Shift-Tab: unbound
        case UInt8(ascii: "~"):
            let tilde: [Int: Key] = [1: .home, 7: .home, 4: .end, 8: .end, 5: .pageUp, 6: .pageDown,
                                     11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4),
                                     15: .function(5), 17: .function(6), 18: .function(7), 19: .function(8),
                                     20: .function(9), 21: .function(10), 23: .function(11), 24: .function(12)]
            return .key(numbers.first.flatMap { tilde[$0] }, length: length)
        default:
            return .key(nil, length: length)
        }
    }

    /// Decimal numbers separated by `;` (missing or overlong ones count as 0).
    static func numbers<C: Collection>(_ bytes: C) -> [Int] where C.Element == UInt8 {
        var out: [Int] = []
        var current = 0, digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ";") { out.append(current); current = 0; digits = 0; continue }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { continue }
            if digits < 6 { current = current * 10 + Int(byte - UInt8(ascii: "0")) }
            digits += 1
        }
        out.append(current)
        return out
    }
}
