import Foundation
import Glibc

/// The rcutop binary running in a private tmux server, driven the way a person would: keys,
/// resizes, signals; screens read with `capture-pane`. One server per test (own `-S` socket,
/// unlinked afterwards: tmux 3.3a leaves the socket file behind after `kill-server`).
///
/// The program runs as
/// `BIN ARGS; rc=$?; stty -a > DIR/stty; echo $rc > DIR/exit; echo EXIT=$rc; echo DONE; sleep 60`
/// so its exit status and the tty modes it left behind can be read after it exits, while tmux
/// still shows the pane (alternate screen flag and cursor flag).
final class TmuxSession {
    /// How the program left the terminal.
    struct ExitReport: CustomStringConvertible {
        var status: Int32
        var sttyModes: Set<String>
        var alternateScreenOn: Bool
        var cursorVisible: Bool

        /// echo and icanon on, main screen back, cursor visible.
        var ttyIsSane: Bool {
            sttyModes.contains("echo") && sttyModes.contains("icanon") && sttyModes.contains("isig")
                && !alternateScreenOn && cursorVisible
        }
        var description: String {
            "exit \(status), echo=\(sttyModes.contains("echo")) icanon=\(sttyModes.contains("icanon")) "
                + "isig=\(sttyModes.contains("isig")) alternate=\(alternateScreenOn) cursor=\(cursorVisible)"
        }
    }

    struct HarnessError: Error, CustomStringConvertible { var description: String }

    let socket: String
    let directory: String
    private var isClosed = false

    /// Start `rcutop ARGS` in a fresh tmux pane of `width` x `height`.
    /// - Parameters:
    ///   - term: TERM for the program; nil leaves it unset.
    ///   - environment: extra variables for the program (on top of a bare `env -i` set).
    ///   - jobControl: run it from an interactive bash, so Ctrl-Z stops it and `fg` resumes it
    ///     (`waitForStop`); the prompt hook records the exit once no job is left.
    ///   - workingDirectory: the folder rcutop runs in (where `e` saves the screen).
    init(_ arguments: [String] = [], term: String? = "xterm-256color", lang: String = "C.UTF-8",
         environment: [String: String] = [:], width: Int = 100, height: Int = 30, jobControl: Bool = false,
         workingDirectory: String? = nil) throws {
        let base = FileManager.default.temporaryDirectory.path
        directory = "\(base)/rcutop-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        socket = "\(directory).sock"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "\(directory)/tmux.conf"
        try "set -g status off\nset -g history-limit 2000\n".write(toFile: config, atomically: true, encoding: .utf8)

        var env: [String: String] = [
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": lang,
            "SWIFT_BACKTRACE": "enable=no",
        ]
        if let term { env["TERM"] = term }
        env.merge(environment) { $1 }
        let envWords = env.sorted { $0.key < $1.key }.map { shellQuoted("\($0.key)=\($0.value)") }.joined(separator: " ")
        let program = ([rcutopBinary()] + arguments).map(shellQuoted).joined(separator: " ")
        let dir = shellQuoted(directory)
        // `trap :` keeps the wrapper shell alive through the C-c and C-\ that the tty sends to the
        // whole foreground process group, while rcutop still starts with default dispositions.
        let recordExit = "stty -a > \(dir)/stty 2>&1; echo $rc > \(dir)/exit.tmp; mv \(dir)/exit.tmp \(dir)/exit; echo EXIT=$rc; echo DONE"
        let script: String
        if jobControl {
            let hook = "rc=$?; if [ -n \"$RUN\" ]; then if [ -z \"$(jobs -p)\" ]; then \(recordExit); "
                + "else stty -a > \(dir)/stopped 2>&1; fi; fi"
            script = "exec env -i \(envWords) PS1='$ ' PROMPT_COMMAND=\(shellQuoted(hook)) bash --norc --noprofile -i"
        } else {
            let cd = workingDirectory.map { "cd \(shellQuoted($0)) || exit 1; " } ?? ""
            script = "\(cd)trap : INT QUIT; env -i \(envWords) \(program); rc=$?; \(recordExit); sleep 60"
        }

        let result = spawnAndWait(["tmux", "-S", socket, "-f", config, "new-session", "-d",
                                   "-x", String(width), "-y", String(height), "/bin/sh -c \(shellQuoted(script))"])
        guard result.status == 0 else {
            close()
            throw HarnessError(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
        // Not in the config file: tmux 3.3a's server exits at once with it there.
        tmux("set-option", "-g", "window-size", "manual")
        if jobControl {
            guard waitForScreen(containing: "$ ") != nil else {
                close()
                throw HarnessError(description: "no bash prompt")
            }
            tmux("send-keys", "-t", "0", "-l", "RUN=1; \(program)")
            tmux("send-keys", "-t", "0", "Enter")
        }
    }

    deinit { close() }

    /// Kill the server and remove the socket and the temporary folder.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = spawnAndWait(["tmux", "-S", socket, "kill-server"], timeoutSeconds: 5)
        unlink(socket)
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: - Driving

    @discardableResult
    func tmux(_ arguments: String...) -> SpawnResult {
        spawnAndWait(["tmux", "-S", socket] + arguments, timeoutSeconds: 10)
    }

    /// tmux `send-keys` words: "q", "C-c", "Home", "F1", "Space".
    func sendKeys(_ keys: String...) {
        for key in keys { tmux("send-keys", "-t", "0", key) }
    }

    /// Raw bytes, as a terminal would send them (`send-keys -H 1b 5b 48` is ESC [ H).
    func sendBytes(_ bytes: [UInt8]) {
        _ = spawnAndWait(["tmux", "-S", socket, "send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    func resize(width: Int, height: Int) {
        tmux("resize-window", "-t", "0", "-x", String(width), "-y", String(height))
    }

    /// Many resizes in one tmux invocation (`a \; b \; c`), as fast as tmux can apply them.
    func resizeStorm(_ sizes: [(Int, Int)]) {
        var arguments: [String] = []
        for (index, size) in sizes.enumerated() {
            if index > 0 { arguments.append(";") }
            arguments += ["resize-window", "-t", "0", "-x", String(size.0), "-y", String(size.1)]
        }
        _ = spawnAndWait(["tmux", "-S", socket] + arguments, timeoutSeconds: 10)
    }

    /// The screen as text; `escapes` keeps colour sequences, `history` adds the scrollback.
    func capture(escapes: Bool = false, history: Bool = false) -> String {
        var arguments = ["capture-pane", "-p", "-J", "-t", "0"]
        if escapes { arguments.append("-e") }
        if history { arguments += ["-S", "-"] }
        return spawnAndWait(["tmux", "-S", socket] + arguments, timeoutSeconds: 10).stdout
    }

    /// Poll the screen every 50 ms until `predicate` holds; the last screen, or nil on timeout.
    func waitForScreen(timeoutSeconds: Double = 10, escapes: Bool = false, history: Bool = false,
                       _ predicate: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let screen = capture(escapes: escapes, history: history)
            if predicate(screen) { return screen }
            if Date() > deadline { return nil }
            usleep(50_000)
        }
    }

    func waitForScreen(containing text: String, timeoutSeconds: Double = 10, history: Bool = false) -> String? {
        waitForScreen(timeoutSeconds: timeoutSeconds, history: history) { $0.contains(text) }
    }

    /// A tmux format about the pane, e.g. `#{alternate_on}`.
    func paneFormat(_ format: String) -> String {
        tmux("display-message", "-p", "-t", "0", format).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the running rcutop (a descendant of the pane's shell), if it is running.
    func programPID() -> pid_t? {
        guard let panePID = pid_t(paneFormat("#{pane_pid}")) else { return nil }
        var queue = [panePID]
        while let pid = queue.popLast() {
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if comm == "rcutop" { return pid }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { pid_t($0) }
        }
        return nil
    }

    /// Send a signal to the running rcutop. False when it is not running.
    @discardableResult
    func signal(_ number: Int32) -> Bool {
        guard let pid = programPID() else { return false }
        return kill(pid, number) == 0
    }

    /// Job control only: wait until Ctrl-Z has stopped the program and bash shows its prompt;
    /// the tty state at that moment (status is 0 here), or nil on timeout.
    func waitForStop(timeoutSeconds: Double = 10) -> ExitReport? {
        let stoppedPath = "\(directory)/stopped"
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while !FileManager.default.fileExists(atPath: stoppedPath) {
            if Date() > deadline { return nil }
            usleep(50_000)
        }
        usleep(100_000)  // let stty finish writing
        let stty = (try? String(contentsOfFile: stoppedPath, encoding: .utf8)) ?? ""
        unlink(stoppedPath)
        let modes = Set(stty.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
        return ExitReport(status: 0, sttyModes: modes,
                          alternateScreenOn: paneFormat("#{alternate_on}") == "1",
                          cursorVisible: paneFormat("#{cursor_flag}") == "1")
    }

    /// Wait for the program to exit; its status and the tty state it left, or nil on timeout.
    func waitForExit(timeoutSeconds: Double = 10) -> ExitReport? {
        let exitPath = "\(directory)/exit"
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while !FileManager.default.fileExists(atPath: exitPath) {
            if Date() > deadline { return nil }
            usleep(50_000)
        }
        let status = Int32((try? String(contentsOfFile: exitPath, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? -1
        let stty = (try? String(contentsOfFile: "\(directory)/stty", encoding: .utf8)) ?? ""
        let modes = Set(stty.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
        // The shell echoes EXIT= and DONE after stty; wait for DONE so the pane flags are final.
        _ = waitForScreen(containing: "DONE", timeoutSeconds: 5, history: true)
        return ExitReport(status: status, sttyModes: modes,
                          alternateScreenOn: paneFormat("#{alternate_on}") == "1",
                          cursorVisible: paneFormat("#{cursor_flag}") == "1")
    }
}
