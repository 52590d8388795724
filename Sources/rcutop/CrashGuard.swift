import Glibc

/// Puts the tty back when the program dies of a fatal signal while curses owns the screen.
///
/// A `fatalError`, a failed precondition or a bad memory access never reaches `endwin`: the
/// terminal would stay raw, on the alternate screen, with the cursor hidden, and the error text
/// (written to stderr while the alternate screen was up) would vanish with it. So:
/// 1. `saveTTY()` before `newterm`: the termios to go back to.
/// 2. `arm(restoreSequence:)` after `newterm`: the bytes that undo curses (sgr0 cnorm rmkx
///    rmcup, precomputed: nothing is looked up in the handler), stderr redirected into an
///    unlinked temporary file, and handlers for SIGILL SIGTRAP SIGABRT SIGBUS SIGFPE SIGSEGV.
/// 3. The handler only calls async-signal-safe functions: `tcsetattr`, `write`, `dup2`,
///    `pread`, `sigaction`, `raise`. It restores the tty, puts stderr back and replays what was
///    captured (so "Fatal error: ..." appears on the normal screen), reinstalls the previous
///    handler (the Swift runtime's backtracer) and lets the signal happen again: a fault
///    re-executes the faulting instruction; SIGABRT, SIGTRAP and signals sent with kill(2) are
///    raised again.
/// 4. `disarm()` after `endwin`: previous handlers back, stderr back, captured text returned.
///
/// The state lives in one block allocated once, because a C signal handler cannot capture.
enum CrashGuard {
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// Save the terminal modes to restore (call before `newterm`).
    static func saveTTY(fd: Int32) {
        let state = crashState
        state.pointee.ttyFD = fd
        state.pointee.hasTermios = tcgetattr(fd, &state.pointee.termios) == 0
    }

    /// Install the handlers and start capturing stderr.
    static func arm(restoreSequence: [UInt8]) {
        let state = crashState
        let count = min(restoreSequence.count, restoreCapacity)
        for i in 0..<count { state.pointee.restore[i] = restoreSequence[i] }
        state.pointee.restoreCount = count
        startCapturingStderr()

        for signal in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { number, info, _ in
                CrashGuard.handleFatalSignal(number, sentByKill: (info?.pointee.si_code ?? 0) <= 0)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, &state.pointee.previous[Int(signal)])
        }
        state.pointee.isArmed = true
    }

    /// Undo `arm`; returns what was written to stderr meanwhile.
    static func disarm() -> String {
        let state = crashState
        guard state.pointee.isArmed else { return "" }
        state.pointee.isArmed = false
        for signal in fatalSignals {
            sigaction(signal, &state.pointee.previous[Int(signal)], nil)
        }
        return stopCapturingStderr()
    }

    // MARK: - The handler (async-signal-safe only)

    private static func handleFatalSignal(_ number: Int32, sentByKill: Bool) {
        let state = crashState
        if state.pointee.hasTermios {
            tcsetattr(state.pointee.ttyFD, TCSANOW, &state.pointee.termios)
        }
        writeAll(state.pointee.ttyFD, state.pointee.restore, state.pointee.restoreCount)
        if state.pointee.savedStderrFD >= 0 {
            dup2(state.pointee.savedStderrFD, STDERR_FILENO)
            replayCapturedStderr(to: STDERR_FILENO)
        }
        sigaction(number, &state.pointee.previous[Int(number)], nil)
        if sentByKill || number == SIGABRT || number == SIGTRAP {
            raise(number)  // blocked in this handler: delivered to the previous handler on return
        }
        // A hardware fault re-executes the instruction and hits the previous handler.
    }

    private static func replayCapturedStderr(to fd: Int32) {
        let state = crashState
        var offset: off_t = 0
        while true {
            let got = pread(state.pointee.logFD, state.pointee.scratch, scratchCapacity, offset)
            if got <= 0 { break }
            writeAll(fd, state.pointee.scratch, got)
            offset += off_t(got)
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
        var done = 0
        while done < count {
            let n = write(fd, bytes + done, count - done)
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }

    // MARK: - stderr capture

    /// While curses owns the screen, anything written to stderr would be drawn over the
    /// dashboard and then lost with the alternate screen; collect it in a file instead.
    private static func startCapturingStderr() {
        let state = crashState
        var template = Array("/tmp/rcutop-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0 else { close(fd); return }
        state.pointee.logFD = fd
        state.pointee.savedStderrFD = saved
        dup2(fd, STDERR_FILENO)
    }

    private static func stopCapturingStderr() -> String {
        let state = crashState
        guard state.pointee.savedStderrFD >= 0 else { return "" }
        dup2(state.pointee.savedStderrFD, STDERR_FILENO)
        close(state.pointee.savedStderrFD)
        state.pointee.savedStderrFD = -1
        var bytes: [UInt8] = []
        var offset: off_t = 0
        while bytes.count < 1 << 20 {
            let got = pread(state.pointee.logFD, state.pointee.scratch, scratchCapacity, offset)
            if got <= 0 { break }
            bytes.append(contentsOf: UnsafeBufferPointer(start: state.pointee.scratch, count: got))
            offset += off_t(got)
        }
        close(state.pointee.logFD)
        state.pointee.logFD = -1
        return String(decoding: bytes, as: UTF8.self)
    }
}

private let restoreCapacity = 256
private let scratchCapacity = 4096

/// Everything the fatal-signal handler reads, in memory that is never freed or moved.
private struct CrashState {
    var isArmed = false
    var termios = Glibc.termios()
    var hasTermios = false
    var ttyFD: Int32 = STDOUT_FILENO
    var restore = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreCapacity)
    var restoreCount = 0
    var logFD: Int32 = -1
    var savedStderrFD: Int32 = -1
    var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
    /// Previous handlers, indexed by signal number.
    var previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
}

/// The one global the crash guard needs (a C signal handler cannot capture context).
/// Initialised by the first `saveTTY`/`arm`, before any handler is installed.
nonisolated(unsafe) private let crashState: UnsafeMutablePointer<CrashState> = {
    let p = UnsafeMutablePointer<CrashState>.allocate(capacity: 1)
    p.initialize(to: CrashState())
    return p
}()
