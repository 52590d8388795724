import RCUEngine

/// Shorter wordings of the engine's event texts (`EventLog.render` in the engine), for an event
/// log too narrow to show them on one line: "CPU 4: hurry pulled in 37 lazy cbs".
///
/// The engine owns the text; this only rewrites the sentences it recognises whole, and leaves
/// anything else as it is (apart from "1 callbacks"), so a new engine wording is never mangled.
enum EventWording {
    /// The short form of `text`, or `text` with its plurals fixed when no rule matches.
    static func short(_ text: String) -> String {
        if let m = text.wholeMatch(of: /lazy flush on CPU (\d+): (\d+) callbacks?, 10 s timer/) {
            return "CPU \(m.1): lazy timer flushed \(cbs(m.2))"
        }
        if let m = text.wholeMatch(of: /hurry callback on CPU (\d+) pulled (\d+) lazy callbacks? into the next GP/) {
            return "CPU \(m.1): hurry pulled in \(m.2) lazy cb\(m.2 == "1" ? "" : "s")"
        }
        if let m = text.wholeMatch(of: /bypass on CPU (\d+) reached qhimark \((\d+)\): flushed (\d+) callbacks?/) {
            return "CPU \(m.1): full bypass flushed \(cbs(m.3))"
        }
        if let m = text.wholeMatch(of: /bypass on CPU (\d+) older than a jiffy: flushed (\d+) callbacks?/) {
            return "CPU \(m.1): aged bypass flushed \(cbs(m.2))"
        }
        if let m = text.wholeMatch(of: /shrinker flushed CPU (\d+): (\d+) lazy callbacks?/) {
            return "CPU \(m.1): shrinker flushed \(m.2) lazy cb\(m.2 == "1" ? "" : "s")"
        }
        if let m = text.wholeMatch(of: /rcu_barrier flushed CPU (\d+): (\d+) callbacks?/) {
            return "CPU \(m.1): rcu_barrier flushed \(cbs(m.2))"
        }
        if let m = text.wholeMatch(of: /GP (-?\d+) ended after ([0-9.]+ ms) \(lazy callbacks now ready\)/) {
            return "GP \(m.1) took \(m.2), lazy cbs ready"
        }
        if let m = text.wholeMatch(of: /GP (-?\d+) ended after ([0-9.]+ ms)/) {
            return "GP \(m.1) took \(m.2)"
        }
        return text.replacingOccurrences(" callbacks", " cbs")
    }

    private static func cbs(_ n: Substring) -> String { n == "1" ? "1 cb" : "\(n) cbs" }
}
