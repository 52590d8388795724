import Glibc
import RCUEngine

/// `rcutop soak [--days N] [--cpus N] [--seed N]`: run the engine for many simulated days on the
/// fixed `SoakSchedule` (every workload toggled, lazy off an hour a day, every reclaim policy),
/// snapshot and check the invariants every simulated minute, print one line per simulated day
/// and a summary. Exit 0 when sound, 1 on the first violation or when memory grew after day 1,
/// 2 for a bad argument.
enum Soak {
    /// Peak RSS may grow after day 1 by at most this factor plus `rssSlackBytes`.
    static let rssGrowthFactor = 2.0
    static let rssSlackBytes = 20.0 * 1024 * 1024

    static func main(arguments: [String]) -> Int32 {
        var days = 30, cpus = 8
        var seed: UInt64 = 1
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch arg {
            case "--days":
                guard let v = value, let n = Int(v), (1...3650).contains(n) else { return ProcessFigures.usageError("--days: expected a whole number from 1 to 3650") }
                days = n
            case "--cpus":
                guard let v = value, let n = Int(v), (1...EngineConfig.maxCPUs).contains(n) else {
                    return ProcessFigures.usageError("--cpus: expected a whole number from 1 to \(EngineConfig.maxCPUs)")
                }
                cpus = n
            case "--seed":
                guard let v = value, let n = UInt64(v) else { return ProcessFigures.usageError("--seed: expected a whole number from 0 to \(UInt64.max)") }
                seed = n
            case "--help", "-h":
                writeStdout("usage: rcutop soak [--days N] [--cpus N] [--seed N]   (defaults: 30 days, 8 CPUs, seed 1)")
                return 0
            default:
                return ProcessFigures.usageError("soak: unknown argument \"\(arg)\" (try --days N, --cpus N, --seed N)")
            }
            index += 2
        }

        writeStdout("rcutop soak: \(days) simulated days, \(cpus) CPUs, seed \(seed); invariants checked every simulated minute")
        let start = ProcessFigures.monotonicSeconds()
        var run = SoakRun(cpus: cpus, seed: seed)
        var rssDay1: Double = 0
        for day in 1...days {
            let problems = run.run(minutes: 1440, recordEveryMinutes: 1)
            if !problems.isEmpty {
                writeStdout("day \(day): INVARIANT VIOLATED")
                for p in problems { writeStdout("  \(p)") }
                return 1
            }
            let rss = ProcessFigures.peakRSSBytes()
            if day == 1 { rssDay1 = rss }
            let caps = run.capacities
            writeStdout("day \(pad(day, 3))  wall \(ProcessFigures.fixed(ProcessFigures.monotonicSeconds() - start, 1)) s  peak RSS \(ProcessFigures.megabytes(rss))  "
                + "events \(run.simulation.eventsProcessed)  history \(run.maxHistory)/\(caps.history)  "
                + "event log \(run.maxEventLog)/\(caps.eventLog)  queue \(run.maxQueuedEvents)  "
                + "largest counter \(scientific(Double(run.largestCounter) / Double(UInt64.max))) of UInt64.max")
        }
        let wall = ProcessFigures.monotonicSeconds() - start
        let rssEnd = ProcessFigures.peakRSSBytes()
        let limit = rssDay1 * rssGrowthFactor + rssSlackBytes
        let snap = run.simulation.snapshot()
        writeStdout("summary: \(days) days in \(ProcessFigures.fixed(wall, 1)) s wall, \(run.records) records checked, 0 violations; "
            + "events \(run.simulation.eventsProcessed), grace periods \(snap.gracePeriod.completed), "
            + "callbacks invoked \(snap.counters.invoked); peak RSS day 1 \(ProcessFigures.megabytes(rssDay1)), end \(ProcessFigures.megabytes(rssEnd)) (limit \(ProcessFigures.megabytes(limit)))")
        if rssEnd > limit {
            writeStdout("FAIL: peak RSS grew from \(ProcessFigures.megabytes(rssDay1)) after day 1 to \(ProcessFigures.megabytes(rssEnd)), over the limit \(ProcessFigures.megabytes(limit))")
            return 1
        }
        return 0
    }






    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

    /// e.g. "3.1e-9".
    private static func scientific(_ v: Double) -> String {
        guard v > 0 else { return "0" }
        var exponent = 0, m = v
        while m < 1 { m *= 10; exponent -= 1 }
        while m >= 10 { m /= 10; exponent += 1 }
        return "\(ProcessFigures.fixed(m, 1))e\(exponent)"
    }
}
