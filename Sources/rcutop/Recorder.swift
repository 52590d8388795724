import Dashboard
import Glibc

/// `--record FILE.cast`: an asciinema v2 recording of the session.
///
/// Why not the bytes ncurses writes: ncurses 6 buffers its output itself and hands it to
/// `write(2)` on `fileno(outFile)`, never through stdio, so a `fopencookie` stream (fileno -1)
/// receives nothing (tried: 0 bytes, a blank screen), and a pipe or pty in its place would also
/// take away the tty ncurses needs for its modes, its size and SIGTSTP. So the recorder encodes
/// the same frames the terminal is given: each frame's changed cells as cursor moves, SGR
/// colours (24-bit) and UTF-8, one output event per frame, timed by the wall clock. What an
/// asciinema player shows is what the audience saw, cell for cell.
///
/// Only the main thread uses it.
final class Recorder {
    struct OpenError: Error, CustomStringConvertible { var description: String }

    let path: String
    private var fd: Int32
    private var writer = CastWriter()
    private var startTime = 0.0
    private var previous: ScreenBuffer?
    /// The first write error; recording stops there (the dashboard goes on).
    private(set) var problem: String?

    /// Create (or truncate) the file; throws with the reason when it cannot be written.
    init(path: String) throws(OpenError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OpenError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// The header line (the terminal's size now, the Unix time) and the switch to the full screen.
    func start(width: Int, height: Int, term: String?, shell: String?, title: String?) {
        startTime = Self.now()
        emitLine(CastWriter.header(width: width, height: height, timestamp: time(nil), term: term, shell: shell, title: title))
        emit(Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J".utf8))
    }

    /// One frame as drawn on the terminal: the cells that changed since the last one (all of
    /// them on the first frame and after a resize).
    func frame(_ buffer: ScreenBuffer, glyphs: GlyphSet) {
        guard problem == nil, fd >= 0 else { return }
        var bytes: [UInt8] = []
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            // Whatever is pending belongs to the old size; then the resize event, then a full frame.
            if let tail = writer.finish(at: Self.now() - startTime) { emitLine(tail) }
            emitLine(CastWriter.resize(at: Self.now() - startTime, width: buffer.width, height: buffer.height))
            bytes += Array("\u{1B}[0m\u{1B}[H\u{1B}[2J".utf8)
            self.previous = nil
        }
        var cursor: (x: Int, y: Int)? = nil
        var style: Style? = nil
        for update in buffer.diff(from: previous) {
            if cursor == nil || cursor! != (update.x, update.y) {
                bytes += Array("\u{1B}[\(update.y + 1);\(update.x + 1)H".utf8)
            }
            if style != update.cell.style {
                bytes += Self.sgr(update.cell.style)
                style = update.cell.style
            }
            let scalar = CellCharacter.displayableScalar(update.cell.character, glyphs: glyphs)
            bytes += Array(String(Character(Unicode.Scalar(scalar) ?? " ")).utf8)
            // After the last column the cursor's place is the terminal's business: move next time.
            cursor = update.x + 1 < buffer.width ? (update.x + 1, update.y) : nil
        }
        previous = buffer
        guard !bytes.isEmpty else { return }
        bytes += Array("\u{1B}[0m".utf8)
        emit(bytes)
    }

    /// Leave the full screen, flush an incomplete character, close the file. Returns the first
    /// write error, if any.
    func finish() -> String? {
        guard fd >= 0 else { return problem }
        emit(Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8))
        if let tail = writer.finish(at: Self.now() - startTime) { emitLine(tail) }
        if Glibc.close(fd) != 0, problem == nil { problem = "closing \(path): \(String(cString: strerror(errno)))" }
        fd = -1
        return problem
    }

    /// SGR for a style: reset, then bold / dim / underline / reverse and 24-bit colours.
    static func sgr(_ style: Style) -> [UInt8] {
        var parts = ["0"]
        if style.bold { parts.append("1") }
        if style.dim { parts.append("2") }
        if style.underline { parts.append("4") }
        if style.reverse { parts.append("7") }
        if case let .rgb(r, g, b) = style.foreground { parts.append("38;2;\(r);\(g);\(b)") }
        if case let .rgb(r, g, b) = style.background { parts.append("48;2;\(r);\(g);\(b)") }
        return Array("\u{1B}[\(parts.joined(separator: ";"))m".utf8)
    }

    private func emit(_ bytes: [UInt8]) {
        if let line = writer.event(at: Self.now() - startTime, bytes) { emitLine(line) }
    }

    private func emitLine(_ line: String) {
        guard problem == nil, fd >= 0 else { return }
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else {
                problem = "writing \(path): \(String(cString: strerror(errno)))"
                return
            }
        }
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
