import Foundation
import Testing
@testable import KonsekvensKit

/// The reader's byte-level paths (Latin text) give what walking Characters gives, and hand any
/// other text to the Character walk.
@Suite struct ReadingBytesTests {
    static let lines: [String] = [
        "", " ", "\u{00A0}\u{2003}", "Økonomi", "  Økonomiske konsekvenser \u{00A0}", "\tSide 3 af 12\u{202F}",
        " \u{0301}x ", "x\u{0301} ", "a\u{200D}b  ", "Beløb  2025\t2026  i alt", "ÆØÅ   æøå  é", "日本  語",
        "Udgift\u{2009}\u{2009}kr.  1.000", " \u{FEFF}Tekst", "mellem  to  \u{00A0} mellemrum",
    ]

    /// The Character walk the byte paths replace.
    static func reference(trimming text: Substring) -> (text: String, column: Int) {
        guard let first = text.firstIndex(where: { !$0.isSpaceLike }) else { return ("", 1) }
        let last = text.lastIndex(where: { !$0.isSpaceLike })!
        return (String(text[first...last]), text.distance(from: text.startIndex, to: first) + 1)
    }

    @Test(arguments: lines) func trimmingMatchesCharacters(_ line: String) {
        let expected = Self.reference(trimming: Substring(line))
        #expect(line.trimmed == expected.text)
        let found = trimmedWithColumn(Substring(line))
        #expect(found.text == expected.text && found.column == expected.column)
    }

    /// The Character walk of `alignedCells(of:lineNumber:)`, as it was before its byte path.
    static func reference(cellsOf line: Substring) -> [Line]? {
        guard line.contains("\t") || line.contains("  ") else { return nil }
        var cells: [Line] = []
        var current = "", currentColumn = 0, column = 0, spaces = 0
        func finish() {
            if !current.trimmed.isEmpty { cells.append(Line(current.trimmed, at: SourceLocation(line: 1, column: currentColumn))) }
            current = ""
        }
        for character in line {
            column += 1
            if character == "\t" {
                finish()
                spaces = 0
            } else if character == " " {
                spaces += 1
                if spaces == 2 { finish() }
            } else {
                if current.isEmpty { currentColumn = column } else if spaces == 1 { current.append(" ") }
                spaces = 0
                current.append(character)
            }
        }
        finish()
        return cells.count >= 2 ? cells : nil
    }

    @Test(arguments: lines) func alignedCellsMatchCharacters(_ line: String) {
        #expect(alignedCells(of: Substring(line), lineNumber: 1) == Self.reference(cellsOf: Substring(line)))
    }

    @Test func sourceLinesSplitAtEveryBreak() {
        #expect(sourceLines(of: "a\nb\r\nc\rd\n").map(String.init) == ["a", "b", "c", "d", ""])
        #expect(sourceLines(of: "").map(String.init) == [""])
    }

    /// HTML is scanned on bytes, and its columns count scalars: "ææ" is two columns, not four.
    @Test func htmlLocationsCountScalarsNotBytes() {
        let html = "<p>æøå <b>Beløb</b></p>\r\n<p>ææ</p><p>x 日本 😀</p>\r<h2>Punkt&nbsp;1</h2>\n<table><tr><td>é</td><td>2</td></tr></table>"
        let lines = HTMLLayout.lines(of: html).filter { !$0.isBlank }
        #expect(lines.map(\.text) == ["æøå Beløb", "ææ", "x 日本 😀", "Punkt\u{00A0}1", "é\t2"])
        #expect(lines.map(\.location) == [
            SourceLocation(line: 1, column: 4), SourceLocation(line: 2, column: 4), SourceLocation(line: 2, column: 13),
            SourceLocation(line: 3, column: 5), SourceLocation(line: 4, column: 16),
        ])
        #expect(lines.last?.cells?.map(\.location) == [SourceLocation(line: 4, column: 16), SourceLocation(line: 4, column: 26)])
    }

    /// Tags are looked up by their bytes packed into a number (up to eight) or by name (longer):
    /// a block tag breaks the line whatever its case, and a name that is no tag does not.
    @Test func blockTagsAreKnownWhateverTheirCase() {
        let blocks = [
            "p", "div", "br", "ul", "ol", "section", "article", "header", "footer", "main", "nav", "pre", "hr", "dl", "dt", "dd",
            "figure", "caption", "address", "aside", "form", "fieldset", "legend", "center", "blockquote", "figcaption",
        ]
        for name in blocks {
            for spelling in [name, name.uppercased(), name.prefix(1).uppercased() + name.dropFirst()] {
                let texts = HTMLLayout.lines(of: "a<\(spelling)>b").filter { !$0.isBlank }.map(\.text)
                #expect(texts == ["a", "b"], "\(spelling)")
            }
        }
        for level in 1...6 {
            let lines = HTMLLayout.lines(of: "a<H\(level) class=x>b</h\(level)>").filter { !$0.isBlank }
            #expect(lines.map(\.text) == ["a", "b"] && lines.last?.style == .heading(level), "h\(level)")
        }
        for name in ["pp", "spa", "x-p", "dive", "h7", "blockquotes", "a", "span", "æ"] {
            #expect(HTMLLayout.lines(of: "a<\(name)>b").map(\.text) == ["ab"], "\(name)")
        }
    }

    /// Pieces of markup, text beyond ASCII and line breaks of every kind, put together at random.
    static let htmlPieces: [String] = [
        "<p>", "</p>", "<P class=\"x>y\">", "<h2>", "</h2>", "<H3 id='a'>", "<table>", "</table>", "<tr>", "</tr>", "<td>",
        "</td>", "<strong>", "</B>", "<br/>", "<li>", "<script>a = '<p>x</p>' < b</script>", "<STYLE>x</sTyLe >",
        "<!-- c -->", "<!-- open ", "-->", "<!DOCTYPE html>", "< ", "<", ">", "&amp;", "&aelig;", "&#8211;", "&#150;",
        "&bogus;", "&", "&æble;", "Økonomi", "æøå", "😀", "日本", "e\u{0301}", "\u{00A0}", " ", "\n", "\r\n", "\r", "\t",
        "Beløb 1.000 kr.", "<ærø>", "</ærø>", "<h1 title=\"a\nb\">", "<div\n>", "<td>x<table><tr><td>n</td></tr></table></td>",
    ]

    /// Every line and cell of an HTML page stands where its first character does in the source,
    /// counted in scalars: unless it starts with a decoded reference or a list item's dash.
    @Test func htmlLocationsPointAtTheirText() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let html = (0..<Int(random.next() % 50)).map { _ in Self.htmlPieces[Int(random.next() % UInt64(Self.htmlPieces.count))] }.joined()
            let source = sourceLines(of: html).map { Array($0.unicodeScalars) }
            func check(_ text: String, _ location: KonsekvensKit.SourceLocation) {
                guard let first = text.unicodeScalars.first, first != "-" else { return }
                let line = source[location.line - 1]
                guard location.column - 1 < line.count else {
                    Issue.record("\(location) is past its line in \(html.debugDescription)")
                    return
                }
                let found = line[location.column - 1]
                // A line may start at the space-like character its trimmed text leaves out.
                if found != "&", !Character(found).isSpaceLike { #expect(found == first, "\(location) in \(html.debugDescription)") }
            }
            for line in HTMLLayout.lines(of: html) {
                if let cells = line.cells {
                    for cell in cells { check(cell.text, cell.location) }
                } else {
                    check(line.text, line.location)
                }
            }
        }
    }

    /// White space in a page's text is one space in its lines, whether it stands between the
    /// words of one run of text or around tags and references.
    @Test func htmlWhiteSpaceIsOneSpace() {
        let html = "<p>Beløb  1.000\tkr. i alt</p><p> a b <b>c</b> d&amp; e \n f</p><table><tr><td>x  y z</td><td>æ ø \r\nå</td></tr></table><p>&nbsp;Sum&#8200;</p><p>日本&#8200;</p>"
        let lines = HTMLLayout.lines(of: html).filter { !$0.isBlank }
        #expect(lines.map { $0.cells?.map(\.text) ?? [$0.text] } == [["Beløb 1.000 kr. i alt"], ["a b c d& e f"], ["x y z", "æ ø å"], ["Sum"], ["日本"]])
        var random = SplitMix64(seed: 12)
        for _ in 0..<500 {
            let html = (0..<Int(random.next() % 50)).map { _ in Self.htmlPieces[Int(random.next() % UInt64(Self.htmlPieces.count))] }.joined()
            for line in HTMLLayout.lines(of: html) {
                // A row's text has its cells between tabs, a list item's a dash and a space first.
                for text in line.cells?.map(\.text) ?? [line.text.hasPrefix("- ") ? String(line.text.dropFirst(2)) : line.text] {
                    #expect(!text.includes("  ") && !text.contains { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }, "\(text.debugDescription) in \(html.debugDescription)")
                }
            }
        }
    }

    /// A ">" or the other quote inside a quoted attribute value does not end its tag, and the
    /// text after a tag with non-ASCII or a line break in it is still located by scalars.
    @Test func quotedAttributeValuesHideTheirMarks() {
        let html = "<p class=\"x>y\" title='a \"b\" > c'>Tekst</p><p data-x=\"æ>ø\">Næste</p>\n<p title=\"to\nlinjer\">Tredje</p>"
        let lines = HTMLLayout.lines(of: html).filter { !$0.isBlank }
        #expect(lines.map(\.text) == ["Tekst", "Næste", "Tredje"])
        #expect(lines.map(\.location) == [.init(line: 1, column: 34), .init(line: 1, column: 59), .init(line: 3, column: 9)])
    }

    /// Pieces of UTF-8 and of what only looks like it: overlong forms, surrogates, scalars past
    /// U+10FFFF, lone continuation bytes, sequences cut short.
    static let utf8Pieces: [[UInt8]] = [
        Array("Beløb 1.000 kr. ".utf8), Array("abcdefgh".utf8), Array("æøå".utf8), Array("–€".utf8), Array("😀".utf8),
        [0xEF, 0xBF, 0xBD], [0xF4, 0x8F, 0xBF, 0xBF], [0xC2, 0x80], [0xE0, 0xA0, 0x80], [0xF0, 0x90, 0x80, 0x80],
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0x80], [0xBF],
        [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xE6], [0x41], [0x0A],
    ]

    /// The validator that lets an HTML page be read from its bytes judges as the standard
    /// library's does, wherever a piece falls against its eight-byte steps.
    @Test func utf8ValidationAsTheStandardLibraryJudges() {
        var random = SplitMix64(seed: 2026_12_06)
        var invalid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                let piece = Self.utf8Pieces[Int(random.next() % UInt64(Self.utf8Pieces.count))]
                // Invalid pieces are rarer than valid ones, so that long valid texts are tried too.
                if piece.count > 1 || piece[0] < 0x80 || random.next() % 4 == 0 { bytes += piece }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalid += 1 }
            #expect(bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8) == expected, "\(bytes)")
        }
        #expect(invalid > 1_000)
    }

    /// An HTML file in UTF-8 is scanned as read; one with a byte-order mark, a combining mark
    /// to compose, or bytes that are not UTF-8 goes through the String as before.
    @Test func htmlPagesAreReadFromTheirBytesWhenTheyAreUTF8() throws {
        let page = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Project.fixture("odsherred-direktion-2025-02-03-export.html"))))
        #expect(MinutesReader.plainUTF8Page(page, source: "a.html") == page)
        #expect(MinutesReader.plainUTF8Page(page, source: "a.HTM") == page)
        #expect(MinutesReader.plainUTF8Page(page, source: "a.md") == nil)
        #expect(MinutesReader.plainUTF8Page([0xEF, 0xBB, 0xBF] + page, source: "a.html") == nil)
        #expect(MinutesReader.plainUTF8Page(page + Array("e\u{0301}".utf8), source: "a.html") == nil)
        #expect(MinutesReader.plainUTF8Page(page + [0xE6], source: "a.html") == nil)
        #expect(MinutesReader.read([0xEF, 0xBB, 0xBF] + page, source: "a.html").encoding == .utf8WithBOM)
        #expect(MinutesReader.read(page + [0xE6], source: "a.html").encoding == .windows1252)
        let composed = HTMLLayout.lines(of: MinutesReader.composed("<p>Ska\u{030A}l</p>"))
        #expect(composed.contains { $0.text == "Skål" })

        var random = SplitMix64(seed: 6)
        var pages = [page]
        for _ in 0..<300 {
            pages.append(Array((0..<Int(random.next() % 40)).map { _ in Self.htmlPieces[Int(random.next() % UInt64(Self.htmlPieces.count))] }.joined().utf8))
        }
        for bytes in pages {
            guard let text = String(validating: bytes, as: UTF8.self), MinutesReader.plainUTF8Page(bytes, source: "a.html") != nil else { continue }
            #expect(HTMLLayout.lines(ofUTF8: bytes) == HTMLLayout.lines(of: text))
            #expect(MinutesReader.read(bytes, source: "a.html").encoding == .utf8)
        }
    }

    @Test func pageNumbersPassTheFirstBytePrecheck() {
        for page in ["Side 3 af 12", " side 3", "\u{00A0}Side 3", "PAGE 2 of 9", "- 3 -", "3/12"] {
            #expect(PageFurniture.isPageNumber(page), "\(page)")
        }
        for text in ["Sagen 3", "Bilag 3", "25/5102", "Økonomi 3"] {
            #expect(!PageFurniture.isPageNumber(text), "\(text)")
        }
    }

    @Test func datesAreFoundBehindTheFirstBytePrecheck() {
        #expect(DanishDates.firstDate(in: "Byrådets møde den 28. november 2024") != nil)
        #expect(DanishDates.firstDate(in: "REFERAT Direktionen d. 03-05-2021") != nil)
        #expect(DanishDates.firstDate(in: "Byrådets møde den november") == nil)
        #expect(DanishDates.endsWithDate("Byrådets beslutning den 28. november 2024 \u{212A}L. 18.00"))
        #expect(DanishDates.endsWithDate("Byrådets beslutning den 28. november 2024 kl. 18.00"))
    }
}
