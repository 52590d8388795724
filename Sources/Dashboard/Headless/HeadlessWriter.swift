import RCUEngine

/// Output format of `--headless`.
public enum HeadlessFormat: String, Sendable, CaseIterable {
    case jsonl, csv
}

/// Turns snapshots into headless records (one line each). CONTRACT STUB: signatures stay.
public struct HeadlessWriter: Sendable {
    public let format: HeadlessFormat
    public init(format: HeadlessFormat) { self.format = format }

    /// A header line to print first (CSV column names), or nil.
    public func header() -> String? { nil }
    /// One record for the snapshot taken at the end of an interval.
    public func record(_ snapshot: Snapshot) -> String { "{\"t\":\(snapshot.seconds)}" }
    /// The final summary record (`"summary": true` in JSON lines).
    public func summary(_ snapshot: Snapshot) -> String { "{\"t\":\(snapshot.seconds),\"summary\":true}" }
}
