import Foundation
import Glibc

/// What a finished child process left: exit status (128 + N when killed by signal N) and output.
struct SpawnResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
}

/// Run a program to completion with `posix_spawnp` + `waitpid`, output into temporary files.
///
/// Not `Foundation.Process`: it never returns for `tmux new-session` (the daemonised tmux
/// server inherits the pipe and the socket corelibs-Foundation watches; swift-ncurses.md §4).
/// The child gets an empty signal mask and default dispositions: Swift Testing runs tests on
/// Dispatch threads that block almost every signal, and a tmux server started with that mask
/// ignores the SIGTERM of `kill-server`.
/// - Parameter stdinPath: file opened as the child's stdin (default /dev/null).
func spawnAndWait(_ arguments: [String], environment: [String: String]? = nil, stdinPath: String = "/dev/null",
                  timeoutSeconds: Double = 30) -> SpawnResult {
    let directory = FileManager.default.temporaryDirectory.path
    let tag = "rcutop-e2e-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    let outPath = "\(directory)/\(tag).out"
    let errPath = "\(directory)/\(tag).err"
    defer { unlink(outPath); unlink(errPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    sigdelset(&allSignals, SIGKILL)
    sigdelset(&allSignals, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let env = environment ?? ProcessInfo.processInfo.environment
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }

    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard rc == 0 else {
        return SpawnResult(status: -1, stdout: "", stderr: "posix_spawnp \(arguments[0]): \(String(cString: strerror(rc)))", timedOut: false)
    }

    var status: Int32 = 0
    var timedOut = false
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while true {
        let done = waitpid(pid, &status, WNOHANG)
        if done == pid { break }
        if done < 0 && errno != EINTR { break }
        if Date() > deadline {
            timedOut = true
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            break
        }
        usleep(5_000)
    }
    let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return SpawnResult(status: exitStatus, stdout: out, stderr: err, timedOut: timedOut)
}

/// The rcutop binary under test: `RCUTOP_BIN`, or `rcutop` beside this test bundle
/// (the bundle is an ELF executable in the same build folder as the product).
func rcutopBinary() -> String {
    if let override = ProcessInfo.processInfo.environment["RCUTOP_BIN"], !override.isEmpty { return override }
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return bundle.deletingLastPathComponent().appendingPathComponent("rcutop").path
}

/// `text` quoted for sh.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
