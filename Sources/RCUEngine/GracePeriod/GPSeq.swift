/// `rcu_state.gp_seq` and the `rcu_seq_*` helpers of `kernel/rcu/rcu.h` (kernel-rcu.md §4.1).
///
/// The low two bits (`RCU_SEQ_CTR_SHIFT` = 2) are the phase: 0 idle, non-zero a grace period in
/// progress. Each grace period adds 4. Values are signed 64-bit, compared with wrap-around as
/// `ULONG_CMP_LT` does, and print as the kernel's `%ld` does.
public struct GPSeq: Sendable, Equatable {
    public private(set) var value: Int64

    /// `RCU_SEQ_STATE_MASK`.
    public static let stateMask: Int64 = 3
    /// `(0UL - 300UL) << RCU_SEQ_CTR_SHIFT`: -1200, the kernel's starting value.
    public static let initialValue: Int64 = -1200

    public init(_ value: Int64 = GPSeq.initialValue) { self.value = value }

    /// `rcu_seq_state`: the low two bits.
    public var state: Int64 { value & GPSeq.stateMask }
    /// Is a grace period in progress?
    public var isInProgress: Bool { state != 0 }

    /// `rcu_seq_start`: +1.
    public mutating func start() { value &+= 1 }
    /// `rcu_seq_end`: round up to the next multiple of 4, i.e. `(s | 3) + 1`.
    public mutating func end() { value = (value | GPSeq.stateMask) &+ 1 }

    /// `rcu_seq_snap(s)` = `(s + 7) & ~3`: the value at which a full grace period that starts
    /// after now has ended (idle 1000 → 1004; during GP 1001 → 1008).
    public static func snap(_ s: Int64) -> Int64 { (s &+ 2 * stateMask &+ 1) & ~stateMask }
    public var snap: Int64 { GPSeq.snap(value) }

    /// `rcu_seq_done(sp, s)` = `ULONG_CMP_GE(*sp, s)`: has `current` reached `s`?
    public static func isDone(_ current: Int64, _ s: Int64) -> Bool { current &- s >= 0 }
    public func isDone(_ s: Int64) -> Bool { GPSeq.isDone(value, s) }

    /// `ULONG_CMP_LT(a, b)`: is `a` before `b` (wrap-aware)?
    public static func isBefore(_ a: Int64, _ b: Int64) -> Bool { a &- b < 0 }
}
