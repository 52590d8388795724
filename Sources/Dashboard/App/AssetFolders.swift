#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where rcutop looks for its own files of one kind (`themes`, `scenarios`), in order:
/// 1. the folders in an environment variable (colon separated), if set;
/// 2. `<exe dir>/KIND`, `<exe dir>/../share/rcutop/KIND`, and the first `KIND/` found walking up
///    from the executable's folder (a build in `<repo>/.build/...` finds `<repo>/KIND`);
/// 3. `$XDG_CONFIG_HOME/rcutop/KIND`, else `~/.config/rcutop/KIND`.
/// Folders that do not exist are kept (they are listed when a name is not found).
enum AssetFolders {
    static func search(kind: String, environmentVariable: String, executablePath: String,
                       environment: [String: String], isDirectory: (String) -> Bool) -> [String] {
        var paths: [String] = []
        func add(_ p: String) { if !p.isEmpty, !paths.contains(p) { paths.append(p) } }
        if let list = environment[environmentVariable] {
            for p in list.split(separator: ":") { add(String(p)) }
        }
        let exeDir = ThemeStore.parent(of: executablePath)
        add(ThemeStore.join(exeDir, kind))
        add(ThemeStore.join(ThemeStore.parent(of: exeDir), "share/rcutop/" + kind))
        var dir = exeDir
        for _ in 0..<32 {
            let candidate = ThemeStore.join(dir, kind)
            if isDirectory(candidate) { add(candidate); break }
            // A relative path walks up to "." only; an absolute one up to "/".
            let up = ThemeStore.parent(of: dir)
            if up == dir || dir == "." || up.hasSuffix("..") { break }
            dir = up
        }
        if let config = configFolder(environment) { add(ThemeStore.join(config, "rcutop/" + kind)) }
        return paths
    }

    /// Is there a folder at `path`? (The real file system; tests pass their own test.)
    static func isDirectory(_ path: String) -> Bool {
        var isDir = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir
    }

    /// `$XDG_CONFIG_HOME`, else `$HOME/.config`, else nil.
    static func configFolder(_ environment: [String: String]) -> String? {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        return environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home.map { ThemeStore.join($0, ".config") }
    }
}
