import CNcursesw
import Dashboard

/// ncurses colour pairs for cell styles: degraded to the terminal's depth, allocated on first
/// use, cached by (foreground, background).
///
/// Pairs are a finite resource (64 on an 8-colour terminal, where 9 x 9 combinations with the
/// default colour exist). When they run out, a style gets the pair of its foreground on the
/// default background if that exists, else pair 0 (default colours): text stays readable, only
/// the background is lost. Pairs are never redefined, since cells on screen already use them.
struct ColorPairs {
    let depth: ColorDepth
    /// `use_default_colors` worked: -1 means the terminal's own colour.
    let hasDefaultColors: Bool
    private var cache: [Key: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct Key: Hashable { var fg: Int32; var bg: Int32 }

    init(depth: ColorDepth, hasDefaultColors: Bool) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
    }

    /// The pair number for `style` (0 when the terminal has no colour).
    mutating func pair(for style: Style) -> Int32 {
        guard depth != .none else { return 0 }
        let degraded = readablePair(for: style, depth: depth)
        var (fg, bg) = (Int32(degraded.foreground), Int32(degraded.background))
        if !hasDefaultColors {
            // No use_default_colors: -1 is not a colour here; assume white on black.
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        return pair(fg: fg, bg: bg)
    }

    private mutating func pair(fg: Int32, bg: Int32) -> Int32 {
        if fg < 0 && bg < 0 { return 0 }
        let key = Key(fg: fg, bg: bg)
        if let cached = cache[key] { return cached }
        if nextPair < nc_color_pairs(), init_extended_pair(nextPair, fg, bg) == OK {
            cache[key] = nextPair
            nextPair += 1
            return nextPair - 1
        }
        // Out of pairs: the foreground on the default background, once; then pair 0.
        let defaultBackground: Int32 = hasDefaultColors ? -1 : 0
        let fallback = bg == defaultBackground ? 0 : (cache[Key(fg: fg, bg: defaultBackground)] ?? 0)
        cache[key] = fallback
        return fallback
    }
}
