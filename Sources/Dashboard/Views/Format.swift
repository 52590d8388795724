/// Number and unit formatting for the screen (no Foundation: byte-identical everywhere).
enum Format {
    /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale: Double = 1
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let negative = value < 0
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return negative ? "-huge" : "huge" }
        let n = UInt64(scaled)
        let s = UInt64(scale)
        var out = String(n / s)
        if decimals > 0 {
            let frac = String(n % s)
            out += "." + String(repeating: "0", count: decimals - frac.count) + frac
        }
        return (negative && n != 0 ? "-" : "") + out
    }

    /// Simulated time as the header shows it: `t=12.345s`.
    static func time(_ seconds: Double) -> String { "t=" + fixed(seconds, decimals: 3) + "s" }

    /// A speed factor: `1x`, `0.25x`, `0.001x`, `10000x`.
    static func speed(_ speed: Double) -> String {
        if speed >= 1 || speed <= 0 { return fixed(speed, decimals: 0) + "x" }
        var s = fixed(speed, decimals: 3)
        while s.hasSuffix("0") { s.removeLast() }
        return s + "x"
    }

    /// Bytes in human units: `0 B`, `512 B`, `1.5 KiB`, `12 KiB`, `3.9 GiB`.
    static func bytes(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) B" }
        return (value < 99.95 ? fixed(value, decimals: 1) : fixed(value, decimals: 0)) + " " + units[unit]
    }

    /// A count in at most `width` characters: `12345`, else `12k`, `1.2M`, `3G`.
    static func count<T: BinaryInteger>(_ value: T, width: Int) -> String {
        let plain = String(value)
        if plain.count <= width { return plain }
        let v = Double(value)
        let suffixes: [(Double, String)] = [(1e3, "k"), (1e6, "M"), (1e9, "G"), (1e12, "T"), (1e15, "P"), (1e18, "E")]
        for (scale, suffix) in suffixes {
            let x = v / scale
            let oneDecimal = fixed(x, decimals: 1) + suffix
            if x < 10 && oneDecimal.count <= width { return oneDecimal }
            let whole = fixed(x, decimals: 0) + suffix
            if whole.count <= width && x < 999.5 { return whole }
        }
        return String(repeating: "#", count: max(1, width))
    }

    /// `text` padded with spaces (or cut) to exactly `width`, right-aligned.
    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.suffix(width)) : String(repeating: " ", count: width - text.count) + text
    }

    /// `text` padded with spaces (or cut) to exactly `width`, left-aligned.
    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    /// A count and its noun, singular for exactly one: `1 CPU`, `2 CPUs`, `0 callbacks`.
    static func plural<T: BinaryInteger>(_ n: T, _ noun: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// Milliseconds for a number of jiffies at HZ.
    static func milliseconds(jiffies: UInt64, hz: Int) -> String {
        let ms = Double(jiffies) * 1000 / Double(max(1, hz))
        return (ms < 10 && ms != ms.rounded() ? fixed(ms, decimals: 1) : fixed(ms, decimals: 0)) + " ms"
    }

    /// Words of `text` wrapped to `width`, long words cut; continuation lines indented by `indent`.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        let pad = String(repeating: " ", count: min(indent, max(0, width - 1)))
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            let lead = lines.isEmpty ? "" : pad
            if current.isEmpty {
                current = lead
            } else if current.count + 1 + w.count <= width {
                current += " " + w; continue
            } else {
                lines.append(current); current = pad
            }
            while current.count + w.count > width {
                let room = width - current.count
                if room <= 0 { lines.append(current); current = pad; continue }
                lines.append(current + w.prefix(room)); w = String(w.dropFirst(room)); current = pad
            }
            current += w
        }
        if !current.trimmingSpaces().isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
