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

/// Natural logarithm without Foundation (series on the mantissa; good to ~1e-12).
func log(_ x: Double) -> Double {
    precondition(x > 0)
    let e = x.exponent
    let m = x.significand  // in [1, 2)
    // ln(m) = 2 * atanh((m-1)/(m+1))
    let t = (m - 1) / (m + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var k = 1.0
    while k < 60 {
        sum += term / k
        term *= t2
        k += 2
    }
    return 2 * sum + Double(e) * 0.693_147_180_559_945_309_4
}
