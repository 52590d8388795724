import Foundation
import Testing

/// `--theme /dev/null`, and the `soak` subcommand's arguments (a soak day takes minutes in a debug
/// build: the run itself is `SoakTests` in-process and `rcutop soak` in release).
@Suite struct SoakAndSpecialFileTests {
    @Test func devNullThemeSaysEmptyNotPermission() {
        let result = spawnAndWait([rcutopBinary(), "--theme", "/dev/null"], timeoutSeconds: 10)
        #expect(result.status == 2, "\(result.status) \(result.stderr)")
        #expect(result.stderr == "rcutop: theme /dev/null: is empty (a character device, not a regular file)\n", "\(result.stderr)")
    }

    @Test func soakRejectsBadArguments() {
        for args in [["--days", "0"], ["--days", "x"], ["--cpus", "0"], ["--cpus"], ["--seed", "-1"], ["--bogus"]] {
            let result = spawnAndWait([rcutopBinary(), "soak"] + args, timeoutSeconds: 10)
            #expect(result.status == 2, "\(args): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("rcutop: ") && result.stderr.split(separator: "\n").count == 1, "\(args): \(result.stderr)")
        }
    }
}
