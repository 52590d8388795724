import Dashboard
import Glibc
import RCUEngine

/// `--headless --compare A,B,...`: every variant on its own engine (same seed, workloads and
/// flags), advanced together for `--duration`, then one summary table: text by default, JSON
/// lines or CSV with `--format`. A lazy-off engine is added as the reference for "lazy saves"
/// when the list does not name one.
func runHeadlessCompare(_ options: Options) -> Int32 {
    guard let duration = options.durationSeconds, let variants = options.compare else { return 2 }
    var all = variants
    if !all.contains(.lazyOff) { all.append(.lazyOff) }
    var run = CompareRun(base: options.engineConfig, variants: all)
    run.advance(to: UInt64((duration * Double(options.hz)).rounded()))
    let reference = run.rows.first { $0.variant == .lazyOff }
    var output = BufferedOutput(fd: STDOUT_FILENO)
    let lines: [String]
    switch (options.formatGiven, options.format) {
    case (true, .jsonl): lines = CompareReport.jsonl(run.rows, reference: reference)
    case (true, .csv): lines = CompareReport.csv(run.rows, reference: reference)
    default:
        let workloads = options.workloads.map(\.rawValue).joined(separator: ",")
        let title = "rcutop compare: \(workloads.isEmpty ? "no workload" : workloads), \(formattedSeconds(duration)) s simulated, "
            + "\(options.cpuCount) CPUs, HZ=\(options.hz), seed \(options.seed), \(options.memoryBytes >> 20) MiB"
            + (options.lazyEnabled ? "" : ", lazy off")
        lines = CompareReport.text(run.rows, reference: reference, title: title)
    }
    for line in lines { output.writeLine(line) }
    output.flush()
    return output.failed ? 1 : 0
}

private func formattedSeconds(_ s: Double) -> String {
    s == s.rounded() && s < 1e15 ? String(Int64(s)) : String(s)
}
