import Foundation
import Testing

/// docs/engine-rules.md: every test the rules table names exists.
@Suite struct RulesTableTests {
    @Test func everyTestNamedInTheRulesTableExists() throws {
        let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let table = try String(contentsOf: testsDir.appendingPathComponent("../../docs/engine-rules.md"), encoding: .utf8)
        var sources = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: testsDir.path) where file.hasSuffix(".swift") {
            sources += try String(contentsOf: testsDir.appendingPathComponent(file), encoding: .utf8)
        }
        var named: [String] = []
        for line in table.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count >= 3 else { continue }
            let last = cells[cells.count - 2]
            for part in last.split(separator: "`").enumerated() where part.offset % 2 == 1 { named.append(String(part.element)) }
        }
        #expect(named.count >= 50)
        for name in named {
            #expect(sources.contains("func \(name)("), "rules table names a missing test: \(name)")
        }
    }
}
