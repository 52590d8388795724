/// Finds and loads theme files by name or path. CONTRACT STUB: signatures stay.
public struct ThemeStore: Sendable {
    /// Folders searched for `NAME.theme`, first match wins.
    public let searchPaths: [String]
    public init(searchPaths: [String]) { self.searchPaths = searchPaths }

    /// The folders to search: `$RCUTOP_THEMES`, `themes/` beside the repository the executable was
    /// built in, the user's config folder, then system folders.
    public static func defaultSearchPaths(executablePath: String, environment: [String: String]) -> [String] { [] }

    /// Theme names found, sorted, "default" first.
    public func availableNames() -> [String] { ["default"] }

    /// Load a theme by name (searched) or by path (contains "/" or ends in ".theme").
    /// Throws `ThemeError`, whose description names the file, the line and the problem.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme { .builtIn }
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
