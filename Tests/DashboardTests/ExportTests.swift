import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import RCUEngine
@testable import Dashboard

/// `e`: the screen as text and as SVG.
@Suite struct ExportTests {
    /// Parses XML with Foundation's XMLParser; returns the error, or nil when well-formed.
    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var current = ""
        var inText = false
        var rects = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "text" { inText = true; current = "" }
            if name == "rect" { rects += 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current); inText = false }
        }
    }

    func parse(_ svg: String) -> (ok: Bool, collector: Collector, error: String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let c = Collector()
        parser.delegate = c
        let ok = parser.parse()
        return (ok, c, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test func textIsTheRowsWithoutTrailingBlanks() {
        let b = ScreenBuffer(lines: ["ab  ", " c", ""])
        #expect(ScreenExport.text(b) == "ab\n c\n\n")
    }

    @Test func svgOfTheDashboardIsWellFormedAndHoldsItsText() {
        let state = AppState(message: "a <b> & \"c\" 'd'")
        for theme in [Theme.builtIn, Theme.builtIn.withoutColor()] {
            let b = DashboardView.render(snapshot: SnapshotFixtures.video(), state: state, theme: theme, glyphs: .unicode, width: 100, height: 30)
            let svg = ScreenExport.svg(b, theme: theme)
            let (ok, c, error) = parse(svg)
            #expect(ok, "\(error)")
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"540\""))
            #expect(c.texts.joined().contains("rcutop"))
            #expect(c.texts.joined().contains("a <b> & \"c\" 'd'"), "escaped text comes back whole")
        }
    }

    @Test func svgEscapesEveryXMLSpecialAndDropsControls() {
        var b = ScreenBuffer(width: 12, height: 1)
        for (i, ch) in "&<>\"'\u{1}\u{7F}\u{9B}é".enumerated() { b.set(x: i, y: 0, Cell(ch)) }
        let svg = ScreenExport.svg(b, theme: .builtIn)
        #expect(svg.contains(">&amp;&lt;&gt;&quot;&apos;???é   </text>"))
        let (ok, c, error) = parse(svg)
        #expect(ok, "\(error)")
        #expect(c.texts == ["&<>\"'???é   "])
    }

    @Test func svgKeepsColoursBackgroundsAndReverse() {
        var b = ScreenBuffer(width: 3, height: 1)
        b.set(x: 0, y: 0, Cell("A", style: Style(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255))))
        b.set(x: 1, y: 0, Cell("B", style: Style(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255), bold: true, reverse: true)))
        let svg = ScreenExport.svg(b, theme: .builtIn.withoutColor())
        #expect(svg.contains("<rect x=\"0\" y=\"0\" width=\"9\" height=\"18\" fill=\"#0000ff\"/>"))
        #expect(svg.contains("<rect x=\"9\" y=\"0\" width=\"9\" height=\"18\" fill=\"#ff0000\"/>"))
        #expect(svg.contains("fill=\"#ff0000\" textLength=\"9\" lengthAdjust=\"spacingAndGlyphs\">A</text>"))
        #expect(svg.contains("fill=\"#0000ff\" textLength=\"9\" lengthAdjust=\"spacingAndGlyphs\" font-weight=\"bold\">B</text>"))
    }

    @Test func baseNameIsUTCToTheSecond() {
        #expect(ScreenExport.baseName(date: Date(timeIntervalSince1970: 1_796_314_855)) == "rcutop-20261203-162055")
    }

    @Test func exportGoesThroughAnEffectAndTheMessageComesBack() {
        var s = AppState()
        #expect(reduce(&s, .exportScreen) == [.exportScreen])
        #expect(reduce(&s, .exportDone("screen saved to rcutop-1.txt and rcutop-1.svg")) == [])
        #expect(s == AppState(message: "screen saved to rcutop-1.txt and rcutop-1.svg"))
        #expect(KeyMap.command(for: .character("e")) == .exportScreen)
    }
}
