/// Zone watermarks as the kernel sets them (mm/page_alloc.c; docs/engine-rules.md "Memory").
///
/// - `calculate_min_free_kbytes`: min_free_kbytes = int_sqrt(lowmem_kbytes * 16), clamped to
///   128 KiB ... 262144 KiB (256 MiB).
/// - `__setup_per_zone_wmarks`: low = min + min/4, high = min + min/2 (the
///   `watermark_scale_factor` term, 0.1 % of RAM by default, is left out: with one zone it only
///   matters above ~16 GiB).
///
/// 4 GiB gives min 8 MiB, low 10 MiB, high 12 MiB.
public struct Watermarks: Sendable, Equatable {
    public var min: UInt64
    public var low: UInt64
    public var high: UInt64

    public static let minFreeKbytesFloor: UInt64 = 128
    public static let minFreeKbytesCeiling: UInt64 = 262_144

    public init(totalBytes: UInt64) {
        let kib = totalBytes / 1024
        let minKiB = Swift.min(Swift.max(Watermarks.isqrt(kib * 16), Watermarks.minFreeKbytesFloor), Watermarks.minFreeKbytesCeiling)
        min = minKiB * 1024
        low = min + min / 4
        high = min + min / 2
    }

    /// Integer square root (`int_sqrt`), exact for every UInt64.
    static func isqrt(_ x: UInt64) -> UInt64 {
        guard x > 1 else { return x }
        var r = UInt64(Double(x).squareRoot())
        while r * r > x { r -= 1 }
        while (r + 1) * (r + 1) <= x { r += 1 }
        return r
    }
}
