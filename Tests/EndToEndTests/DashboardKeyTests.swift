import Foundation
import Testing

/// Keys reach the engine and the header shows the result (issue 2, Tests: "keys toggle
/// workloads and lazy, the screen shows it").
@Suite struct DashboardKeyTests {
    @Test func lFlipsLazyAndTheHeaderShowsIt() throws {
        let session = try TmuxSession()
        defer { session.close() }
        try #require(session.waitForScreen(containing: "LAZY ON") != nil)
        session.sendKeys("l")
        #expect(session.waitForScreen(containing: "LAZY OFF", timeoutSeconds: 3) != nil)
        session.sendKeys("l")
        #expect(session.waitForScreen(containing: "LAZY ON", timeoutSeconds: 3) != nil)
        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }

    /// Active workloads are bold in the header (with NO_COLOR only the attribute tells).
    @Test func oneTogglesVideoAndTheHeaderShowsIt() throws {
        let session = try TmuxSession(["--workload", "video"], environment: ["NO_COLOR": "1"])
        defer { session.close() }
        let bold = "1\u{1B}[1mvideo"
        try #require(session.waitForScreen(timeoutSeconds: 10, escapes: true) { $0.contains(bold) } != nil)
        session.sendKeys("1")
        #expect(session.waitForScreen(timeoutSeconds: 3, escapes: true) { !$0.contains(bold) && $0.contains("1video") } != nil,
                "video still shown as on")
        session.sendKeys("1")
        #expect(session.waitForScreen(timeoutSeconds: 3, escapes: true) { $0.contains(bold) } != nil, "video not back on")
        session.sendKeys("q")
        #expect(session.waitForExit()?.status == 0)
    }
}
