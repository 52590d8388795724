import Foundation
import Testing
@testable import Dashboard

@Suite struct ThemeStoreTests {
    static let repoThemes: String = {
        // Tests/DashboardTests/ThemeStoreTests.swift -> <repo>/themes
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes").path
    }()
    static let shipped = ["default", "light", "projector", "mono", "phosphor"]

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rcutop-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func searchPathsStartWithTheEnvironmentThenTheRepository() {
        let paths = ThemeStore.defaultSearchPaths(
            executablePath: "/src/rcutop/.build/x86_64-unknown-linux-gnu/release/rcutop",
            environment: ["RCUTOP_THEMES": "/a:/b", "HOME": "/home/k"],
            isDirectory: { $0 == "/src/rcutop/themes" })
        #expect(paths == [
            "/a", "/b",
            "/src/rcutop/.build/x86_64-unknown-linux-gnu/release/themes",
            "/src/rcutop/.build/x86_64-unknown-linux-gnu/share/rcutop/themes",
            "/src/rcutop/themes",
            "/home/k/.config/rcutop/themes", "/home/k/.config/btop/themes",
            "/usr/share/btop/themes", "/usr/local/share/btop/themes",
        ])
    }

    @Test func xdgConfigHomeReplacesDotConfig() {
        let paths = ThemeStore.defaultSearchPaths(executablePath: "/usr/bin/rcutop",
                                                  environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/k"],
                                                  isDirectory: { _ in false })
        #expect(paths.contains("/cfg/rcutop/themes"))
        #expect(paths.contains("/cfg/btop/themes"))
        #expect(paths.contains("/home/k/.config/btop/themes"))
        #expect(paths.contains("/usr/bin/../share/rcutop/themes") || paths.contains("/usr/share/rcutop/themes"))
    }

    @Test func everyShippedThemeLoadsWithoutUnknownKeys() throws {
        for name in ThemeStoreTests.shipped {
            let path = ThemeStoreTests.repoThemes + "/" + name + ".theme"
            let data = try #require(FileManager.default.contents(atPath: path), "\(path)")
            let parsed = try ThemeFile.parse([UInt8](data), file: path, name: name)
            #expect(parsed.unknownKeys.isEmpty, "\(name)")
            #expect(Set(parsed.keysSet) == Set(ThemeKey.allCases), "\(name) sets every key")
        }
    }

    @Test func defaultThemeFileMatchesTheBuiltIn() throws {
        let t = try ThemeStore(searchPaths: [ThemeStoreTests.repoThemes]).load("default")
        #expect(t == Theme.builtIn)
    }

    @Test func monoThemeHasNoColour() throws {
        #expect(try ThemeStore(searchPaths: [ThemeStoreTests.repoThemes]).load("mono").isMonochrome)
    }

    @Test func availableNamesPutsDefaultFirst() {
        let names = ThemeStore(searchPaths: [ThemeStoreTests.repoThemes, "/nonexistent"]).availableNames()
        #expect(names.first == "default")
        #expect(names == ["default", "light", "mono", "phosphor", "projector"])
        #expect(ThemeStore(searchPaths: []).availableNames() == ["default"])
    }

    @Test func builtInDefaultNeedsNoFile() throws {
        #expect(try ThemeStore(searchPaths: ["/nonexistent"]).load("default") == .builtIn)
    }

    @Test func notFoundListsWhereItLooked() {
        #expect(throws: ThemeError(file: "nord", line: nil, problem: "theme not found (looked in /x, /y)")) {
            try ThemeStore(searchPaths: ["/x", "/y"]).load("nord")
        }
    }

    @Test func aDirectoryIsNotATheme() throws {
        let dir = try tempDir()
        let sub = dir + "/dir.theme"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        #expect(throws: ThemeError(file: sub, line: nil, problem: "is a directory, not a theme file")) {
            try ThemeStore(searchPaths: []).load(sub)
        }
    }

    @Test func aMissingPathIsAnError() {
        #expect(throws: ThemeError(file: "/nope/x.theme", line: nil, problem: "no such file")) {
            try ThemeStore(searchPaths: []).load("/nope/x.theme")
        }
    }

    @Test func anUnreadableFileIsAnError() throws {
        guard getuid() != 0 else { return } // root reads anything
        let dir = try tempDir()
        let path = dir + "/locked.theme"
        _ = FileManager.default.createFile(atPath: path, contents: Data("theme[title]=\"#ffffff\"\n".utf8),
                                       attributes: [.posixPermissions: 0o000])
        #expect(throws: ThemeError(file: path, line: nil, problem: "cannot be read (permission denied?)")) {
            try ThemeStore(searchPaths: []).load(path)
        }
    }

    @Test func loadByNameFindsTheFirstFolderWithIt() throws {
        let a = try tempDir(), b = try tempDir()
        _ = FileManager.default.createFile(atPath: b + "/mine.theme", contents: Data("theme[title]=\"#010203\"".utf8))
        _ = FileManager.default.createFile(atPath: a + "/mine.theme", contents: Data("theme[title]=\"#040506\"".utf8))
        let t = try ThemeStore(searchPaths: [a, b]).load("mine")
        #expect(t.name == "mine")
        #expect(t[.title] == .rgb(4, 5, 6))
    }

    @Test func errorsFromAFileNameTheFileAndLine() throws {
        let dir = try tempDir()
        _ = FileManager.default.createFile(atPath: dir + "/bad.theme", contents: Data("theme[title]=\"#ffffff\"\ntheme[hi_fg]=\"#zz\"\n".utf8))
        do { _ = try ThemeStore(searchPaths: [dir]).load("bad"); Issue.record("no error") } catch {
            #expect(error.description.hasPrefix(dir + "/bad.theme:2: bad colour"))
        }
    }
}

extension ThemeStoreTests {
    @Test func relativeExecutablePathWalksUpToTheCurrentFolder() {
        var asked: [String] = []
        let paths = ThemeStore.defaultSearchPaths(executablePath: ".build/release/rcutop", environment: [:]) { asked.append($0); return $0 == "./themes" }
        #expect(asked == [".build/release/themes", ".build/themes", "./themes"])
        #expect(paths.contains("./themes"))
        #expect(paths.first == ".build/release/themes")
    }
}
