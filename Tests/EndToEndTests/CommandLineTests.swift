import Foundation
import Testing

/// Bad command lines: exactly one line on stderr, nothing on stdout, exit 2, never a crash
/// (issue 2 item 7, issue 5 item 4).
@Suite struct CommandLineTests {
    @Test(arguments: [
        (["--cpus", "0"], "--cpus"),
        (["--cpus", "99999"], "--cpus"),
        (["--cpus"], "--cpus: missing value"),
        (["--cpus", "1.5"], "--cpus"),
        (["--hz", "7"], "--hz"),
        (["--duration", "-1"], "--duration"),
        (["--headless", "--duration", "nan"], "--duration"),
        (["--headless", "--duration", "1e999"], "--duration"),
        (["--speed", "abc"], "--speed"),
        (["--speed=0"], "--speed"),
        (["--fps", "0"], "--fps"),
        (["--fps", "61"], "--fps"),
        (["--seed", "-1"], "--seed"),
        (["--workload", "video,nosuch"], "--workload"),
        (["--format", "xml", "--headless", "--duration", "1"], "--format"),
        (["--headless"], "--duration"),
        (["--headless", "--duration", "1", "--interval", "2"], "--interval"),
        (["--headless", "--duration", "1", "--interval", "0.0001"], "--interval"),
        (["--headless", "--duration", "1000000", "--interval", "0.001"], "--interval"),
        (["--headless", "--duration", "99999999999"], "--duration"),
        (["--fps", "5", "--duration", "3"], "--duration"),
        (["--no-lazy=yes"], "--no-lazy"),
        (["--headless", "--list-themes"], "--list-themes"),
        (["--bogus"], "--bogus"),
        (["--mem", "12"], "--mem"),
        (["--mem", "4Q"], "--mem"),
        (["--mem", "99T"], "--mem"),
        (["--policy", "shrinkr"], "--policy"),
        (["--compare", "shrinker,nosuch"], "--compare"),
        (["stray"], "stray"),
        (["--theme", "/nonexistent/dir/x.theme", "--cpus", "-3"], "--cpus"),
        (["--scenario"], "--scenario: missing value"),
        (["--scenario", ""], "--scenario"),
        (["--scenario", "no-such-talk"], "no-such-talk: scenario not found"),
        (["--headless", "--scenario", "./missing.scenario"], "./missing.scenario: no such file"),
        (["--record"], "--record: missing value"),
        (["--record="], "--record"),
        (["--headless", "--scenario", "hurry-callbacks", "--record", "x.cast"], "--record"),
        (["--headless", "--duration", "1", "--no-mouse"], "--no-mouse"),
        (["--no-mouse=yes"], "--no-mouse"),
        (["--headless", "--scenario", "hurry-callbacks", "--interval", "0.0001"], "--interval"),
    ])
    func badFlagGivesOneLineAndStatus2(arguments: [String], mentions: String) {
        let result = spawnAndWait([rcutopBinary()] + arguments, timeoutSeconds: 10)
        #expect(result.status == 2, "\(arguments): status \(result.status), stderr \(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(arguments): stderr was \(result.stderr.debugDescription)")
        #expect(result.stderr.hasPrefix("rcutop: "))
        #expect(result.stderr.contains(mentions), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func interactiveWithStdoutPipedSuggestsHeadless() {
        let result = spawnAndWait([rcutopBinary()], timeoutSeconds: 10)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--headless"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func informationFlagsExitZero() {
        for flag in ["--help", "--version", "--list-workloads", "--list-themes"] {
            let result = spawnAndWait([rcutopBinary(), flag], timeoutSeconds: 10)
            #expect(result.status == 0, "\(flag): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(flag) printed nothing")
            #expect(result.stderr.isEmpty, "\(flag): \(result.stderr)")
        }
        let workloads = spawnAndWait([rcutopBinary(), "--list-workloads"]).stdout
        for name in ["video", "logging", "build", "idle"] { #expect(workloads.contains(name)) }
    }
}
