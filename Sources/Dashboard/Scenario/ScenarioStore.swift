#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds and loads scenario files (`NAME.scenario`) by name or path, as `ThemeStore` does themes.
public struct ScenarioStore: Sendable {
    public static let fileExtension = ".scenario"
    /// Folders searched for `NAME.scenario`, first match wins.
    public let searchPaths: [String]
    public init(searchPaths: [String]) { self.searchPaths = searchPaths }

    /// The folders to search, in order:
    /// 1. `$RCUTOP_SCENARIOS` (colon separated), if set;
    /// 2. `<exe dir>/scenarios`, `<exe dir>/../share/rcutop/scenarios`, and the first `scenarios/`
    ///    found walking up from the executable's folder (a build in `<repo>/.build/...` finds `<repo>/scenarios`);
    /// 3. `$XDG_CONFIG_HOME/rcutop/scenarios`, else `~/.config/rcutop/scenarios`.
    public static func defaultSearchPaths(executablePath: String, environment: [String: String]) -> [String] {
        defaultSearchPaths(executablePath: executablePath, environment: environment, isDirectory: AssetFolders.isDirectory)
    }

    /// The same, with the directory test passed in (for tests).
    static func defaultSearchPaths(executablePath: String, environment: [String: String],
                                   isDirectory: (String) -> Bool) -> [String] {
        AssetFolders.search(kind: "scenarios", environmentVariable: "RCUTOP_SCENARIOS", executablePath: executablePath,
                            environment: environment, isDirectory: isDirectory)
    }

    /// Scenario names found, sorted.
    public func availableNames() -> [String] {
        var names: Set<String> = []
        let ext = ScenarioStore.fileExtension
        for dir in searchPaths {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for e in entries where e.hasSuffix(ext) && e.count > ext.count { names.insert(String(e.dropLast(ext.count))) }
        }
        return names.sorted()
    }

    /// Load a scenario by name (searched) or by path (contains "/" or ends in ".scenario").
    /// Throws `ScenarioError`, whose description is `FILE:LINE: problem`; the executable prints
    /// it and exits 2 before taking over the screen.
    public func load(_ nameOrPath: String) throws(ScenarioError) -> Scenario {
        let ext = ScenarioStore.fileExtension
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(ext) {
            let last = nameOrPath.split(separator: "/").last.map(String.init) ?? nameOrPath
            let name = last.hasSuffix(ext) && last.count > ext.count ? String(last.dropLast(ext.count)) : last
            return try ScenarioStore.loadFile(nameOrPath, name: name)
        }
        for dir in searchPaths {
            let path = ThemeStore.join(dir, nameOrPath + ext)
            if FileManager.default.fileExists(atPath: path) { return try ScenarioStore.loadFile(path, name: nameOrPath) }
        }
        let looked = searchPaths.isEmpty ? "no folders to search" : "looked in " + searchPaths.joined(separator: ", ")
        throw ScenarioError(file: nameOrPath, line: nil, problem: "scenario not found (\(looked))")
    }

    /// Read and parse one file; errors for a missing path, a directory, an unreadable file.
    public static func loadFile(_ path: String, name: String) throws(ScenarioError) -> Scenario {
        var isDir = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ScenarioError(file: path, line: nil, problem: "no such file")
        }
        if isDir { throw ScenarioError(file: path, line: nil, problem: "is a directory, not a scenario file") }
        switch InputFile.read(path) {
        case .success(let bytes): return try ScenarioParser.parse(bytes, file: path, name: name)
        case .failure(.emptySpecial(let problem)): throw ScenarioError(file: path, line: nil, problem: problem)
        case .failure(.unreadable): throw ScenarioError(file: path, line: nil, problem: "cannot be read (permission denied?)")
        }
    }
}
