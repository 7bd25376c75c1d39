import Foundation
import Testing
@testable import KonsekvensKit

/// The seven kommune fixtures read item by item: meeting, items, the order of their sections
/// with the line of each heading, and each decision with the line of its first words. Line
/// numbers count LF only (a form feed is no line break), as `cat -n` shows them.
@Suite struct FixtureReadingTests {
    // MARK: Meetings

    @Test(arguments: [
        ("holbaek-oekonomiudvalget-2025-03-10-crlf.txt", TextEncoding.utf8WithBOM, SourceFormat.text, "Økonomiudvalget", "2025-03-10", 4),
        ("soroe-byraad-2024-11-28-cp1252.txt", .windows1252, .text, "Byrådet", "2024-11-28", 4),
        ("roskilde-udvalg-2025-01-15-nbsp.md", .utf8, .markdown, "Økonomiudvalget", "2025-01-15", 4),
        ("odsherred-direktion-2025-02-03-export.html", .utf8, .html, "Direktionen", "2025-02-03", 4),
        ("koege-direktion-2025-04-07-decision-first.txt", .utf8, .text, "Direktionen", "2025-04-07", 4),
        ("faxe-punkt-enkeltstaaende.md", .utf8, .markdown, "Kommunalbestyrelsen", "2025-04-24", 1),
        ("lejre-kommunalbestyrelse-2025-05-27.md", .utf8, .markdown, "Kommunalbestyrelsen", "2025-05-27", 4),
    ])
    func meeting(file: String, encoding: TextEncoding, format: SourceFormat, body: String, date: String, items: Int) throws {
        let document = try Project.read(file)
        #expect(document.source == "Fixtures/\(file)")
        #expect(document.encoding == encoding)
        #expect(document.format == format)
        #expect(document.meeting.body == body)
        #expect(document.meeting.date?.description == date)
        #expect(document.items.count == items)
    }

    // MARK: Holbæk: UTF-8 with BOM, CRLF, plain text with "Punkt N:"

    @Test func holbaek() throws {
        let document = try Project.read("holbaek-oekonomiudvalget-2025-03-10-crlf.txt")
        #expect(document.meeting.place == "Mødelokale 1, Holbæk Rådhus")
        #expect(document.meeting.participants.first == "Mette Lund Sørensen (formand)")
        // The contents (lines 13–16) list the items but are none of them.
        #expect(document.tableOfContents == [
            "Godkendelse af dagsorden", "Tillægsbevilling til merudgifter til vintertjeneste 2025",
            "Lukket: Køb af ejendom på Stationsvej i Tølløse", "Ny daginstitution i Tølløse – anlægsbevilling og driftsbudget",
        ])
        check(document, [
            Expected(
                number: 1, line: 18, title: "Godkendelse af dagsorden", caseNumber: "25-000231",
                sections: [(.recommendation, 22), (.decision, 26)],
                decisions: [(28, "Godkendt.", "Økonomiudvalget")]),
            Expected(
                number: 2, line: 30, title: "Tillægsbevilling til merudgifter til vintertjeneste 2025", caseNumber: "25-004512",
                sections: [(.recommendation, 34), (.caseDescription, 41), (.economy, 49), (.decision, 53)],
                decisions: [(55, "Anbefales over for Byrådet.", "Økonomiudvalget")]),
            Expected(number: 3, line: 57, title: "Køb af ejendom på Stationsvej i Tølløse", closed: true, caseNumber: "25-003071"),
            Expected(
                number: 4, line: 61, title: "Ny daginstitution i Tølløse – anlægsbevilling og driftsbudget", caseNumber: "24-019877",
                sections: [(.recommendation, 65), (.caseDescription, 73), (.economy, 81), (.decision, 91)],
                decisions: [(93, "Anbefales, idet Økonomiudvalget ønsker en status på ventelisten forud for budgetseminaret i juni 2025.", "Økonomiudvalget")]),
        ])
        // The space-aligned table, lines 83–87.
        let table = try #require(tables(in: document.items[3].section(.economy)).first)
        #expect(table.rows.map(\.location.line) == [83, 84, 85, 86, 87])
        #expect(table.rows[0].cells.map(\.text) == ["Beløb i 1.000 kr.", "2025", "2026", "2027", "2028"])
        #expect(table.rows.map { $0.cells[0].text } == ["Beløb i 1.000 kr.", "Drift, udgifter", "Drift, forældrebetaling", "Anlæg", "I alt"])
        #expect(table.rows[4].cells.map(\.text) == ["I alt", "8.350", "3.700", "3.700", "3.700"])
        #expect(table.rows[1].cells[1].location == KonsekvensKit.SourceLocation(line: 84, column: 31))
    }

    // MARK: Sorø: Windows-1252, "N. Title" and "Sagsnr.: 24/NNNNN", two decisions per item

    @Test func soroe() throws {
        let document = try Project.read("soroe-byraad-2024-11-28-cp1252.txt")
        #expect(document.meeting.place == "Byrådssalen, Sorø Rådhus")
        check(document, [
            Expected(
                number: 1, line: 12, title: "Godkendelse af dagsorden", caseNumber: "24/00213",
                // Line 16 names "Byrådets møde den 28. november 2024" in a sentence: text, not a decision.
                sections: [(.caseDescription, 15), (.economy, 18), (.recommendation, 21), (.decision, 24)],
                decisions: [(25, "Godkendt.", "Byrådet")]),
            Expected(
                number: 2, line: 27, title: "Energirenovering af Sorø Svømmehal – anlægsbevilling og tillægsbevilling",
                caseNumber: "24/18342",
                sections: [(.caseDescription, 30), (.economy, 37), (.recommendation, 47), (.decision, 53), (.decision, 56)],
                decisions: [(54, "Anbefales.", "Økonomiudvalget"), (57, "Godkendt.", "Byrådet")]),
            Expected(
                number: 3, line: 59, title: "Tilskud til Sorø Musikfestival 2025 og 2026", caseNumber: "24/16907",
                sections: [(.caseDescription, 62), (.economy, 67), (.recommendation, 70), (.decision, 74), (.decision, 77)],
                decisions: [(75, "Anbefales.", "Kultur- og Fritidsudvalget"), (78, "Godkendt med 24 stemmer for og 1 imod (Ø).", "Byrådet")]),
            Expected(
                number: 4, line: 80, title: "Salg af byggegrund i Dianalund", closed: true, caseNumber: "24/17105",
                sections: [(.decision, 83)],
                decisions: [(84, "Godkendt.", "Byrådet")]),
        ])
        let item = document.items[0]
        #expect(item.section(.caseDescription)?.text == "Dagsordenen for Byrådets møde den 28. november 2024 forelægges til godkendelse.")
        let second = document.items[1]
        #expect(second.decisions.map { $0.date?.description } == ["2024-11-20", "2024-11-28"])
        #expect(second.decisions.map(\.heading) == ["Økonomiudvalgets beslutning den 20. november 2024", "Byrådets beslutning den 28. november 2024"])
        #expect(second.decision?.body == "Byrådet")
        // The tab-separated table, lines 40–43, with "÷" for minus.
        let table = try #require(tables(in: second.section(.economy)).first)
        #expect(table.rows.map(\.location.line) == [40, 41, 42, 43])
        #expect(table.rows[2].cells.map(\.text) == ["Drift", "0", "÷ 310", "÷ 620", "÷ 620"])
        #expect(second.section(.recommendation)?.lines.map(\.location.line) == [48, 49, 50, 51])
    }

    // MARK: Roskilde: Markdown, "## N. Title", non-breaking spaces, pipe table

    @Test func roskilde() throws {
        let document = try Project.read("roskilde-udvalg-2025-01-15-nbsp.md")
        #expect(document.meeting.place == "Udvalgsværelse 1, Roskilde\u{00A0}Rådhus")
        let decisionBody = "Økonomiudvalget"
        check(document, [
            Expected(
                number: 1, line: 11, title: "Godkendelse af dagsorden", caseNumber: "EMN-2025-000112",
                sections: [(.summary, 15), (.recommendation, 19), (.decision, 23)],
                decisions: [(25, "Godkendt.", decisionBody)]),
            Expected(
                number: 2, line: 27, title: "Anlægsbevilling til cykelsti langs Ringstedvej ved Gadstrup", caseNumber: "EMN-2025-005495",
                sections: [(.summary, 31), (.recommendation, 35), (.caseDescription, 44), (.economy, 52), (.decision, 63)],
                decisions: [(65, "Anbefales.\nClaus\u{00A0}Bøgh deltog ikke i behandlingen af sagen på grund af inhabilitet.", decisionBody)]),
            Expected(
                number: 3, line: 69, title: "Deltagelse i regionalt samarbejde om turismefremme 2025–2027", caseNumber: "EMN-2024-021873",
                sections: [(.summary, 73), (.recommendation, 77), (.caseDescription, 84), (.economy, 90), (.decision, 94)],
                decisions: [(96, "Godkendt.", decisionBody)]),
            Expected(
                number: 4, line: 98, title: "Eventuelt", caseNumber: "EMN-2025-000113",
                sections: [(.decision, 102)],
                decisions: [(104, "Intet.", decisionBody)]),
        ])
        let item = document.items[1]
        #expect(item.decision?.date?.description == "2025-01-15")
        #expect(item.decision?.heading == "Beslutning i Økonomiudvalget den 15. januar 2025")
        #expect(item.section(.decision)?.lines.map(\.location.line) == [65, 67])
        // The pipe table, lines 54–59; the separator row (55) is no row.
        let table = try #require(tables(in: item.section(.economy)).first)
        #expect(table.rows.map(\.location.line) == [54, 56, 57, 58, 59])
        #expect(table.rows[1].cells.map(\.text) == ["Anlæg, udgift", "1\u{00A0}250", "3\u{00A0}500", "0", "0"])
        // A cell's column is its first character's, not the padding's after "|".
        #expect(table.rows[4].cells.map(\.location.column) == [3, 11, 17, 25, 30])
        #expect(item.section(.recommendation)?.lines.first?.location.line == 37)
    }

    // MARK: Odsherred: HTML export with entities

    @Test func odsherred() throws {
        let document = try Project.read("odsherred-direktion-2025-02-03-export.html")
        #expect(document.meeting.place == "Direktionens mødelokale, Rådhuset i Asnæs")
        check(document, [
            Expected(
                number: 1, line: 12, title: "Godkendelse af dagsorden", caseNumber: "25-000847",
                sections: [(.recommendation, 14), (.decision, 16)],
                decisions: [(17, "Godkendt.", "Direktionen")]),
            Expected(
                number: 2, line: 20, title: "Tillægsbevilling til informationssikkerhed (NIS2) 2025–2028", caseNumber: "25-001734",
                sections: [(.summary, 22), (.recommendation, 24), (.caseDescription, 31), (.economy, 33), (.decision, 44)],
                decisions: [(
                    45,
                    "Anbefales, idet økonomiafdelingen inden behandlingen i Økonomiudvalget undersøger, om finansieringen i 2025 kan findes inden for rammen.",
                    "Direktionen"
                )]),
            Expected(number: 3, line: 48, title: "Ændring af organisering i Teknik & Miljø", closed: true, caseNumber: "24-021418"),
            Expected(
                number: 4, line: 52, title: "Orientering om udbud af rengøring", caseNumber: "24-015918",
                sections: [(.summary, 54), (.recommendation, 56), (.caseDescription, 58), (.economy, 68), (.decision, 70)],
                decisions: [(
                    71,
                    "Taget til efterretning. Direktionen ønskede en opfølgning på kvaliteten af rengøringen efter det første halve år – herunder på de mindre institutioner i Nykøbing S., Højby og Asnæs.",
                    "Direktionen"
                )]),
        ])
        let item = document.items[1]
        #expect(item.location == KonsekvensKit.SourceLocation(line: 20, column: 5))
        #expect(item.decision?.location == KonsekvensKit.SourceLocation(line: 45, column: 22))
        // The table, lines 37–40: a header row of <th> with an empty first cell.
        let table = try #require(tables(in: item.section(.economy)).first)
        #expect(table.rows.map(\.location.line) == [37, 38, 39, 40])
        #expect(table.rows[0].cells.map(\.text) == ["", "2025", "2026", "2027", "2028"])
        #expect(table.rows[2].cells.map(\.text) == ["Anlæg", "400", "0", "0", "0"])
        #expect(table.rows[3].cells[1].location == KonsekvensKit.SourceLocation(line: 40, column: 23))
        // "<br>" breaks a line; both halves stay on source line 42.
        #expect(item.section(.economy)?.lines.suffix(2).map(\.location.line) == [42, 42])
        #expect(item.section(.caseDescription)?.text.contains("IT & Digitalisering") == true)
        #expect(item.section(.caseDescription)?.text.contains("520.000\u{00A0}kr.") == true)
    }

    // MARK: Køge: PDF text with page breaks, the decision before the case

    @Test func koege() throws {
        let document = try Project.read("koege-direktion-2025-04-07-decision-first.txt")
        #expect(document.tableOfContents == [
            "Tillægsbevilling til specialundervisning 2025", "Lukket: Orientering om personalesag",
            "Leasing af elbiler til hjemmeplejen", "Eventuelt",
        ])
        // "Sagsfremstilling" at 30 and 113 only wraps the headings below it: an empty section, dropped.
        check(document, [
            Expected(
                number: 1, line: 20, title: "Tillægsbevilling til specialundervisning 2025", caseNumber: "25-008841",
                sections: [(.decision, 24), (.summary, 32), (.recommendation, 39), (.procedure, 49), (.caseDescription, 53), (.economy, 85)],
                decisions: [(
                    26,
                    """
                    Anbefales over for Børne- og Uddannelsesudvalget og Økonomiudvalget. Direktionen
                    lægger vægt på, at der i sagen redegøres for, hvordan tillægsbevillingen på 1,5
                    mio. kr. i 2025 kan nedbringes gennem den igangværende visitationsindsats.
                    """,
                    "Direktionen"
                )]),
            Expected(number: 2, line: 99, title: "Orientering om personalesag", closed: true, caseNumber: "25-009012"),
            Expected(
                number: 3, line: 103, title: "Leasing af elbiler til hjemmeplejen", caseNumber: "24-031577",
                sections: [
                    (.decision, 107), (.summary, 115), (.recommendation, 122), (.procedure, 128), (.caseDescription, 132), (.economy, 153),
                ],
                decisions: [(
                    109,
                    """
                    Godkendt. Direktionen bemærkede, at erfaringerne med ladeinfrastruktur skal
                    deles med Teknik- og Miljøforvaltningen, inden der tages stilling til
                    udskiftning af de øvrige kommunale biler.
                    """,
                    "Direktionen"
                )]),
            Expected(
                number: 4, line: 159, title: "Eventuelt",
                sections: [(.decision, 161)],
                decisions: [(
                    163,
                    "Kommunaldirektøren orienterede om tidsplanen for budget 2026-2029.\nBudgetseminaret for Byrådet holdes den 16. og 17. juni 2025.",
                    "Direktionen"
                )]),
        ])
    }

    /// A running header is removed wherever it recurs, and a line of the same length that is
    /// no header stays (the headers are found among lines of their byte length).
    @Test func runningHeadersAreFoundAmongLinesOfTheirLength() {
        let header = "Referat – Økonomiudvalget"
        var lines: [RawLine] = []
        func add(_ text: String) { lines.append(RawLine(text: text, location: SourceLocation(line: lines.count + 1))) }
        for page in 1...3 {
            add(header)
            add("")
            // Text of the header's byte length, different on each page.
            let text = "Side \(page) siger, at "
            add(text + String(repeating: "x", count: header.utf8.count - text.utf8.count))
            add("")
            add("Side \(page) af 3")
        }
        #expect(lines[2].text.utf8.count == header.utf8.count)
        let (kept, removed) = PageFurniture.removing(from: lines)
        #expect(removed == 5)
        #expect(kept.filter { $0.text == header }.map(\.location.line) == [1])
        #expect(kept.filter { $0.text.hasSuffix("xxx") }.map(\.location.line) == [3, 8, 13])
    }

    /// Page headers (lines 1, 59, 88, 143) and footers (58, 87, 142, 166) are neither items,
    /// sections nor text; the first header is the document's title.
    @Test func koegePageFurnitureIsNoContent() throws {
        let document = try Project.read("koege-direktion-2025-04-07-decision-first.txt")
        let header = "Referat – Direktionen 7. april 2025"
        let furnitureLines: Set<Int> = [58, 59, 87, 88, 142, 143, 166]
        func isFurniture(_ text: String) -> Bool { text == header || PageFurniture.isPageNumber(text) || text.hasPrefix("Side ") }
        #expect(document.diagnostics.contains { $0.code == "PageFurniture" })
        for item in document.items {
            #expect(!isFurniture(item.title))
            #expect(!furnitureLines.contains(item.location.line))
            for section in item.sections {
                #expect(!isFurniture(section.name), "section \(section.name) at \(section.firstLine)")
                #expect(!furnitureLines.contains(section.firstLine))
                for line in section.lines {
                    #expect(!isFurniture(line.text), "\(line.location.line): \(line.text)")
                    #expect(!furnitureLines.contains(line.location.line), "\(line.location.line): \(line.text)")
                }
            }
            for decision in item.decisions {
                #expect(!decision.text.contains("Side "))
                #expect(!decision.text.contains(header))
            }
        }
        #expect(document.items.last?.lastLine == 164)
    }

    /// A paragraph broken by a page break is one paragraph whose lines hold both halves.
    @Test func koegeParagraphRunsOverPageBreaks() throws {
        let document = try Project.read("koege-direktion-2025-04-07-decision-first.txt")
        let first = try #require(paragraphs(in: document.items[0].section(.caseDescription)).first)
        #expect(first.map(\.location.line) == [55, 56, 61, 62, 63, 64, 65])
        #expect(first[1].text.hasSuffix("flere elever med"))
        #expect(first[2].text.hasPrefix("autisme og angst"))

        let split = try #require(paragraphs(in: document.items[2].section(.caseDescription)).first { lines in
            lines.contains { $0.location.line == 140 }
        })
        #expect(split.map(\.location.line) == [139, 140, 145, 146])
        #expect(split[2].text.hasPrefix("kommunale elaftale"))

        // Break 2 stands between the economy heading (85) and its table (90–93).
        let economy = try #require(document.items[0].section(.economy))
        #expect(economy.firstLine == 85)
        guard case .table(let table) = economy.blocks.first else {
            Issue.record("the economy section does not start with its table")
            return
        }
        #expect(table.rows.map(\.location.line) == [90, 91, 92, 93])
        #expect(table.rows[3].cells.map(\.text) == ["I alt", "1.500", "2.300", "2.300", "2.300"])
    }

    /// An item whose decision comes first reads in source order, and its decision is still found.
    @Test func koegeDecisionFirstReadsInOrder() throws {
        let document = try Project.read("koege-direktion-2025-04-07-decision-first.txt")
        for item in document.items where !item.sections.isEmpty {
            #expect(item.sections.first?.kind == .decision)
            #expect(item.sections.map(\.firstLine) == item.sections.map(\.firstLine).sorted())
            let decision = try #require(item.decision)
            #expect(decision.location.line == (item.section(.decision)?.firstLine ?? 0) + 2)
            #expect(decision.date?.description == "2025-04-07")
        }
    }

    // MARK: Faxe: one item on its own

    @Test func faxe() throws {
        let document = try Project.read("faxe-punkt-enkeltstaaende.md")
        #expect(document.diagnostics.contains { $0.code == "SingleItem" })
        check(document, [
            Expected(
                number: nil, line: 1, title: "Anlægsbevilling til udvidelse af Rønnede Skole", caseNumber: "25-002211",
                // Line 3 names the meeting: it is the meeting's, not an unlabelled section.
                sections: [(.summary, 9), (.recommendation, 13), (.caseDescription, 22), (.economy, 39), (.decision, 53)],
                decisions: [(
                    55,
                    """
                    Børne- og Læringsudvalget den 2. april 2025: Anbefales.
                    Økonomiudvalget den 9. april 2025: Anbefales.
                    Kommunalbestyrelsen den 24. april 2025: Godkendt.
                    Fraværende: Ingen.
                    """,
                    "Kommunalbestyrelsen"
                )]),
        ])
        let item = document.items[0]
        #expect(item.journalNumber == "17.02.00-G01")
        #expect(item.section(.decision)?.lines.map(\.location.line) == [55, 57, 59, 61])
        let table = try #require(tables(in: item.section(.economy)).first)
        #expect(table.rows.map(\.location.line) == [43, 45, 46, 47])
        #expect(table.rows[0].cells.map(\.text) == ["Mio. kr.", "2025", "2026", "2027", "I alt"])
    }

    // MARK: Lejre: "### Punkt N:", decisions nested under "#### Beslutninger"

    @Test func lejre() throws {
        let document = try Project.read("lejre-kommunalbestyrelse-2025-05-27.md")
        let ku = "Kommunalbestyrelsen"
        let oeu = "Økonomiudvalget"
        // "## Beslutningspunkter" (line 9) groups the items and is none of them; the empty
        // "Beslutninger" wrappers (19, 37, 86, 126) are dropped.
        check(document, [
            Expected(
                number: 1, line: 11, title: "Godkendelse af dagsorden", caseNumber: "25/5102",
                sections: [(.recommendation, 15), (.decision, 21)],
                decisions: [(23, "Godkendt.", ku)]),
            Expected(
                number: 2, line: 25, title: "Anlægsbevilling til klimatilpasning i Kirke Hyllinge", caseNumber: "25/3377",
                sections: [
                    (.recommendation, 29), (.decision, 39), (.decision, 43), (.caseDescription, 47), (.legalBasis, 55),
                    (.economy, 59), (.procedure, 71),
                ],
                decisions: [
                    (41, "Anbefales.", oeu),
                    (45, "Godkendt med den bemærkning, at der afholdes et borgermøde i Kirke Hyllinge, inden anlægsarbejdet går i gang.", ku),
                ]),
            Expected(
                number: 3, line: 75, title: "Tillægsbevilling til øget normering i hjemmeplejen", caseNumber: "25/4631",
                sections: [
                    (.recommendation, 79), (.decision, 88), (.decision, 92), (.caseDescription, 96), (.legalBasis, 100),
                    (.economy, 104), (.procedure, 114),
                ],
                decisions: [(90, "Anbefales.", oeu), (94, "Udsat.", ku)]),
            Expected(
                number: 4, line: 118, title: "Ændring af styrelsesvedtægt for Lejre Kommune", caseNumber: "25/2980",
                sections: [
                    (.recommendation, 122), (.decision, 128), (.decision, 132), (.caseDescription, 136), (.legalBasis, 140),
                    (.economy, 144), (.procedure, 148),
                ],
                decisions: [(130, "Anbefales.", oeu), (134, "Godkendt.", ku)]),
        ])
        #expect(document.items.allSatisfy { item in !item.sections.contains { $0.name == "Beslutninger" } })
        let second = document.items[1]
        #expect(second.decisions.map { $0.date?.description } == ["2025-05-20", "2025-05-27"])
        #expect(second.decision?.text.hasPrefix("Godkendt med den bemærkning") == true)
        let table = try #require(tables(in: second.section(.economy)).first)
        #expect(table.rows.map(\.location.line) == [63, 65, 66, 67])
        #expect(table.rows[0].cells.map(\.text) == ["", "2025", "2026", "2027", "2028"])
        #expect(document.items[3].section(.economy)?.text == "Ingen.")
        #expect(document.items[3].section(.economy)?.lines.first?.location.line == 146)
    }

    // MARK: What the fixtures showed about the reader

    /// A date in running text does not make the sentence a decision heading.
    @Test(arguments: [
        ("Dagsordenen for Byrådets møde den 28. november 2024 forelægges til godkendelse.", nil),
        ("Direktionens møde den 3. maj 2021:", "Direktionen"),
        ("Byrådets beslutning den 28. november 2024", "Byrådet"),
        ("Byrådets beslutning den 28.11.2024:", "Byrådet"),
        ("Beslutning i Økonomiudvalget den 15. januar 2025", "Økonomiudvalget"),
        ("Beslutning i Økonomiudvalget den 15. januar 2025 kl. 16.00", "Økonomiudvalget"),
        ("Beslutning i Økonomiudvalget", "Økonomiudvalget"),
        ("Kultur- og Fritidsudvalgets beslutning den 12. november 2024", "Kultur- og Fritidsudvalget"),
        ("Økonomiudvalgets beslutning den 20. november 2024 blev omgjort af Byrådet.", nil),
    ] as [(String, String?)])
    func decisionHeadingsEndWithTheirDate(text: String, body: String?) {
        let heading = HeadingClassifier.sectionHeading(text, marked: false)
        #expect(heading?.body == body)
        #expect((heading?.kind == .decision) == (body != nil))
    }

    /// Case numbers as kommuner write them, of digits, upper-case letters (Danish ones too),
    /// "-" and "/"; a line with a space or lower-case letters around them is none.
    @Test func caseNumbersInEveryForm() {
        for text in ["23-003752", "326-2021-16031", "EMN-2025-005495", "ÆØ-2025-005495", "SAG-2024-12345", "24/00213", "1-2025-123"] {
            #expect(HeadingClassifier.isCaseNumber(text), "\(text)")
        }
        for text in ["emn-2025-005495", "Emn-2025-005495", "23-003752 ", " 23-003752", "Sag 23-003752", "23 - 003752", "EMN 2025 005495", "ab/00213", "23-0037x2"] {
            #expect(!HeadingClassifier.isCaseNumber(text), "\(text)")
        }
    }

    /// "24/00213" is a case number; "3/12" is a page number; neither is the other.
    @Test func slashCaseNumbersAreNoPageNumbers() {
        #expect(HeadingClassifier.isCaseNumber("24/00213"))
        #expect(HeadingClassifier.isCaseNumber("25/5102"))
        #expect(!HeadingClassifier.isCaseNumber("3/12"))
        #expect(!HeadingClassifier.isCaseNumber("2024/25"))
        #expect(!PageFurniture.isPageNumber("25/5102"))
        #expect(!PageFurniture.isPageNumber("24/00213"))
        #expect(PageFurniture.isPageNumber("3/12"))
        #expect(!PageFurniture.isPageNumber("13/12"))
    }

    /// Page numbers in every form and case, with any white space around their words, are page
    /// numbers; on random short lines of their letters and others, the byte checks before the
    /// words are read decide as the words alone do (kept here as the reference).
    @Test func pageNumbersInEveryForm() {
        for text in ["Side 3 af 12", "SIDE 3 AF 12", "side 3", "Page 3 of 12", "PAGE 12", "- 3 -", "3/12", "Side\u{A0}3 af\t12",
            "  Side 4  ", "Side 3 af 12.", "Side 3:", "Side 3\r"] {
            #expect(PageFurniture.isPageNumber(text), "\(text)")
        }
        for text in ["Side 3 af 12 kr.", "Sider 3", "13/12", "2025 1.250", "Pris 3", "- 3 kr. -", "Side 12345"] {
            #expect(!PageFurniture.isPageNumber(text), "\(text)")
        }
        func reference(_ text: String) -> Bool {
            guard text.utf8.count <= 40 else { return false }
            let words = SectionHeadings.normalized(text).split(separator: " ")
            func number(_ word: Substring) -> Bool { !word.isEmpty && word.count <= 4 && word.allSatisfy(\.isASCIIDigitCharacter) }
            switch words.count {
            case 1:
                let parts = words[0].split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ number($0) && $0.count <= 3 }), let page = Int(parts[0]), let pages = Int(parts[1])
                else { return false }
                return page >= 1 && page <= pages
            case 2: return (words[0] == "side" || words[0] == "page") && number(words[1])
            case 3: return words[0] == "-" && number(words[1]) && words[2] == "-"
            case 4:
                return (words[0] == "side" || words[0] == "page") && number(words[1]) && (words[2] == "af" || words[2] == "of")
                    && number(words[3])
            default: return false
            }
        }
        var random = SplitMix64(seed: 0x7061_6765)
        let forms = ["Side ", "SIDE ", "Page ", "page ", "- ", " af ", " of ", " AF ", " -", "/", "3", "12", "\t", "\u{A0}", ".", ":", "x", "Ø", "kr."]
        var pages = 0
        for _ in 0..<20_000 {
            let text = (0..<random.below(6)).map { _ in forms[random.below(forms.count)] }.joined()
            let found = PageFurniture.isPageNumber(text)
            if found { pages += 1 }
            #expect(found == reference(text), "\(text.debugDescription)")
        }
        #expect(pages > 100)
    }

    /// A bare "24/00213" under a numbered line makes it an item, as "25-000231" does.
    @Test func bareSlashCaseNumberStartsAnItem() throws {
        let text = "Byrådet\n\n1. Godkendelse af dagsorden\n24/00213\n\nBeslutning\nGodkendt.\n"
        let document = MinutesReader.read(Array(text.utf8), source: "x.txt")
        let item = try #require(document.items.first)
        #expect(document.items.count == 1)
        #expect(item.caseNumber == "24/00213")
        #expect(item.decision?.location.line == 7)
    }

    /// The kommune above the title publishes the minutes; the body is the line naming who met.
    @Test(arguments: [
        ("Sorø Kommune\nByrådet\n\nMødedato: 28. november 2024\n", "Byrådet"),
        ("Køge Kommune\n\nREFERAT\nDirektionen\n", "Direktionen"),
        ("Byrådets møde den 5. maj 2025\n", "Byrådet"),
        ("REFERAT Direktionen d. 03-05-2021\n", "Direktionen"),
    ])
    func meetingBodyIsNotTheKommune(text: String, body: String) {
        let document = MinutesReader.read(Array((text + "\nPunkt 1: Eventuelt\n\nBeslutning\n\nIntet.\n").utf8), source: "x.txt")
        #expect(document.meeting.body == body)
    }

    // MARK: Helpers

    struct Expected {
        var number: Int?
        var line: Int
        var title: String
        var closed = false
        var caseNumber: String?
        /// Each section's kind and the line of its heading, in order.
        var sections: [(SectionKind, Int)] = []
        /// Each decision's line of first words, text and body, in order.
        var decisions: [(line: Int, text: String, body: String?)] = []
    }

    func check(_ document: Document, _ expected: [Expected], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(document.items.count == expected.count, sourceLocation: sourceLocation)
        for (item, expected) in zip(document.items, expected) {
            let name = "item at line \(expected.line)"
            #expect(item.number == expected.number, "\(name)", sourceLocation: sourceLocation)
            #expect(item.location.line == expected.line, "\(name)", sourceLocation: sourceLocation)
            #expect(item.title == expected.title, "\(name)", sourceLocation: sourceLocation)
            #expect(item.closed == expected.closed, "\(name)", sourceLocation: sourceLocation)
            #expect(item.caseNumber == expected.caseNumber, "\(name)", sourceLocation: sourceLocation)
            #expect(item.sectionKinds == expected.sections.map(\.0), "\(name)", sourceLocation: sourceLocation)
            #expect(item.sections.map(\.firstLine) == expected.sections.map(\.1), "\(name)", sourceLocation: sourceLocation)
            #expect(item.decisions.map(\.location.line) == expected.decisions.map(\.line), "\(name)", sourceLocation: sourceLocation)
            #expect(item.decisions.map(\.text) == expected.decisions.map(\.text), "\(name)", sourceLocation: sourceLocation)
            #expect(item.decisions.map(\.body) == expected.decisions.map(\.body), "\(name)", sourceLocation: sourceLocation)
            #expect(item.decision?.text == expected.decisions.last?.text, "\(name)", sourceLocation: sourceLocation)
            // A decision's first words stand below its heading, never on it.
            let decisionSections = item.sections.filter { $0.kind == .decision }
            for (section, decision) in zip(decisionSections, item.decisions) {
                #expect(decision.location.line > section.firstLine, "\(name)", sourceLocation: sourceLocation)
                #expect(decision.heading == section.name, "\(name)", sourceLocation: sourceLocation)
            }
            if item.closed { #expect(item.sections.allSatisfy { $0.kind == .decision }, "\(name)", sourceLocation: sourceLocation) }
        }
    }

    func tables(in section: Section?) -> [Table] {
        (section?.blocks ?? []).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    func paragraphs(in section: Section?) -> [[Line]] {
        (section?.blocks ?? []).compactMap { block in
            if case .paragraph(let lines) = block { return lines }
            return nil
        }
    }
}

/// Every file in Fixtures, minutes or not (the population table, the gold files), is read
/// into a document without trapping.
@Suite struct EveryFixtureIsReadTests {
    @Test func everyFixtureFileIsRead() throws {
        let root = Project.root.appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        var read = 0
        for name in files.sorted() {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            _ = MinutesReader.read(bytes, source: "Fixtures/\(name)")
            read += 1
        }
        #expect(read > 20)
    }
}
