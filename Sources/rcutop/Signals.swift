import Glibc
import Synchronization

/// The signals the frame loop reacts to, turned into flags it polls once per wait.
///
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT end the session cleanly: the handler only stores the
/// signal number; the main loop sees it within one frame (the handler is installed without
/// SA_RESTART, so it also interrupts the wait for a key), calls `endwin` and exits 128 + N.
/// This must be installed BEFORE `newterm`: ncurses installs its own SIGINT/SIGTERM handlers
/// (endwin + `_exit(1)`, skipping our clean-up) only for signals still at SIG_DFL, and has none
/// for SIGHUP/SIGQUIT at all (the tty would stay raw on the alternate screen).
///
/// SIGWINCH and SIGTSTP are left to ncurses on purpose: taking SIGWINCH means no KEY_RESIZE
/// ever arrives, and ncurses' SIGTSTP handler already restores the tty before stopping and
/// repaints after `fg`. SIGCONT only raises a flag so the next frame repaints everything
/// (something else may have drawn on the screen while we were stopped).
enum Signals {
    /// The first terminating signal received, or 0.
    private static let terminating = Atomic<Int32>(0)
    private static let continued = Atomic<Bool>(false)

    static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func install() {
        // Statics are initialised lazily (swift_once): touch them before a handler can run.
        _ = terminating.load(ordering: .relaxed)
        _ = continued.load(ordering: .relaxed)

        for signal in terminatingSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                _ = Signals.terminating.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: interrupt the blocking read
            sigaction(signal, &action, nil)
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Signals.continued.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGCONT, &action, nil)
    }

    /// The terminating signal that arrived, if any (stays set).
    static var pendingTermination: Int32? {
        let number = terminating.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Did the process get SIGCONT since the last call?
    static func takeContinued() -> Bool {
        continued.exchange(false, ordering: .relaxed)
    }
}
