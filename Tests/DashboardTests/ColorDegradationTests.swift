import Foundation
import Testing
@testable import Dashboard

@Suite struct ColorDegradationTests {
    @Test func terminalDefaultIsMinusOneAtEveryDepth() {
        for depth in ColorDepth.allCases { #expect(degrade(.terminalDefault, to: depth) == -1) }
        #expect(degrade(.rgb(255, 0, 0), to: .none) == -1)
    }

    @Test func trueColorPacksRGB() {
        #expect(degrade(.rgb(0x12, 0x34, 0x56), to: .trueColor) == 0x123456)
    }

    @Test func palette256PicksTheCubeOrTheGreyRamp() {
        #expect(degrade(.rgb(255, 0, 0), to: .palette256) == 196)
        #expect(degrade(.rgb(0, 0, 0), to: .palette256) == 16)
        #expect(degrade(.rgb(0x80, 0x80, 0x80), to: .palette256) == 244)
        #expect(degrade(.rgb(95, 135, 175), to: .palette256) == 67)
    }

    @Test func palette16And8PickTheNearestStandardColour() {
        #expect(degrade(.rgb(250, 10, 10), to: .palette16) == 9)
        #expect(degrade(.rgb(250, 10, 10), to: .palette8) == 1)
        #expect(degrade(.rgb(240, 240, 240), to: .palette8) == 7)
        #expect(degrade(.rgb(20, 20, 20), to: .palette16) == 0)
    }

    @Test func equalColoursGetAReadableForeground() {
        let p = readablePair(foreground: .rgb(10, 10, 10), background: .rgb(12, 12, 12), depth: .palette16)
        #expect(p.background == 0)
        #expect(p.foreground == 15)
        let light = readablePair(foreground: .rgb(250, 250, 250), background: .rgb(255, 255, 255), depth: .palette8)
        #expect(light.foreground == 0)
    }

    @Test func greyOnGreyThatLostItsContrastIsFixed() {
        // #909090 on #5a5a5a has contrast in truecolor; on 16 colours both become grey 8.
        let p = readablePair(foreground: .rgb(0x90, 0x90, 0x90), background: .rgb(0x6a, 0x6a, 0x6a), depth: .palette16)
        #expect(p.foreground != p.background)
    }

    @Test func noColourIsDefaultOnDefault() {
        #expect(readablePair(foreground: .rgb(1, 2, 3), background: .rgb(1, 2, 3), depth: .none) == ColorPair(foreground: -1, background: -1))
    }

    /// Every style every shipped theme puts on screen, at every depth: never fg == bg.
    @Test(arguments: ThemeStoreTests.shipped)
    func shippedThemesNeverDrawTextInItsBackgroundColour(name: String) throws {
        let theme = try ThemeStore(searchPaths: [ThemeStoreTests.repoThemes]).load(name)
        var styles = Set<Style>()
        let state = AppState(showHelp: true)
        for cpus in [8, 4096] {
            for (w, h) in [(80, 24), (200, 60)] {
                let b = DashboardView.render(snapshot: SnapshotFixtures.video(cpus: cpus), state: state, theme: theme, glyphs: .unicode, width: w, height: h)
                for cell in b.cells { styles.insert(cell.style) }
            }
        }
        #expect(styles.count > 3 || theme.isMonochrome)
        for depth in ColorDepth.allCases {
            for s in styles {
                let p = readablePair(for: s, depth: depth)
                #expect(p.foreground != p.background || p.foreground == -1, "\(name) \(depth) \(s)")
            }
        }
    }

    @Test func everyColourOfEveryShippedThemeDegradesInRange() throws {
        for name in ThemeStoreTests.shipped {
            let theme = try ThemeStore(searchPaths: [ThemeStoreTests.repoThemes]).load(name)
            for key in ThemeKey.allCases {
                #expect((-1...255).contains(degrade(theme[key], to: .palette256)))
                #expect((-1...15).contains(degrade(theme[key], to: .palette16)))
                #expect((-1...7).contains(degrade(theme[key], to: .palette8)))
            }
        }
    }
}

// MARK: Contrast at 16 and 8 colours

extension ColorDegradationTests {
    /// Every style every shipped theme draws, at 16 and 8 colours, keeps a contrast of at least
    /// `minimumPaletteContrast` (3:1, xterm's palette, bold brightening the first eight colours),
    /// unless one side is the terminal's default colour.
    @Test(arguments: ThemeStoreTests.shipped)
    func shippedThemesKeepContrastAt16And8Colours(name: String) throws {
        let theme = try ThemeStore(searchPaths: [ThemeStoreTests.repoThemes]).load(name)
        var styles = Set<Style>()
        for state in [AppState(), AppState(isPaused: true), AppState(showHelp: true), AppState(message: "m")] {
            for cpus in [8, 4096] {
                for (w, h) in [(80, 24), (200, 60)] {
                    let b = DashboardView.render(snapshot: SnapshotFixtures.video(cpus: cpus), state: state, theme: theme,
                                                 glyphs: .unicode, width: w, height: h)
                    for cell in b.cells where cell.character != " " { styles.insert(cell.style) }
                }
            }
        }
        for depth in [ColorDepth.palette16, .palette8] {
            for s in styles {
                let p = readablePair(for: s, depth: depth)
                guard p.foreground >= 0, p.background >= 0 else { continue }
                #expect(paletteContrast(p, bold: s.bold) >= minimumPaletteContrast, "\(name) \(depth) \(s) -> \(p)")
            }
        }
    }

    @Test func blueOnBlackBecomesWhiteAndBoldBlackOnCyanMovesTheBackground() {
        // Dim labels that land on blue (4) over black: white text instead.
        let dim = readablePair(for: Style(foreground: .rgb(0x20, 0x30, 0xc0), background: .rgb(0x12, 0x14, 0x18)), depth: .palette8)
        #expect(dim == ColorPair(foreground: 7, background: 0))
        // The LAZY ON badge: bold near-black on #5fd7af is grey on cyan at 8 colours.
        let badge = readablePair(for: Style(foreground: .rgb(0x12, 0x14, 0x18), background: .rgb(0x5f, 0xd7, 0xaf), bold: true), depth: .palette8)
        #expect(badge == ColorPair(foreground: 7, background: 4))
        // A pair that already reads well is left alone.
        #expect(readablePair(for: Style(foreground: .rgb(255, 255, 255), background: .rgb(0, 0, 0)), depth: .palette16)
                == ColorPair(foreground: 15, background: 0))
    }
}
