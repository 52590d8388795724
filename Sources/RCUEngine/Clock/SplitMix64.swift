/// SplitMix64: a small, fast, seedable generator. Every random stream in the engine is one of these.
public struct SplitMix64: Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a good 64-bit hash of `z`.
    @inline(__always) public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (closed), without modulo bias worth caring about here.
    public mutating func uniform(_ range: ClosedRange<UInt64>) -> UInt64 {
        let span = range.upperBound - range.lowerBound &+ 1
        if span == 0 { return next() }
        return range.lowerBound + UInt64((UInt128(next()) * UInt128(span)) >> 64)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// An exponentially distributed delay with the given mean (Poisson arrivals).
    public mutating func exponential(mean: Double) -> Double {
        var u = unit()
        if u < 1e-12 { u = 1e-12 }
        return -mean * log(u)
    }
}

/// Natural logarithm without Foundation: split x = m * 2^e with m in [sqrt(1/2), sqrt(2)), then
/// ln(m) = 2 atanh((m-1)/(m+1)), whose series converges fast there (|t| < 0.172; 1e-15 in 9 terms).
func log(_ x: Double) -> Double {
    precondition(x > 0 && x.isNormal)
    // Exponent and significand straight from the bits (x is normal).
    let bits = x.bitPattern
    var e = Double(Int((bits >> 52) & 0x7FF) - 1023)
    var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)  // [1, 2)
    if m > 1.414_213_562_373_095_1 { m *= 0.5; e += 1 }
    let t = (m - 1) / (m + 1)
    let t2 = t * t
    let series = 1 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9 + t2 * (1.0 / 11
        + t2 * (1.0 / 13 + t2 * (1.0 / 15 + t2 * (1.0 / 17))))))))
    return 2 * t * series + e * 0.693_147_180_559_945_309_4
}
