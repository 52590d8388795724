import Dashboard
import Glibc
import RCUEngine

/// `--headless`: run the simulation with no terminal and print one record per interval of
/// simulated time, then a summary record. No wall clock: the same flags give the same bytes.
///
/// Record k (k = 1...n, n = ⌊duration / interval⌋) is taken at jiffy round(k · interval · HZ),
/// computed from k rather than summed, so intervals that are not a whole number of jiffies do
/// not drift. The summary is taken at round(duration · HZ).
/// Returns the exit status.
func runHeadless(_ options: Options, scenario: Scenario? = nil) -> Int32 {
    if let scenario { return runHeadless(options, scenario: scenario) }
    guard let duration = options.durationSeconds else { return 2 }
    var simulation = Simulation(config: options.engineConfig)
    let writer = HeadlessWriter(format: options.format)
    var output = BufferedOutput(fd: STDOUT_FILENO)
    let hz = Double(options.hz)
    // The parser guarantees interval ≤ duration, interval ≥ 1 jiffy and a bounded record count.
    let records = Int((duration / options.intervalSeconds * (1 + 1e-12)).rounded(.down))

    if let header = writer.header() { output.writeLine(header) }
    for k in stride(from: 1, through: records, by: 1) {
        let jiffy = UInt64((Double(k) * options.intervalSeconds * hz).rounded())
        simulation.advance(to: jiffy)
        output.writeLine(writer.record(simulation.snapshot()))
        if output.failed { return 1 }
    }
    simulation.advance(to: UInt64((duration * hz).rounded()))
    output.writeLine(writer.summary(simulation.snapshot()))
    output.flush()
    return output.failed ? 1 : 0
}

/// `--headless --scenario NAME`: the scenario played with nobody at the keys (timed steps when
/// due, `on cue` steps 10 simulated seconds apart), one record every interval and one at the
/// end, then the summary. `--duration`, if given, cuts the run short. Same scenario, same bytes.
private func runHeadless(_ options: Options, scenario: Scenario) -> Int32 {
    let hz = Double(scenario.config.hz)
    let every = UInt64((options.intervalSeconds * hz).rounded())
    guard every >= 1 else {
        fail("--interval: shorter than one jiffy (1/\(scenario.config.hz) s at the scenario's HZ=\(scenario.config.hz))", status: 2)
    }
    let stop = options.durationSeconds.map { UInt64(($0 * hz).rounded()) }
    let end = min(ScenarioDriver.headlessEndJiffy(scenario), stop ?? .max)
    if Double(end) / Double(every) > Limits.maxRecords {
        fail("--interval: more than \(Int(Limits.maxRecords)) records; use a longer interval", status: 2)
    }
    let writer = HeadlessWriter(format: options.format)
    var output = BufferedOutput(fd: STDOUT_FILENO)
    if let header = writer.header() { output.writeLine(header) }
    var last: Snapshot?
    ScenarioDriver.runHeadless(scenario, recordEveryJiffies: every, stopAtJiffy: stop) { snapshot in
        guard !output.failed else { return }
        output.writeLine(writer.record(snapshot))
        last = snapshot
    }
    if let last { output.writeLine(writer.summary(last)) }
    output.flush()
    return output.failed ? 1 : 0
}

/// Lines collected into 64 KiB chunks and written with `write(2)`, never char by char.
struct BufferedOutput {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Set when a write failed (for example the reader of a pipe went away with SIGPIPE ignored).
    private(set) var failed = false

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    mutating func writeLine(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count, !failed {
            let written = buffer[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                failed = true
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
