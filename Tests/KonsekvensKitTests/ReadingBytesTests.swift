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

    @Test func htmlScalarsAreTheTextsScalars() {
        let text = "<p>Beløb: 1.000 kr. – “citat” 😀 日本 \u{0301}</p>"
        #expect(HTMLLayout.scalars(of: text) == Array(text.unicodeScalars))
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
