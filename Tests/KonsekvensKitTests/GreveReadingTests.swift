import Foundation
import Testing
@testable import KonsekvensKit

/// Real Greve Kommune meetings (copied from ../shared/corpus/greve into Fixtures/greve).
@Suite struct GreveReadingTests {
    /// The same case, 24-001726, in three meetings of 22 August 2025.
    @Test(arguments: [
        ("greve/2025-08-22-klima-teknik-og-miljoeudvalget-9f9cc4ff.html", "Klima-, Teknik- og Miljøudvalget"),
        ("greve/2025-08-22-oekonomiudvalget-195d641c.html", "Økonomiudvalget"),
        ("greve/2025-08-22-byraad-2022-2025-bc6eff0a.html", "Byråd"),
    ])
    func oneCaseThroughThreeMeetings(file: String, body: String) throws {
        let document = AmountExtractor.extract(try Project.read(file))
        #expect(document.format == .html)
        #expect(document.meeting.body == body)
        #expect(document.meeting.date?.description == "2025-08-22")
        #expect(document.items.count == 3)
        let item = document.items[1]
        #expect(item.caseNumber == "24-001726")
        #expect(item.title == "Kunstgræsbane i Hundige - tillægsbevilling")
        #expect(Array(item.sectionKinds.prefix(7)) == [.decision, .procedure, .summary, .recommendation, .caseDescription, .legalBasis, .economy])
        #expect(item.decision != nil)
        let tables = item.sections.flatMap(\.blocks).filter { if case .table = $0 { true } else { false } }
        #expect(tables.count == 1)
        #expect(item.amounts.count >= 24)
    }

    @Test func closedItemWithTextIsKeptAndMarked() throws {
        let document = try Project.read("greve/2022-01-10-oekonomiudvalget-e049b9bf.html")
        #expect(document.meeting.body == "Økonomiudvalget")
        #expect(document.meeting.place == "Biblioteket")
        #expect(document.items.map(\.closed) == [false, false, true, false])
        #expect(document.items.map(\.caseNumber) == ["21-014439", "21-013713", "22-000056", "21-014501"])
        #expect(document.items[0].decision?.text.hasPrefix("Dagsordenen blev godkendt.") == true)
        #expect(document.items[0].decision?.location.line == 16)
    }
}

/// Every heading word the issue names is read as its kind, in plain text and marked up.
@Suite struct SectionHeadingTests {
    @Test(arguments: [
        ("Beslutning", SectionKind.decision), ("Beslutninger", .decision), ("Beslutningspunkter", .decision),
        ("Indstilling", .recommendation), ("Indstillinger", .recommendation), ("Det indstilles", .recommendation),
        ("Resume", .summary), ("Resume og sagens baggrund", .summary), ("Fremstilling", .caseDescription),
        ("Sagsfremstilling", .caseDescription), ("Sagsbeskrivelse", .caseDescription), ("Sagsprocedure", .procedure),
        ("Behandling", .procedure), ("Lovgrundlag", .legalBasis), ("Økonomi", .economy), ("Økonomi og finansiering", .economy),
        ("Økonomiske konsekvenser", .economy), ("Bevillingsmæssige konsekvenser", .economy),
        ("Økonomiske og personalemæssige konsekvenser", .economy), ("Bilag", .attachments), ("Sagstype", .caseType),
        ("Beslutning i Økonomiudvalget den 15. januar 2025", .decision), ("Byrådets beslutning den 28. november 2024", .decision),
        ("Direktionens møde den 3. maj 2021:", .decision), ("ØKONOMISKE KONSEKVENSER:", .economy),
    ])
    func headingWord(text: String, kind: SectionKind) {
        #expect(HeadingClassifier.sectionHeading(text, marked: false)?.kind == kind)
        #expect(HeadingClassifier.sectionHeading(text, marked: true)?.kind == kind)
    }

    @Test func decisionHeadingsNameTheirBody() {
        #expect(HeadingClassifier.sectionHeading("Beslutning i Økonomiudvalget den 15. januar 2025", marked: false)?.body == "Økonomiudvalget")
        #expect(HeadingClassifier.sectionHeading("Byrådets beslutning den 28. november 2024", marked: false)?.body == "Byrådet")
        #expect(HeadingClassifier.sectionHeading("Direktionens møde den 3. maj 2021:", marked: false)?.body == "Direktionen")
    }

    @Test(arguments: ["Der er ikke høringspligt i denne sag.", "Økonomien er god", "Resumeet blev godkendt", "Sagen blev drøftet på Byrådets møde den 28. november 2024 og godkendt."])
    func sentencesAreNotHeadings(text: String) {
        #expect(HeadingClassifier.sectionHeading(text, marked: false) == nil)
    }
}

/// Greve's bevillingssag of budget follow-up 2, 3 October 2022: the recommendation grants a list
/// of deviations "i 2022" and says what they do to the cash.
@Suite struct GreveGrantListTests {
    /// Each deviation is 2022's, and together they raise the cash by the 8,840 mio. kr. the
    /// recommendation states (the "til 2023-2026" of the savings put by is the shifted
    /// anlæg's, not this money's years); the item that states the cash adds nothing of its own.
    @Test func theGrantedDeviationsNetToTheStatedCash() throws {
        let document = AmountExtractor.extract(try Project.read("greve/2022-10-03-byraad-2022-2025-cc763b18.html"))
        let impact = try Analyzer.defaultEngine().apply(to: document)
        let lines = impact.budgetLines.filter { $0.caseNumber == "22-000027" }
        let deviations = lines.filter { $0.year == 2022 }
        #expect(deviations.map(\.net).sorted() == [-13_446_000, -12_047_000, -5_773_000, -600_000, 1_400_000, 9_579_000, 12_047_000])
        #expect(deviations.map(\.net).reduce(0, +) == -8_840_000)
        #expect(lines.filter { $0.year == 2024 }.map(\.net) == [-1_530_000])
        #expect(!lines.contains { ($0.year ?? 0) > 2022 && $0.amount == 12_047_000 })
    }
}

/// Every amount is traced to the source line it stands on, also in an HTML paragraph the file
/// hard-wraps over several lines (before, such amounts stood at the paragraph's first line: 73
/// of the 271 budget lines in Reports/).
@Suite struct SourceLineTests {
    @Test func everyAmountOfGrevesMeetingsIsOnItsLine() throws {
        let folder = Project.root.appendingPathComponent("Fixtures/greve")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(files.count >= 30)
        var checked = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            // On the bytes: "\r\n" is one Character, which a split at "\n" would not part.
            let sourceLines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            let document = AmountExtractor.extract(MinutesReader.read(bytes, source: file))
            for amount in document.items.flatMap(\.amounts) {
                // The number as written, which HTML keeps on one line ("13,446", "1.275").
                let number = amount.text.split(whereSeparator: \.isWhitespace).first.map { String($0.drop { "-÷(".contains($0) }) } ?? ""
                guard !number.isEmpty, amount.location.line >= 1, amount.location.line <= sourceLines.count else { continue }
                // The line without its tags ("4,<span>0 </span>mio."), and NBSP written as "&nbsp;" or not.
                let line = sourceLines[amount.location.line - 1].replacing(/<[^>]*>/, with: "")
                #expect(line.contains(number), "\(file):\(amount.location.line) \(amount.text)")
                checked += 1
            }
        }
        #expect(checked > 900)
    }

    /// The line and column of amounts in a paragraph wrapped over three source lines, with an
    /// entity and a tag before them on their lines; a cell whose text starts on a later line.
    @Test func anAmountInAWrappedParagraphIsOnItsLine() throws {
        let html = """
            <html><body><h2>Punkt 1: Veje</h2><h3>Økonomiske konsekvenser</h3>
            <p>Der afsættes i alt
            &aelig;ndret 1,2 mio. kr. i 2025 og <b>derudover</b>
            300.000 kr. i 2026.</p></body></html>
            """
        let item = AmountExtractor.extract(MinutesReader.read(Array(html.utf8), source: "t.html")).items[0]
        #expect(item.amounts.map(\.location.line) == [3, 4])
        #expect(item.amounts.map(\.location.column) == [8, 1])
        #expect(item.sections[0].lastLine == 4)
        // Wraps a caller got wrong locate, but do not trap.
        let odd = Line("Der afsættes 1,2 mio. kr.", at: KonsekvensKit.SourceLocation(line: 1), wraps: [
            .init(offset: -5, location: KonsekvensKit.SourceLocation(line: 2)), .init(offset: 400, location: KonsekvensKit.SourceLocation(line: 3)),
        ])
        #expect(ParagraphAmounts.amounts(in: [odd], section: .economy, municipality: nil, horizon: nil).count == 1)
        let cell = AmountExtractor.extract(MinutesReader.read(Array("""
            <html><body><h2>Punkt 1: Veje</h2><h3>Sagsfremstilling</h3><table><tr><td>Ramme</td><td>
            <p>&nbsp;</p>
            <p>77,4 mio. kr.</p></td></tr></table></body></html>
            """.utf8), source: "t.html")).items[0]
        #expect(cell.amounts.map(\.location) == [KonsekvensKit.SourceLocation(line: 3, column: 4)])
    }
}
