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
                guard let v = value, let n = Int(v), (1...3650).contains(n) else { return usageError("--days: expected a whole number from 1 to 3650") }
                days = n
            case "--cpus":
                guard let v = value, let n = Int(v), (1...EngineConfig.maxCPUs).contains(n) else {
                    return usageError("--cpus: expected a whole number from 1 to \(EngineConfig.maxCPUs)")
                }
                cpus = n
            case "--seed":
                guard let v = value, let n = UInt64(v) else { return usageError("--seed: expected a whole number from 0 to \(UInt64.max)") }
                seed = n
            case "--help", "-h":
                writeStdout("usage: rcutop soak [--days N] [--cpus N] [--seed N]   (defaults: 30 days, 8 CPUs, seed 1)")
                return 0
            default:
                return usageError("soak: unknown argument \"\(arg)\" (try --days N, --cpus N, --seed N)")
            }
            index += 2
        }

        writeStdout("rcutop soak: \(days) simulated days, \(cpus) CPUs, seed \(seed); invariants checked every simulated minute")
        let start = monotonicSeconds()
        var run = SoakRun(cpus: cpus, seed: seed)
        var rssDay1: Double = 0
        for day in 1...days {
            let problems = run.run(minutes: 1440, recordEveryMinutes: 1)
            if !problems.isEmpty {
                writeStdout("day \(day): INVARIANT VIOLATED")
                for p in problems { writeStdout("  \(p)") }
                return 1
            }
            let rss = peakRSSBytes()
            if day == 1 { rssDay1 = rss }
            let caps = run.capacities
            writeStdout("day \(pad(day, 3))  wall \(format(monotonicSeconds() - start, 1)) s  peak RSS \(mb(rss))  "
                + "events \(run.simulation.eventsProcessed)  history \(run.maxHistory)/\(caps.history)  "
                + "event log \(run.maxEventLog)/\(caps.eventLog)  queue \(run.maxQueuedEvents)  "
                + "largest counter \(scientific(Double(run.largestCounter) / Double(UInt64.max))) of UInt64.max")
        }
        let wall = monotonicSeconds() - start
        let rssEnd = peakRSSBytes()
        let limit = rssDay1 * rssGrowthFactor + rssSlackBytes
        let snap = run.simulation.snapshot()
        writeStdout("summary: \(days) days in \(format(wall, 1)) s wall, \(run.records) records checked, 0 violations; "
            + "events \(run.simulation.eventsProcessed), grace periods \(snap.gracePeriod.completed), "
            + "callbacks invoked \(snap.counters.invoked); peak RSS day 1 \(mb(rssDay1)), end \(mb(rssEnd)) (limit \(mb(limit)))")
        if rssEnd > limit {
            writeStdout("FAIL: peak RSS grew from \(mb(rssDay1)) after day 1 to \(mb(rssEnd)), over the limit \(mb(limit))")
            return 1
        }
        return 0
    }

    private static func usageError(_ message: String) -> Int32 {
        writeStderr("rcutop: \(message)\n")
        return 2
    }

    private static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size (VmHWM) in bytes, 0 if unknown.
    static func peakRSSBytes() -> Double {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                return (text.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) * 1024
            }
        }
        return 0
    }

    private static func format(_ v: Double, _ digits: Int) -> String {
        let scale = Double([1, 10, 100, 1000][min(digits, 3)])
        let r = (v * scale).rounded() / scale
        return digits == 0 ? String(Int64(r)) : String(r)
    }

    private static func mb(_ bytes: Double) -> String { format(bytes / 1_048_576, 1) + " MB" }

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
        return "\(format(m, 1))e\(exponent)"
    }
}
