import Testing
@testable import Dashboard

/// btop theme format rules (themes/README.md), one test per rule, and each error with its line.
@Suite struct ThemeFileTests {
    func parse(_ text: String, file: String = "t.theme") throws(ThemeError) -> ThemeFile.Parsed {
        try ThemeFile.parse(Array(text.utf8), file: file, name: "t")
    }
    func error(_ text: String) -> ThemeError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func sixDigitHexIsRGB() throws {
        #expect(try parse("theme[main_fg]=\"#0aFf10\"").theme[.mainFG] == .rgb(0x0A, 0xFF, 0x10))
    }

    @Test func twoDigitHexIsGrey() throws {
        #expect(try parse("theme[main_fg]=\"#7f\"").theme[.mainFG] == .rgb(0x7F, 0x7F, 0x7F))
    }

    @Test func decimalRGBWithSpaces() throws {
        #expect(try parse("theme[main_fg]=\"255 0 12\"").theme[.mainFG] == .rgb(255, 0, 12))
        #expect(try parse("theme[main_fg]=\"1  2   3\"").theme[.mainFG] == .rgb(1, 2, 3))
    }

    @Test func unquotedValuesWork() throws {
        #expect(try parse("theme[title]=#112233").theme[.title] == .rgb(0x11, 0x22, 0x33))
        #expect(try parse("theme[title] = 10 20 30").theme[.title] == .rgb(10, 20, 30))
    }

    @Test func emptyValueIsTheTerminalDefault() throws {
        #expect(try parse("theme[main_bg]=\"\"").theme[.mainBG] == .terminalDefault)
    }

    @Test func textAfterTheClosingQuoteIsIgnored() throws {
        #expect(try parse("theme[hi_fg]=\"#ff0000\" # red keys \"quoted\"").theme[.hiFG] == .rgb(255, 0, 0))
    }

    @Test func carriageReturnsAreStripped() throws {
        let p = try parse("# dos file\r\ntheme[main_fg]=\"#102030\"\r\ntheme[title]=#405060\r\n")
        #expect(p.theme[.mainFG] == .rgb(0x10, 0x20, 0x30))
        #expect(p.theme[.title] == .rgb(0x40, 0x50, 0x60))
    }

    @Test func commentsBlankLinesAndOtherLinesAreSkipped() throws {
        let p = try parse("# theme[main_fg]=\"#ffffff\"\n\n   \nsome text\ntheme[main_fg]=\"#010203\"")
        #expect(p.theme[.mainFG] == .rgb(1, 2, 3))
        #expect(p.keysSet == [.mainFG])
    }

    @Test func unknownKeysAreSkippedAndReported() throws {
        let p = try parse("theme[main_fg]=\"#010203\"\ntheme[sparkle]=\"#ffffff\"\ntheme[bogus]=\"not a colour\"")
        #expect(p.unknownKeys.map(\.key) == ["sparkle", "bogus"])
        #expect(p.unknownKeys.map(\.line) == [2, 3])
    }

    @Test func missingKeysFallBackToTheDefaultKeyByKey() throws {
        let t = try parse("theme[main_fg]=\"#010203\"").theme
        #expect(t[.mainFG] == .rgb(1, 2, 3))
        for key in ThemeKey.allCases where key != .mainFG { #expect(t[key] == Theme.builtIn[key], "\(key)") }
    }

    @Test func gradientStartAloneIsOneColour() throws {
        let t = try parse("theme[cpu_start]=\"#102030\"\ntheme[cpu_mid]=\"\"\ntheme[cpu_end]=\"\"").theme
        #expect(t.heat == Gradient(start: .rgb(16, 32, 48), mid: .rgb(16, 32, 48), end: .rgb(16, 32, 48)))
        let t2 = try parse("theme[cpu_start]=\"#102030\"").theme
        #expect(t2[.cpuEnd] == .rgb(16, 32, 48))
    }

    @Test func gradientWithoutMidMeetsHalfway() throws {
        let t = try parse("theme[temp_start]=\"#000000\"\ntheme[temp_end]=\"#646464\"").theme
        #expect(t[.tempMid] == .rgb(50, 50, 50))
    }

    @Test func gradientSamplesIn101Steps() {
        let g = Gradient(start: .rgb(0, 0, 0), mid: .rgb(100, 100, 100), end: .rgb(200, 200, 200))
        #expect(g.color(at: 0) == .rgb(0, 0, 0))
        #expect(g.color(at: 0.5) == .rgb(100, 100, 100))
        #expect(g.color(at: 1) == .rgb(200, 200, 200))
        #expect(g.color(at: 0.254) == g.color(at: 0.25))
        #expect(g.color(at: -3) == .rgb(0, 0, 0))
        #expect(g.color(at: .infinity) == .rgb(0, 0, 0))
    }

    @Test func lastValueOfARepeatedKeyWins() throws {
        #expect(try parse("theme[title]=\"#010101\"\ntheme[title]=\"#020202\"").theme[.title] == .rgb(2, 2, 2))
    }

    // MARK: errors

    @Test func emptyFileIsAnError() {
        #expect(error("") == ThemeError(file: "t.theme", line: nil, problem: "empty theme: no theme[key]=\"value\" lines"))
        #expect(error("# only comments\n\n")?.problem.hasPrefix("empty theme") == true)
    }

    @Test func fileWithOnlyUnknownKeysIsAnError() {
        #expect(error("theme[nope]=\"#ffffff\"")?.problem.hasPrefix("no known theme keys") == true)
    }

    @Test func nulByteIsBinaryContentWithItsLine() throws {
        do {
            _ = try ThemeFile.parse(Array("theme[title]=\"#ffffff\"\nab\u{0}c".utf8), file: "b.theme", name: "b")
            Issue.record("no error")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("b.theme:2: binary content"))
        }
    }

    @Test func invalidUTF8IsBinaryContentWithItsLine() {
        var bytes = Array("theme[title]=\"#ffffff\"\n\ntheme[x]=\"".utf8)
        bytes += [0xFF, 0xFE, 0x22]
        do { _ = try ThemeFile.parse(bytes, file: "u.theme", name: "u"); Issue.record("no error") } catch {
            #expect(error.line == 3)
            #expect(error.problem.contains("not UTF-8"))
        }
    }

    @Test(arguments: ["#12345", "#1234567", "#gg0000", "red", "256 0 0", "1 2", "1 2 3 4", "-1 0 0", "#", "0x112233"])
    func badColourValuesAreErrorsWithTheirLine(value: String) {
        let e = error("# header\ntheme[main_fg]=\"#ffffff\"\ntheme[hi_fg]=\"\(value)\"")
        #expect(e?.line == 3)
        #expect(e?.problem.hasPrefix("bad colour") == true)
        #expect(e?.description.hasPrefix("t.theme:3: bad colour") == true)
    }

    @Test func missingClosingQuoteIsAnErrorWithItsLine() {
        let e = error("theme[main_fg]=\"#ffffff\"\ntheme[title]=\"#ffffff\n")
        #expect(e == ThemeError(file: "t.theme", line: 2, problem: "missing closing quote in value of theme[title]"))
    }

    @Test func malformedThemeLinesAreErrors() {
        #expect(error("theme[main_fg=\"#ffffff\"")?.line == 1)
        #expect(error("theme[main_fg]\"#ffffff\"")?.problem.hasPrefix("expected =") == true)
    }

    @Test func aBtopThemeLoadsUnchanged() throws {
        // A btop theme as btop ships them: header comments, "#GG" greys, every key.
        let btop = """
        #Bashtop theme with default colors and black background
        # Colors should be in 6 or 2 character hexadecimal or single spaced rgb decimal: "#RRGGBB", "#BW" or "0-255 0-255 0-255"
        theme[main_bg]="#00"
        theme[main_fg]="#cc"
        theme[title]="#ee"
        theme[hi_fg]="#90"
        theme[selected_bg]="#7e2626"
        theme[selected_fg]="#ee"
        theme[inactive_fg]="#40"
        theme[graph_text]="#60"
        theme[meter_bg]="#40"
        theme[proc_misc]="#0de756"
        theme[cpu_box]="#3d7b46"
        theme[mem_box]="#8a882e"
        theme[net_box]="#423ba5"
        theme[proc_box]="#923535"
        theme[div_line]="#30"
        theme[temp_start]="#4897d4"
        theme[temp_mid]="#5474e8"
        theme[temp_end]="#ff40b6"
        theme[cpu_start]="#50f095"
        theme[cpu_mid]="#f2e266"
        theme[cpu_end]="#fa1e1e"
        theme[free_start]="#223014"
        theme[used_start]="#3b1f1c"
        theme[used_mid]="#d9626d"
        theme[used_end]="#ff4769"
        theme[process_start]="#80d0a3"
        theme[process_mid]="#dcd179"
        theme[process_end]="#d45454"
        """
        let p = try ThemeFile.parse(Array(btop.utf8), file: "btop.theme", name: "btop")
        #expect(p.unknownKeys.isEmpty)
        #expect(p.theme[.mainBG] == .rgb(0, 0, 0))
        #expect(p.theme[.procMisc] == .rgb(0x0D, 0xE7, 0x56))
        #expect(p.theme[.freeEnd] == .rgb(0x22, 0x30, 0x14)) // start only: one colour
        #expect(p.theme[.cachedMid] == Theme.builtIn[.cachedMid]) // not given: the default's
    }
}
