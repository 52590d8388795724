import Foundation
import Glibc
import Testing

/// Every exit path gives the terminal back: echo, icanon and isig on, cursor visible, main
/// screen (issue 5 item 1).
@Suite struct TerminalRestoreTests {
    @Test func startsShowsTheHeaderAndQuitsWithQ() throws {
        let session = try TmuxSession()
        defer { session.close() }
        let screen = session.waitForScreen(containing: "rcutop")
        #expect(screen != nil, "no header within 10 s")
        #expect(session.paneFormat("#{alternate_on}") == "1", "dashboard should be on the alternate screen")
        #expect(session.paneFormat("#{cursor_flag}") == "0", "cursor should be hidden while running")

        #expect(session.paneFormat("#{mouse_any_flag}") == "1", "mouse reporting should be on while running")

        session.sendKeys("q")
        let report = try #require(session.waitForExit())
        #expect(report.status == 0)
        #expect(report.ttyIsSane, "\(report)")
        #expect(session.paneFormat("#{mouse_any_flag}") == "0", "mouse reporting left on")
        // The one-line summary is printed once the screen is back.
        #expect(session.capture(history: true).contains("s simulated"))
    }

    /// SIGINT arrives as the C-c key (the tty's isig), the others with kill(2); 128 + N.
    @Test(arguments: [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP), ("QUIT", SIGQUIT)])
    func signalRestoresTheTerminal(name: String, number: Int32) throws {
        let session = try TmuxSession()
        defer { session.close() }
        try #require(session.waitForScreen(containing: "rcutop") != nil)
        if number == SIGINT {
            session.sendKeys("C-c")
        } else {
            #expect(session.signal(number), "rcutop not found to send SIG\(name)")
        }
        let report = try #require(session.waitForExit(), "still running 10 s after SIG\(name)")
        #expect(report.status == 128 + number, "SIG\(name)")
        #expect(report.ttyIsSane, "SIG\(name): \(report)")
        #expect(session.paneFormat("#{mouse_any_flag}") == "0", "SIG\(name): mouse reporting left on")
    }

    /// A fatalError inside the frame loop: the crash guard restores the tty, then the error
    /// text (captured while the alternate screen was up) appears on the normal screen.
    @Test func crashRestoresTheTerminalAndShowsTheError() throws {
        let session = try TmuxSession(environment: ["RCUTOP_CRASH_AFTER_FRAMES": "5"])
        defer { session.close() }
        let report = try #require(session.waitForExit(), "no crash within 10 s")
        #expect(report.status != 0)
        #expect(report.ttyIsSane, "\(report)")
        #expect(session.paneFormat("#{mouse_any_flag}") == "0", "crash: mouse reporting left on")
        let screen = session.capture(history: true)
        #expect(screen.contains("Fatal error"), "error text lost:\n\(screen)")
        #expect(screen.contains("RCUTOP_CRASH_AFTER_FRAMES"))
    }
}

/// Ctrl-Z suspends with the terminal restored; `fg` redraws the whole screen (issue 5 item 1).
@Suite struct JobControlTests {
    @Test func ctrlZRestoresTheTerminalAndFgRedraws() throws {
        let session = try TmuxSession(jobControl: true)
        defer { session.close() }
        // "rcutop" is also on the typed command line: wait for the alternate screen as well.
        try #require(session.waitForScreen { screen in
            session.paneFormat("#{alternate_on}") == "1" && screen.contains("rcutop")
        } != nil, "dashboard did not start")

        // Seen once under a loaded parallel run (not reproduced in 10 runs since): no stop after
        // the first C-z. Press it again, as a person would, and say so if that was needed.
        var stopped: TmuxSession.ExitReport?
        for attempt in 1...3 where stopped == nil {
            session.sendKeys("C-z")
            stopped = session.waitForStop(timeoutSeconds: 4)
            if stopped != nil && attempt > 1 { print("JobControlTests: Ctrl-Z needed \(attempt) presses") }
        }
        let stoppedReport = try #require(stopped, "no prompt after Ctrl-Z:\n\(session.capture(history: true))\nrunning: \(session.programPID().map(String.init) ?? "no")")
        #expect(stoppedReport.ttyIsSane, "while stopped: \(stoppedReport)")
        #expect(session.waitForScreen(containing: "Stopped") != nil)

        session.tmux("send-keys", "-t", "0", "-l", "fg")
        session.sendKeys("Enter")
        let back = session.waitForScreen(timeoutSeconds: 5) { screen in
            session.paneFormat("#{alternate_on}") == "1" && screen.contains("rcutop")
        }
        #expect(back != nil, "no full redraw after fg")
        #expect(session.programPID() != nil)

        session.sendKeys("q")
        let exit = try #require(session.waitForExit())
        #expect(exit.status == 0)
        #expect(exit.ttyIsSane, "\(exit)")
    }
}
