import Glibc

/// Wall clock and memory figures of this process, for `bench`, `soak` and the frame loop: the
/// only clock in rcutop (the engine never sees one).
enum ProcessFigures {
    /// Monotonic seconds.
    static func monotonicSeconds() -> Double {
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

    /// "12.3 MB".
    static func megabytes(_ bytes: Double) -> String { fixed(bytes / 1_048_576, 1) + " MB" }

    /// A number with `digits` decimals ("3.142"), "inf" when not finite.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "inf" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        guard digits > 0 else { return String(Int64(rounded)) }
        let whole = Int64(rounded.rounded(.towardZero))
        var frac = String(Int64((abs(rounded - Double(whole)) * scale).rounded()))
        while frac.count < digits { frac = "0" + frac }
        return (rounded < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
    }

    /// One line on stderr for a subcommand's bad argument; returns exit status 2.
    static func usageError(_ message: String) -> Int32 {
        writeStderr("rcutop: \(message)\n")
        return 2
    }
}
