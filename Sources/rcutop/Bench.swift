import Dashboard
import Glibc
import RCUEngine

/// `rcutop bench`: how fast the engine and the renderer run, as figures to compare run to run.
///
/// Each case runs in a child process of its own (`rcutop bench --case NAME`), so that the peak RSS
/// it reports (VmHWM) is that case's alone. Wall time is measured here, in the executable: the
/// engine never sees a clock.
enum Bench {
    struct Case {
        var name: String
        var title: String
        var config: EngineConfig
        var simulatedSeconds: UInt64
        var quickSeconds: UInt64
        /// A target in simulated seconds per wall second (nil: none), or for `render` ms per frame.
        var target: String
    }

    static let cases: [Case] = [
        Case(name: "idle", title: "(a) idle, 64 CPUs, 24 h",
             config: EngineConfig(cpuCount: 64, workloads: [.idle]), simulatedSeconds: 86_400, quickSeconds: 600,
             target: "< 0.1 s wall"),
        Case(name: "video-logging", title: "(b) video+logging, 8 CPUs, 1 h",
             config: EngineConfig(cpuCount: 8, workloads: [.video, .logging]), simulatedSeconds: 3_600, quickSeconds: 30,
             target: ">= 1000x"),
        Case(name: "build", title: "(c) build, 256 CPUs, 10 min",
             config: EngineConfig(cpuCount: 256, workloads: [.build]), simulatedSeconds: 600, quickSeconds: 5,
             target: ">= 100x"),
        Case(name: "logging-4096", title: "(d) logging, 4096 CPUs, 1 min",
             config: EngineConfig(cpuCount: 4096, workloads: [.logging]), simulatedSeconds: 60, quickSeconds: 2,
             target: ">= 10x"),
    ]

    /// Entry point for `rcutop bench [--quick] [--runs N] [--case NAME]`. Returns the exit status.
    static func main(arguments: [String], executablePath: String) -> Int32 {
        var quick = false
        var runs = 5
        var only: String?
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            switch arg {
            case "--quick": quick = true
            case "--runs":
                guard index + 1 < arguments.count, let n = Int(arguments[index + 1]), (1...100).contains(n) else {
                    return ProcessFigures.usageError("--runs: expected a whole number from 1 to 100")
                }
                runs = n; index += 1
            case "--case":
                guard index + 1 < arguments.count else { return ProcessFigures.usageError("--case: missing a case name") }
                only = arguments[index + 1]; index += 1
            default:
                return ProcessFigures.usageError("bench: unknown argument \"\(arg)\" (try --quick, --runs N)")
            }
            index += 1
        }
        if quick && runs == 5 { runs = 1 }
        if let only {
            return runCaseInProcess(named: only, quick: quick, runs: runs)
        }
        writeStdout("rcutop bench\(quick ? " --quick" : ""): median of \(runs) run(s) per case, release build recommended")
        writeStdout(pad("case", 46) + pad("sim s / wall s", 16) + pad("wall s", 10) + pad("events", 12) + pad("peak RSS", 11) + "target")
        var status: Int32 = 0
        for benchCase in cases + [renderCase] {
            let code = spawnSelf(executablePath, ["bench", "--case", benchCase.name, "--runs", String(runs)] + (quick ? ["--quick"] : []))
            if code != 0 { status = 1 }
        }
        return status
    }

    static let renderCase = Case(name: "render", title: "(e) render one frame of (b), 200x60",
                                 config: EngineConfig(cpuCount: 8, workloads: [.video, .logging]),
                                 simulatedSeconds: 60, quickSeconds: 5, target: "< 1 ms")

    private static func runCaseInProcess(named name: String, quick: Bool, runs: Int) -> Int32 {
        guard let benchCase = (cases + [renderCase]).first(where: { $0.name == name }) else {
            return ProcessFigures.usageError("bench: no case named \"\(name)\"")
        }
        let seconds = quick ? benchCase.quickSeconds : benchCase.simulatedSeconds
        if name == "render" {
            var sim = Simulation(config: benchCase.config)
            sim.advance(to: seconds * UInt64(benchCase.config.hz))
            let snapshot = sim.snapshot()
            let state = AppState(hz: benchCase.config.hz)
            let frames = quick ? 50 : 500
            var perRun: [Double] = []
            for _ in 0..<runs {
                let start = ProcessFigures.monotonicSeconds()
                for _ in 0..<frames {
                    let buffer = DashboardView.render(snapshot: snapshot, state: state, theme: .builtIn, glyphs: .unicode,
                                                      width: 200, height: 60)
                    blackHole(buffer.width)
                }
                perRun.append((ProcessFigures.monotonicSeconds() - start) / Double(frames))
            }
            let ms = median(perRun) * 1000
            writeStdout(pad(benchCase.title, 46) + pad(String(ProcessFigures.fixed(ms, 3)) + " ms/frame", 16) + pad("", 10) + pad("\(frames) frames", 12)
                  + pad(ProcessFigures.megabytes(ProcessFigures.peakRSSBytes()), 11) + benchCase.target)
            return 0
        }
        var walls: [Double] = []
        var events: UInt64 = 0
        for _ in 0..<runs {
            var sim = Simulation(config: benchCase.config)
            let start = ProcessFigures.monotonicSeconds()
            sim.advance(to: seconds * UInt64(benchCase.config.hz))
            walls.append(ProcessFigures.monotonicSeconds() - start)
            events = sim.snapshot().eventsProcessed
        }
        let wall = median(walls)
        let ratio = wall > 0 ? Double(seconds) / wall : .infinity
        writeStdout(pad(benchCase.title + (quick ? " (quick: \(seconds) s)" : ""), 46) + pad(ProcessFigures.fixed(ratio, 1) + "x", 16)
              + pad(ProcessFigures.fixed(wall, 3), 10) + pad(String(events), 12) + pad(ProcessFigures.megabytes(ProcessFigures.peakRSSBytes()), 11) + benchCase.target)
        return 0
    }

    // MARK: helpers



    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }


    private static func spawnSelf(_ path: String, _ args: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else { return 1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 1
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
    @inline(never) private static func blackHole(_ value: Int) { _ = value }
}
