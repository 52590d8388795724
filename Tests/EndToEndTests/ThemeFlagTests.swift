import Foundation
import Testing

/// A bad `--theme` is one line naming the file (and line) and exit 2, before the screen is
/// touched (issue 5 item 4).
@Suite struct ThemeFlagTests {
    @Test func badThemeFilesGiveOneLineAndStatus2() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rcutop-themes-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = "\(folder)/broken.theme"
        try "theme[main_bg]=\"#12345\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let binary = "\(folder)/binary.theme"
        try Data([0x00, 0xFF, 0x1B, 0x5B, 0x32, 0x4A, 0x0A, 0xC3]).write(to: URL(fileURLWithPath: binary))
        let directory = "\(folder)/dir.theme"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

        for (path, mentions) in [(broken, "\(broken):1:"), (binary, binary), (directory, directory),
                                 ("\(folder)/missing.theme", "missing.theme"), ("no-such-theme-name", "no-such-theme-name")] {
            let result = spawnAndWait([rcutopBinary(), "--theme", path], timeoutSeconds: 10)
            #expect(result.status == 2, "\(path): \(result.status) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(path): \(result.stderr.debugDescription)")
            #expect(result.stderr.hasPrefix("rcutop: theme "), "\(path): \(result.stderr)")
            #expect(result.stderr.contains(mentions), "\(path): \(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}"), "escape sequence echoed: \(result.stderr.debugDescription)")
        }
    }
}
