// Colour-depth degradation: one pure function from a theme colour to a terminal colour index,
// as btop's `Theme::hex_to_color` / truecolor-to-256 conversion, plus the readable-pair guard.

/// The terminal colour index for `color` at `depth`; -1 means the terminal's default colour.
///
/// - `trueColor`: the RGB packed as `r << 16 | g << 8 | b` (ncurses direct-colour numbering).
/// - `palette256`: the nearest of the xterm 6x6x6 cube (16...231) and grey ramp (232...255).
/// - `palette16`, `palette8`: the nearest of xterm's standard colours (0...15, 0...7).
/// - `none`: always -1.
public func degrade(_ color: Color, to depth: ColorDepth) -> Int {
    guard case let .rgb(r, g, b) = color else { return -1 }
    switch depth {
    case .none: return -1
    case .trueColor: return Int(r) << 16 | Int(g) << 8 | Int(b)
    case .palette256: return nearest256(r, g, b)
    case .palette16: return nearest(r, g, b, in: 16)
    case .palette8: return nearest(r, g, b, in: 8)
    }
}

/// A foreground and background colour index that the backend can hand to `init_pair`.
public struct ColorPair: Sendable, Equatable, Hashable {
    public var foreground: Int
    public var background: Int
    public init(foreground: Int, background: Int) { self.foreground = foreground; self.background = background }
}

/// Degrade both colours of a style and make sure the text stays readable.
///
/// Rule: after degradation the foreground never equals the background (unless both are the
/// terminal default), and a pair whose contrast the degradation destroyed (grey on grey on a
/// 16-colour console) gets black or white text instead, whichever stands out more.
public func readablePair(foreground: Color, background: Color, depth: ColorDepth) -> ColorPair {
    let fg = degrade(foreground, to: depth), bg = degrade(background, to: depth)
    guard fg != -1, bg != -1 else { return ColorPair(foreground: fg, background: bg) }
    let fgRGB = paletteRGB(fg, depth: depth), bgRGB = paletteRGB(bg, depth: depth)
    let lostContrast: Bool = {
        guard case let .rgb(r1, g1, b1) = foreground, case let .rgb(r2, g2, b2) = background else { return false }
        let before = contrastRatio((r1, g1, b1), (r2, g2, b2))
        let after = contrastRatio(fgRGB, bgRGB)
        return before >= minimumContrast && after < minimumContrast
    }()
    guard fg == bg || lostContrast else { return ColorPair(foreground: fg, background: bg) }
    // Replace the foreground with the palette's black or white, whichever contrasts more.
    let white = depth == .palette8 ? 7 : (depth == .trueColor ? 0xFFFFFF : (depth == .palette256 ? 231 : 15))
    let black = depth == .trueColor ? 0 : (depth == .palette256 ? 16 : 0)
    let towardWhite = contrastRatio(paletteRGB(white, depth: depth), bgRGB)
    let towardBlack = contrastRatio(paletteRGB(black, depth: depth), bgRGB)
    var newFG = towardWhite >= towardBlack ? white : black
    if newFG == bg { newFG = newFG == white ? black : white }
    return ColorPair(foreground: newFG, background: bg)
}

/// The pair for a cell style (reverse video is left to the terminal). At 16 and 8 colours the
/// pair is then made to keep `minimumPaletteContrast` (`paletteContrastFixed`).
public func readablePair(for style: Style, depth: ColorDepth) -> ColorPair {
    let pair = readablePair(foreground: style.foreground, background: style.background, depth: depth)
    guard depth == .palette16 || depth == .palette8 else { return pair }
    return paletteContrastFixed(pair, bold: style.bold, depth: depth)
}

/// Contrast (WCAG ratio, xterm's palette) a 16- or 8-colour pair must keep: 3, what WCAG asks
/// of large text. Below it a projector washes the text out (blue on black, grey on cyan).
let minimumPaletteContrast = 3.0

/// The colour a terminal shows for `index` as a foreground: bold brightens the first eight
/// (the Linux console and most 8-colour terminals do), so bold black is dark grey.
func effectiveForeground(_ index: Int, bold: Bool) -> Int { bold && (0..<8).contains(index) ? index + 8 : index }

/// The contrast of a 16- or 8-colour pair as shown, with bold's brightening.
func paletteContrast(_ pair: ColorPair, bold: Bool) -> Double {
    contrastRatio(paletteRGB(effectiveForeground(pair.foreground, bold: bold), depth: .palette16),
                  paletteRGB(pair.background, depth: .palette16))
}

/// Make a 16- or 8-colour pair readable after degradation.
///
/// Rule: a pair whose shown contrast (`paletteContrast`) is below `minimumPaletteContrast` gets
/// black or white text (whichever stands out more); if neither does (a mid-bright background
/// such as cyan under bold text, which bold turns grey), the background moves to the nearest
/// colour that works with black or white text. Pairs with a terminal default are left alone:
/// their contrast is the terminal's.
func paletteContrastFixed(_ pair: ColorPair, bold: Bool, depth: ColorDepth) -> ColorPair {
    guard pair.foreground >= 0, pair.background >= 0 else { return pair }
    if paletteContrast(pair, bold: bold) >= minimumPaletteContrast { return pair }
    let white = depth == .palette8 ? 7 : 15
    let textCandidates = [ColorPair(foreground: 0, background: pair.background),
                          ColorPair(foreground: white, background: pair.background)]
    if let best = textCandidates.max(by: { paletteContrast($0, bold: bold) < paletteContrast($1, bold: bold) }),
       paletteContrast(best, bold: bold) >= minimumPaletteContrast {
        return best
    }
    // Neither black nor white text works on this background: the nearest background that does.
    let original = paletteRGB(pair.background, depth: .palette16)
    var best = ColorPair(foreground: white, background: 0), bestDistance = Int.max
    for bg in 0..<(depth == .palette8 ? 8 : 16) {
        for fg in [0, white] {
            let candidate = ColorPair(foreground: fg, background: bg)
            guard fg != bg, paletteContrast(candidate, bold: bold) >= minimumPaletteContrast else { continue }
            let d = distance(original, paletteRGB(bg, depth: .palette16))
            if d < bestDistance { best = candidate; bestDistance = d }
        }
    }
    return best
}

/// Contrast below this (WCAG ratio) counts as unreadable when the theme asked for more.
let minimumContrast = 1.6

/// The RGB a terminal shows for an index at a depth (xterm's default palette).
public func paletteRGB(_ index: Int, depth: ColorDepth) -> (UInt8, UInt8, UInt8) {
    switch depth {
    case .trueColor:
        return (UInt8((index >> 16) & 0xFF), UInt8((index >> 8) & 0xFF), UInt8(index & 0xFF))
    case .none: return (0, 0, 0)
    case .palette8, .palette16:
        return standardColors[max(0, min(15, index))]
    case .palette256:
        if index < 16 { return standardColors[max(0, index)] }
        if index < 232 {
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        }
        let v = UInt8(8 + 10 * min(23, index - 232))
        return (v, v, v)
    }
}

/// xterm's default 16 colours.
let standardColors: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
]
let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

private func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
    // Weighted ("redmean"-like) distance: green counts most, blue least, as the eye does.
    let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db
}

private func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, in count: Int) -> Int {
    var best = 0, bestD = Int.max
    for i in 0..<count {
        let d = distance((r, g, b), standardColors[i])
        if d < bestD { best = i; bestD = d }
    }
    return best
}

private func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
    func level(_ v: UInt8) -> Int {
        var best = 0
        for i in 1..<6 where abs(Int(cubeLevels[i]) - Int(v)) < abs(Int(cubeLevels[best]) - Int(v)) { best = i }
        return best
    }
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
    let avg = (Int(r) + Int(g) + Int(b)) / 3
    let greyIndex = 232 + max(0, min(23, (avg - 8 + 5) / 10))
    let dc = distance((r, g, b), paletteRGB(cube, depth: .palette256))
    let dg = distance((r, g, b), paletteRGB(greyIndex, depth: .palette256))
    return dg < dc ? greyIndex : cube
}

private func luminance(_ c: (UInt8, UInt8, UInt8)) -> Double {
    func channel(_ v: UInt8) -> Double {
        // sRGB to linear light, with gamma 2 standing in for 2.4 (close enough to rank contrast).
        let s = Double(v) / 255
        return s * s
    }
    return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG contrast ratio, 1 (none) to 21 (black on white).
func contrastRatio(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
    let la = luminance(a), lb = luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
