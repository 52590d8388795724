import Dashboard

/// Theme colours to terminal colour numbers, for the depth the terminal has.
///
/// Temporary, private to the executable: the Dashboard is adding the shared pure function
/// (`degrade(_:to:)`); swap `terminalColorNumber` for it when it lands. -1 means the
/// terminal's default colour.
enum ColorDegradation {
    /// The colour number to hand ncurses for `color` at `depth`.
    /// trueColor: 0xRRGGBB (direct-colour terminfo); palette256: the xterm cube or grey ramp;
    /// palette16 / palette8: the nearest ANSI colour; none: -1.
    static func terminalColorNumber(_ color: Color, depth: ColorDepth) -> Int32 {
        guard case let .rgb(r, g, b) = color else { return -1 }
        switch depth {
        case .none: return -1
        case .trueColor: return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        case .palette256: return nearest256(r, g, b)
        case .palette16: return nearest(r, g, b, in: ansi16)
        case .palette8: return nearest(r, g, b, in: Array(ansi16.prefix(8)))
        }
    }

    /// A foreground/background pair that stays readable: if degradation made two different
    /// colours the same number, the foreground becomes black or white, whichever contrasts.
    static func readablePair(foreground: Color, background: Color, depth: ColorDepth) -> (fg: Int32, bg: Int32) {
        let fg = terminalColorNumber(foreground, depth: depth)
        let bg = terminalColorNumber(background, depth: depth)
        guard fg == bg, fg >= 0, foreground != background else { return (fg, bg) }
        guard case let .rgb(r, g, b) = background else { return (fg, bg) }
        let light = 299 * Int(r) + 587 * Int(g) + 114 * Int(b) > 128_000
        switch depth {
        case .trueColor: return (light ? 0x000000 : 0xFFFFFF, bg)
        case .palette256: return (light ? 16 : 231, bg)
        default: return (light ? 0 : 7, bg)
        }
    }

    /// The 16 ANSI colours as xterm draws them by default.
    private static let ansi16: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    private static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, in palette: [(UInt8, UInt8, UInt8)]) -> Int32 {
        var best = 0
        var bestDistance = Int.max
        for (index, entry) in palette.enumerated() {
            let d = distance((r, g, b), entry)
            if d < bestDistance { bestDistance = d; best = index }
        }
        return Int32(best)
    }

    private static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        func cubeIndex(_ v: UInt8) -> Int {
            var best = 0
            for (i, level) in cubeLevels.enumerated() where abs(level - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let (ri, gi, bi) = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
        let cube = (UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi]))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyLevel = UInt8(8 + 10 * greyStep)
        let grey = (greyLevel, greyLevel, greyLevel)
        if distance((r, g, b), grey) < distance((r, g, b), cube) { return Int32(232 + greyStep) }
        return Int32(16 + 36 * ri + 6 * gi + bi)
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
