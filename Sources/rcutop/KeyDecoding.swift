import CNcursesw
import Dashboard

/// What ncurses' `wget_wch` returns, turned into `Key`s. Tables, not branches in the loop.
enum KeyDecoding {
    /// A KEY_CODE_YES code (`KEY_UP`, `KEY_F(1)`, `KEY_RESIZE`...), or nil for keys we ignore.
    static func decode(functionKey code: Int32) -> Key? {
        if let key = functionKeys[code] { return key }
        let f1 = nc_key_f(1)
        if code >= f1 && code <= nc_key_f(12) { return .function(Int(code - f1) + 1) }
        // Modified keys (Ctrl+Home is `ESC[1;5H`) come as codes ncurses numbers at run time
        // from terminfo's extended names: kHOM5, kEND3, kUP5... Keep the key, drop the modifier.
        guard let name = keyname(code) else { return nil }
        let text = String(cString: name)
        return modifiedKeyPrefixes.first { text.hasPrefix($0.prefix) }?.key
    }

    private static let modifiedKeyPrefixes: [(prefix: String, key: Key)] = [
        ("kHOM", .home), ("kEND", .end), ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
        ("kPRV", .pageUp), ("kNXT", .pageDown),
    ]

    /// Keypad and cursor keys by ncurses code. Home and End come under several names: xterm's
    /// terminfo calls `ESC[1~` / `ESC[4~` Find / Select, and keypad corners are A1 / C1.
    /// Shift+Up / Shift+Down are terminfo's scroll keys (kri / kind).
    private static let functionKeys: [Int32: Key] = [
        KEY_RESIZE: .resize,
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_SR: .up, KEY_SF: .down, KEY_SLEFT: .left, KEY_SRIGHT: .right,  // with Shift
        KEY_HOME: .home, KEY_FIND: .home, KEY_A1: .home, KEY_SHOME: .home,
        KEY_END: .end, KEY_SELECT: .end, KEY_C1: .end, KEY_SEND: .end,
        KEY_PPAGE: .pageUp, KEY_A3: .pageUp, KEY_NPAGE: .pageDown, KEY_C3: .pageDown,
        KEY_ENTER: .enter, KEY_BACKSPACE: .backspace,
    ]

    /// A plain character (wget_wch returned OK), or nil for ones that mean nothing.
    static func decode(character wch: wint_t) -> Key? {
        switch wch {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(wch) + 0x60)))
        case 0x00, 0x1C...0x1F, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(wch) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// After ESC: is `bytes` a prefix of a longer escape sequence (keep reading)?
    static func isIncompleteEscapeSequence(_ bytes: [UInt32]) -> Bool {
        guard let first = bytes.first else { return true }
        switch first {
        case UInt32(UInt8(ascii: "O")):
            return bytes.count < 2
        case UInt32(UInt8(ascii: "[")):
            if bytes.count == 1 { return true }
            if bytes.count == 2 && bytes[1] == UInt32(UInt8(ascii: "[")) { return true }  // linux console F1-F5: ESC[[A
            guard let last = bytes.last else { return true }
            return !(0x40...0x7E).contains(last) || (bytes.count == 2 && last == UInt32(UInt8(ascii: "[")))
        default:
            return false  // Alt+key: ESC and one character
        }
    }

    /// The key an escape sequence (without its ESC) stands for, or nil when unknown.
    /// Modifier parameters are ignored: `ESC[1;5H` (Ctrl+Home) is Home.
    static func decode(escapeSequence bytes: [UInt32]) -> Key? {
        let text = String(String.UnicodeScalarView(bytes.compactMap(Unicode.Scalar.init)))
        if let key = escapeSequences[text] { return key }
        // CSI with parameters: ESC [ 1 ; 5 H  or  ESC [ 5 ; 3 ~
        guard text.hasPrefix("["), let final = text.last else { return nil }
        let parameters = text.dropFirst().dropLast().split(separator: ";")
        if final == "~" {
            guard let first = parameters.first else { return nil }
            return escapeSequences["[\(first)~"]
        }
        return escapeSequences["[\(final)"]
    }

    private static let escapeSequences: [String: Key] = [
        "[A": .up, "[B": .down, "[C": .right, "[D": .left,
        "OA": .up, "OB": .down, "OC": .right, "OD": .left,
        "[H": .home, "OH": .home, "[1~": .home, "[7~": .home,
        "[F": .end, "OF": .end, "[4~": .end, "[8~": .end,
        "[5~": .pageUp, "[6~": .pageDown,
        "OP": .function(1), "OQ": .function(2), "OR": .function(3), "OS": .function(4),
        "[P": .function(1), "[Q": .function(2), "[R": .function(3), "[S": .function(4),
        "[11~": .function(1), "[12~": .function(2), "[13~": .function(3), "[14~": .function(4), "[15~": .function(5),
        "[17~": .function(6), "[18~": .function(7), "[19~": .function(8), "[20~": .function(9), "[21~": .function(10),
        "[23~": .function(11), "[24~": .function(12),
        "[[A": .function(1), "[[B": .function(2), "[[C": .function(3), "[[D": .function(4), "[[E": .function(5),
        "OM": .enter, "[Z": .tab,
    ]
}
