import CNcursesw
import Dashboard
import Glibc

/// The tty, owned through ncursesw: opens it, copies changed cells to it, reads keys, and puts
/// it back on `close()` (the crash guard covers the paths that never reach `close`).
///
/// Only the main thread calls into this class; ncurses is not thread-safe.
final class NcursesTerminal {
    /// Why the dashboard cannot run on this terminal: one line for stderr, exit status 1.
    struct OpenError: Error, CustomStringConvertible {
        var description: String
    }

    /// What a wait for input produced.
    enum Input: Equatable {
        case key(Key)
        /// Something arrived that is no key we know (an unknown function key, a stray byte).
        case ignored
        /// The wait ran out with no key.
        case timeout
        /// Interrupted (a signal) or an error before the timeout.
        case interrupted
    }

    let glyphs: GlyphSet
    let colorDepth: ColorDepth
    /// The terminfo entry in use (TERM, or the fallback chosen for an unknown TERM).
    let terminalName: String
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var colorPairs: ColorPairs
    private var previous: ScreenBuffer?
    private var isOpen = true

    // MARK: - Opening

    /// Take the terminal. Order matters (swift-ncurses.md): locale first, TERM checked with a
    /// private `setupterm` so ncurses never prints its bare "Error opening terminal", the tty
    /// modes saved for the crash guard, then `newterm`.
    /// - Parameters:
    ///   - mouse: report button-1 clicks as `Key.mouseClick` (`--no-mouse` leaves the mouse to
    ///     the terminal, for selecting text). `endwin` turns the reporting off again.
    ///   - warn: called with a one-line warning (before the screen is taken).
    static func open(environment: [String: String], mouse: Bool = true, warn: (String) -> Void) throws(OpenError) -> NcursesTerminal {
        let glyphs = setUpLocale(environment: environment)
        let name = try chooseTerminalName(environment: environment, warn: warn)

        CrashGuard.saveTTY(fd: STDOUT_FILENO)
        guard let screen = newterm(name, nc_stdout(), nc_stdin()) else {
            throw OpenError(description: "cannot open the terminal (TERM=\(name))")
        }
        set_term(screen)
        guard let window = nc_stdscr() else {
            endwin(); delscreen(screen)
            throw OpenError(description: "cannot open the terminal (TERM=\(name)): no screen")
        }
        cbreak()
        noecho()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        set_escdelay(25)
        leaveok(window, true)
        // No typeahead check inside doupdate: ncurses flushes its output before each check,
        // which split every frame into a dozen small write()s with a poll() between them.
        // Keys are read right after each frame anyway.
        typeahead(-1)
        if mouse {
            // Press, release and click, with no click-resolution delay (mouseinterval 0): a
            // press is the click, reported at once.
            _ = mousemask(NC_BUTTON1_PRESSED | NC_BUTTON1_RELEASED | NC_BUTTON1_CLICKED, nil)
            _ = mouseinterval(0)
        }

        var depth = ColorDepth.none
        var defaultColors = false
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        if !noColor && has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            let colors = nc_colors()
            switch colors {
            case (1 << 24)...: depth = .trueColor
            case 256...: depth = .palette256
            case 16...: depth = .palette16
            case 8...: depth = .palette8
            default: depth = .none
            }
        }

        // A crash skips endwin: turn xterm mouse reporting off along with the rest.
        let mouseOff: [UInt8] = mouse ? Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) : []
        CrashGuard.arm(restoreSequence: mouseOff + restoreSequence())
        return NcursesTerminal(screen: screen, window: window, glyphs: glyphs, colorDepth: depth,
                               hasDefaultColors: defaultColors, terminalName: name)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, glyphs: GlyphSet,
                 colorDepth: ColorDepth, hasDefaultColors: Bool, terminalName: String) {
        self.screen = screen; self.window = window; self.glyphs = glyphs; self.colorDepth = colorDepth
        self.colorPairs = ColorPairs(depth: colorDepth, hasDefaultColors: hasDefaultColors)
        self.terminalName = terminalName
    }

    /// `setlocale(LC_ALL, "")` (before anything else touches ncurses), then Unicode glyphs only
    /// when the locale's codeset is UTF-8. A UTF-8 LANG naming a locale this machine lacks
    /// (en_US.UTF-8 on a minimal system) falls back to C.UTF-8 instead of ASCII.
    private static func setUpLocale(environment: [String: String]) -> GlyphSet {
        if setlocale(LC_ALL, "") == nil {
            let asked = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
                .compactMap { $0 }.first { !$0.isEmpty } ?? ""
            let lower = asked.lowercased()
            if lower.contains("utf-8") || lower.contains("utf8") { _ = setlocale(LC_ALL, "C.UTF-8") }
        }
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return .ascii }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8" ? .unicode : .ascii
    }

    /// TERM as given when usable; a known entry instead when TERM names no terminfo entry
    /// (with a warning); an error when TERM is unset, empty or cannot address the cursor.
    private static func chooseTerminalName(environment: [String: String], warn: (String) -> Void) throws(OpenError) -> String {
        guard let term = environment["TERM"], !term.isEmpty else {
            throw OpenError(description: "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color) or use --headless")
        }
        switch nc_probe_term(term) {
        case 1:
            return term
        case 0:
            throw OpenError(description: "TERM=\(term) cannot move the cursor, so it cannot show a full-screen dashboard; use a terminal such as xterm-256color, or --headless")
        default:
            for fallback in ["xterm-256color", "xterm", "vt100"] where nc_probe_term(fallback) == 1 {
                warn("no terminfo entry for TERM=\(term); using \(fallback)")
                return fallback
            }
            throw OpenError(description: "no terminfo entry for TERM=\(term) (is ncurses-base installed?); try TERM=xterm-256color or --headless")
        }
    }

    /// sgr0 cnorm rmkx rmcup of the current terminal, with terminfo padding (`$<5>`) removed:
    /// what the crash guard writes to undo curses.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let s = nc_tigetstr(cap) else { continue }
            bytes += stripPadding(Array(String(cString: s).utf8))
        }
        return bytes
    }

    private static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    // MARK: - Closing

    /// Give the tty back: `endwin` (cursor, echo, icanon, main screen), free the screen, stop
    /// capturing stderr. Returns what was written to stderr while curses was active.
    func close() -> String {
        guard isOpen else { return "" }
        isOpen = false
        // Terminals without an alternate screen (linux, vt100) would keep the last frame, with
        // the summary line printed over its footer: clear it first.
        if !Self.hasAlternateScreen {
            werase(window)
            wrefresh(window)
        }
        endwin()
        let captured = CrashGuard.disarm()
        delscreen(screen)
        return captured
    }

    deinit { _ = close() }

    /// Does the terminfo entry switch to an alternate screen (`smcup`)?
    private static var hasAlternateScreen: Bool {
        guard let smcup = tigetstr("smcup") else { return false }
        return Int(bitPattern: smcup) != -1 && smcup.pointee != 0
    }

    // MARK: - Size and drawing

    /// The window size now (ncurses updates it when KEY_RESIZE arrives).
    var size: (width: Int, height: Int) {
        (Int(max(0, getmaxx(window))), Int(max(0, getmaxy(window))))
    }

    /// Forget what is on the screen: the next `draw` copies every cell and ncurses repaints
    /// the whole terminal (after SIGCONT, or anything else that may have drawn on it).
    func invalidate(repaint: Bool) {
        previous = nil
        if repaint, let current = nc_curscr() { clearok(current, true) }
    }

    /// Copy the cells that changed since the last frame, then one `doupdate`.
    func draw(_ buffer: ScreenBuffer) {
        if let previous, previous.width != buffer.width || previous.height != buffer.height { self.previous = nil }
        var cc = cchar_t()
        var chars: [wchar_t] = [0, 0]
        for update in buffer.diff(from: previous) {
            chars[0] = wchar_t(bitPattern: CellCharacter.displayableScalar(update.cell.character, glyphs: glyphs))
            let pair = colorPairs.pair(for: update.cell.style)
            let attributes = attributes(update.cell.style)
            chars.withUnsafeBufferPointer { _ = nc_setcchar(&cc, $0.baseAddress, attributes, pair) }
            mvwadd_wch(window, Int32(update.y), Int32(update.x), &cc)
        }
        previous = buffer
        wnoutrefresh(window)
        doupdate()
    }

    private func attributes(_ style: Style) -> attr_t {
        var attributes = NC_A_NORMAL
        if style.bold { attributes |= NC_A_BOLD }
        if style.dim { attributes |= NC_A_DIM }
        if style.reverse { attributes |= NC_A_REVERSE }
        if style.underline { attributes |= NC_A_UNDERLINE }
        return attributes
    }

    // MARK: - Keys

    /// Wait up to `timeoutMilliseconds` (-1: no limit) for one key.
    func readKey(timeoutMilliseconds: Int32) -> Input {
        wtimeout(window, timeoutMilliseconds)
        var wch: wint_t = 0
        errno = 0
        let result = wget_wch(window, &wch)
        switch result {
        case KEY_CODE_YES:
            if Int32(wch) == KEY_MOUSE { return readMouse() }
            return KeyDecoding.decode(functionKey: Int32(wch)).map(Input.key) ?? .ignored
        case OK:
            guard wch == 0x1B else { return KeyDecoding.decode(character: wch).map(Input.key) ?? .ignored }
            return .key(readEscapeSequence())
        default:
            return errno == EINTR ? .interrupted : .timeout
        }
    }

    /// KEY_MOUSE: a button-1 press or click is a click at its cell; releases and the rest are ignored.
    private func readMouse() -> Input {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .ignored }
        guard event.bstate & (NC_BUTTON1_PRESSED | NC_BUTTON1_CLICKED) != 0, event.x >= 0, event.y >= 0 else { return .ignored }
        return .key(.mouseClick(x: Int(event.x), y: Int(event.y)))
    }

    /// ESC arrived on its own: either the Esc key, or the start of a sequence this terminfo
    /// entry does not list (`ESC[H` for Home under TERM=xterm, `ESC OH` under TERM=screen...).
    /// ncurses has already read the rest of such a sequence into its queue, so take what is
    /// there without waiting and decode it; unknown sequences are dropped whole rather than
    /// turning into stray `[` and letter keys.
    private func readEscapeSequence() -> Key {
        var bytes: [UInt32] = []
        wtimeout(window, 0)
        while bytes.count < 16 {
            var wch: wint_t = 0
            guard wget_wch(window, &wch) == OK else { break }
            bytes.append(wch)
            if !KeyDecoding.isIncompleteEscapeSequence(bytes) { break }
        }
        if bytes.isEmpty { return .escape }
        return KeyDecoding.decode(escapeSequence: bytes) ?? .escape
    }
}
