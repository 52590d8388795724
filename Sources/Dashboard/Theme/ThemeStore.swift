#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds and loads theme files by name or path.
public struct ThemeStore: Sendable {
    /// Folders searched for `NAME.theme`, first match wins.
    public let searchPaths: [String]
    public init(searchPaths: [String]) { self.searchPaths = searchPaths }

    /// The folders to search, in order:
    /// 1. `$RCUTOP_THEMES` (colon separated), if set;
    /// 2. `<exe dir>/themes`, `<exe dir>/../share/rcutop/themes`, and the first `themes/` found walking
    ///    up from the executable's folder (the binary lives at `<repo>/.build/<triple>/release/rcutop`);
    /// 3. `$XDG_CONFIG_HOME/rcutop/themes`, else `~/.config/rcutop/themes`;
    /// 4. btop's folders: `$XDG_CONFIG_HOME/btop/themes` or `~/.config/btop/themes`,
    ///    `/usr/share/btop/themes`, `/usr/local/share/btop/themes`.
    /// Folders that do not exist are kept (they are listed when a theme is not found).
    public static func defaultSearchPaths(executablePath: String, environment: [String: String]) -> [String] {
        defaultSearchPaths(executablePath: executablePath, environment: environment, isDirectory: AssetFolders.isDirectory)
    }

    /// The same, with the directory test passed in (for tests).
    static func defaultSearchPaths(executablePath: String, environment: [String: String],
                                   isDirectory: (String) -> Bool) -> [String] {
        var paths = AssetFolders.search(kind: "themes", environmentVariable: "RCUTOP_THEMES", executablePath: executablePath,
                                        environment: environment, isDirectory: isDirectory)
        func add(_ p: String) { if !p.isEmpty, !paths.contains(p) { paths.append(p) } }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        let config = AssetFolders.configFolder(environment)
        if let config { add(join(config, "btop/themes")) }
        if let home, let config, config != join(home, ".config") { add(join(home, ".config/btop/themes")) }
        add("/usr/share/btop/themes")
        add("/usr/local/share/btop/themes")
        return paths
    }

    /// Theme names found, sorted, "default" first (always present: the built-in theme).
    public func availableNames() -> [String] {
        var names: Set<String> = ["default"]
        for dir in searchPaths {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for e in entries where e.hasSuffix(".theme") && e.count > 6 { names.insert(String(e.dropLast(6))) }
        }
        return ["default"] + names.subtracting(["default"]).sorted()
    }

    /// Load a theme by name (searched) or by path (contains "/" or ends in ".theme").
    /// Throws `ThemeError`, whose description names the file, the line and the problem.
    /// "default" is the built-in theme when no `default.theme` file is found.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            let name = ThemeStore.themeName(fromPath: nameOrPath)
            return try ThemeStore.loadFile(nameOrPath, name: name)
        }
        for dir in searchPaths {
            let path = ThemeStore.join(dir, nameOrPath + ".theme")
            if FileManager.default.fileExists(atPath: path) { return try ThemeStore.loadFile(path, name: nameOrPath) }
        }
        if nameOrPath == "default" { return .builtIn }
        let looked = searchPaths.isEmpty ? "no folders to search" : "looked in " + searchPaths.joined(separator: ", ")
        throw ThemeError(file: nameOrPath, line: nil, problem: "theme not found (\(looked))")
    }

    /// Read and parse one file; errors for a missing path, a directory, an unreadable file.
    public static func loadFile(_ path: String, name: String) throws(ThemeError) -> Theme {
        var isDir = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ThemeError(file: path, line: nil, problem: "no such file")
        }
        if isDir { throw ThemeError(file: path, line: nil, problem: "is a directory, not a theme file") }
        switch InputFile.read(path) {
        case .success(let bytes): return try ThemeFile.parse(bytes, file: path, name: name).theme
        case .failure(.emptySpecial(let problem)): throw ThemeError(file: path, line: nil, problem: problem)
        case .failure(.unreadable): throw ThemeError(file: path, line: nil, problem: "cannot be read (permission denied?)")
        }
    }

    static func themeName(fromPath path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.hasSuffix(".theme") && last.count > 6 ? String(last.dropLast(6)) : last
    }

    static func parent(of path: String) -> String {
        if path.isEmpty || path == "." { return ".." }
        if path == "/" { return "/" }
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        if slash == p.startIndex { return "/" }
        return String(p[..<slash])
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}

/// A theme that could not be loaded: "FILE:LINE: problem".
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: String
    public init(file: String, line: Int?, problem: String) { self.file = file; self.line = line; self.problem = problem }
    public var description: String { line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)" }
}

/// Colours the terminal can show; themes degrade to it.
public enum ColorDepth: Sendable, Equatable, CaseIterable {
    case trueColor, palette256, palette16, palette8, none
}
