import Foundation
import Testing
@testable import KonsekvensKit

/// Regressions found in review: each test failed before its fix.
@Suite struct ReviewRegressionTests {
    static func impact(_ text: String, source: String = "t.txt") throws -> DocumentImpact {
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: source))
        return try Analyzer.defaultEngine().apply(to: document)
    }

    @Test func twoTableRowsOfTheSameAmountAreTwoLines() throws {
        let impact = try Self.impact(
            "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\nBeløb i 1.000 kr.\n\tÅr\t2025\t2026\nDrift\t100\t0\nAnlæg\t100\t0\n\nFinansieres af kassebeholdningen.\n")
        #expect(impact.budgetLines.map(\.net) == [100_000, 100_000])
        #expect(impact.budgetLines.map(\.area) == [.drift, .anlæg])
    }

    /// Review: the merging of repeated amounts looks among text lines for a table cell and keeps
    /// each line's places in a set (both were searches that grew with the item). Cells of one
    /// value stay one line each; mentions of it in text merge into the first, with every place.
    @Test func manyCellsAndMentionsOfOneAmount() throws {
        var text = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\nBeløb i 1.000 kr.\n\n| Post | 2025 | 2026 |\n|---|---|---|\n"
        for row in 0..<200 { text += "| Post \(row) | 100 | 0 |\n" }
        text += "\n"
        for _ in 0..<300 { text += "Der gives en tillægsbevilling på 100.000 kr. i 2025.\n\n" }
        let impact = try Self.impact(text, source: "t.md")
        let cells = impact.budgetLines.filter { $0.year == 2025 }
        #expect(cells.count == 200)
        #expect(cells.allSatisfy { $0.net == 100_000 })
        // The text restates the table: its mentions are no lines of their own.
        #expect(impact.placements.filter { $0.amount.pattern != "table-cell" && $0.disposition != .budgetLine }.count == 300)
        var mentions = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\n"
        for _ in 0..<300 { mentions += "Der gives en tillægsbevilling på 100.000 kr. i 2025.\n\n" }
        let merged = try Self.impact(mentions, source: "t.md").budgetLines
        #expect(merged.count == 1)
        #expect(merged.first?.sources.count == 300)
    }

    /// Found by the fuzz smoke (a mutated Sorø fixture): "150.000 kr. årligt i 2025 og 2022"
    /// gave the years as written, and the Markdown made a range from 2025 down to 2022, which traps.
    @Test func yearsWrittenOutOfOrderAreShownInOrder() throws {
        let text = "Punkt 1: Tilskud\n\nIndstilling\n\nat festivalen bevilges et tilskud på 150.000 kr. årligt i 2025 og 2022.\n"
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.txt"))
        #expect(document.items[0].amounts.map(\.years) == [[2025, 2022]])
        let engine = try Analyzer.defaultEngine()
        let impact = engine.apply(to: document)
        let report = AnalysisReport(
            documents: [document], impacts: [impact], errors: [], statusFilter: .all, rulesOrigin: engine.rules.origin,
            populationTable: nil, unusedRules: [], cases: [])
        #expect(MarkdownReport.render(report).contains("2022, 2025"))
        #expect(!HTMLReport.render(report).isEmpty)
        #expect(!CSVReport.render(report).isEmpty)
        #expect(!JSONReport.render(report).isEmpty)
        #expect(MarkdownReport.yearSpan([2026, 2024, 2025]) == "2024–2026")
    }

    @Test func runningTextAboveATableIsNoCaption() throws {
        let text = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\nProjektet har tidligere kostet 2 mio. kr. og har i dag mange brugere i hele kommunen, som nævnt i sagen om skolerne.\n\n\t2025\t2026\nDrift\t1.200.000\t0\n"
        let amounts = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.txt")).items[0].amounts
        #expect(amounts.contains { $0.value == 1_200_000 && $0.pattern == "table-cell" })
        #expect(!amounts.contains { $0.value > 1_000_000_000 })
        let pupils = "Punkt 1: Sag\n\nSagsfremstilling\n\nSkolen koster 2 mio. kr.\n\nKlasse\tElever\n0. klasse\t450\n1. klasse\t420\n"
        #expect(AmountExtractor.extract(MinutesReader.read(Array(pupils.utf8), source: "t.txt")).items[0].amounts.map(\.value) == [2_000_000])
    }

    @Test func hugeScaledNumbersAreNoAmounts() throws {
        let text = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\n999.999.999.999.999 mia. kr. i 2025 og 5.000 kr. i 2025.\n"
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.txt"))
        #expect(document.items[0].amounts.map(\.value) == [5000])
        // The chart's numbers never trap, whatever their size.
        #expect(HTMLReport.kroner(1e30).hasSuffix("000"))
        #expect(HTMLReport.coordinate(-1e30).hasPrefix("-"))
    }

    /// A metadata line run together with the item's text (a page flattened to one line) keeps
    /// its amounts; "Sag nr. 11 …" inside a decision is prose, not the item's case number.
    @Test func textAfterTheIdentifiersIsKept() throws {
        let flattened = "Punkt 1: Sag\n\nSagsnr.: 21-1234 J.nr.: 00.01.00 Udvalget bevilger 50.000 kr. i 2025.\n\nBeslutning\n\nGodkendt.\nSag nr. 11 blev taget af dagsorden.\n"
        let item = AmountExtractor.extract(MinutesReader.read(Array(flattened.utf8), source: "t.txt")).items[0]
        #expect(item.caseNumber == "21-1234")
        #expect(item.journalNumber == "00.01.00")
        #expect(item.amounts.map(\.value) == [50_000])
        #expect(item.sections.flatMap(\.lines).map(\.text).contains("Sag nr. 11 blev taget af dagsorden."))
        // A line of identifiers only is still metadata and no text.
        let plain = "Punkt 1: Sag\n\nSagsnr.: 21-1234 J.nr.: 00.01.00\n\nSagsfremstilling\n\nUdvalget bevilger 50.000 kr.\n"
        let lines = MinutesReader.read(Array(plain.utf8), source: "t.txt").items[0].sections.flatMap(\.lines).map(\.text)
        #expect(!lines.contains { $0.contains("Sagsnr") })
    }

    /// Review of the change above: a page header with the case number inside a paragraph is
    /// still page furniture; "Sag nr. 11 …" in an open first paragraph is prose; and the kept
    /// identifier line leaves the metadata after it (access, repeated title) metadata.
    @Test func identifierLinesWithTextKeepTheRestOfTheMetadata() throws {
        let header = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\nDer gives en tillægsbevilling på\nSagsnr.: 326-2021-16031 Side 2\n500.000 kr. i 2025.\n"
        let amounts = AmountExtractor.extract(MinutesReader.read(Array(header.utf8), source: "t.txt")).items[0].amounts
        #expect(amounts.map(\.value) == [500_000])
        #expect(amounts.first?.kind == .supplementaryGrant)

        let prose = "Punkt 1: Sag\n\nSagsfremstilling\n\nUdvalget drøftede sagen.\nSag nr. 11 blev taget af dagsorden.\n"
        let item = MinutesReader.read(Array(prose.utf8), source: "t.txt").items[0]
        #expect(item.caseNumber == nil)
        #expect(item.sections.flatMap(\.lines).map(\.text) == ["Udvalget drøftede sagen.", "Sag nr. 11 blev taget af dagsorden."])

        let metadata = "Punkt 1: Budget 2025\n\nSagsnr.: 21-1234 Sagsbehandler: Jens Jensen\n\nLukket\n\n1. Budget 2025\n\nSagsfremstilling\n\nTeksten.\n"
        let first = MinutesReader.read(Array(metadata.utf8), source: "t.txt").items[0]
        #expect(first.caseNumber == "21-1234")
        #expect(first.closed)
        #expect(!first.sections.flatMap(\.lines).map(\.text).contains("1. Budget 2025"))
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let file = Project.fixture("kalundborg-direktion-2021-05-03.md")
        let report = Analyzer.analyze(paths: [file, file, Project.root.appendingPathComponent("Fixtures/./kalundborg-direktion-2021-05-03.md").path], engine: try Analyzer.defaultEngine())
        #expect(report.documents.count == 1)
        #expect(report.countedLines.map(\.net).reduce(0, +) == 128_332)
    }

    @Test func disablingADefaultCheckInAnExtendingFileTurnsItOff() throws {
        let folder = try Project.temporaryFolder("disable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rules.json")
        try Data(#"{"extends": "default", "checks": [{"name": "ClosedItemNotAnalysed", "check": "closed-item", "enabled": false}]}"#.utf8).write(to: file)
        let rules = try RuleSet.load(contentsOf: file.path)
        #expect(!rules.checks.contains { $0.name == "ClosedItemNotAnalysed" })
        #expect(rules.totalsOverPeriod == .keepTotal)
        #expect(rules.checks.count == (try RuleSet.defaults()).checks.count - 1)
    }

    @Test func aSymbolicLinkIsJudgedByItsTarget() throws {
        let folder = try Project.temporaryFolder("link")
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.data")
        try Data(repeating: UInt8(ascii: "a"), count: 5000).write(to: big)
        let link = folder.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: big)
        #expect(throws: ReadError(path: link.path, reason: .tooLarge(size: 5000, limit: 1000))) {
            try MinutesReader.read(contentsOf: link.path, maximumSize: 1000)
        }
    }

    /// The reconciliation counts the amounts found apart from their placements, so it can fail.
    @Test func reconciliationComparesIndependentCounts() {
        var impact = DocumentImpact(source: "x", amountsFound: 3, budgetLines: [], placements: [], findings: [])
        #expect(!impact.reconciliation.balances)
        impact.amountsFound = 0
        #expect(impact.reconciliation.balances)
    }
}

@Suite struct CaseCountingTests {
    /// Økonomiudvalget states 2 mio. kr.; Byrådet only writes "Udsat.": the figures stated last
    /// (Økonomiudvalget's) count, not zero.
    @Test func aLaterMeetingWithoutFiguresDoesNotEraseThem() throws {
        let folder = try Project.temporaryFolder("case")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("REFERAT Økonomiudvalget d. 03-03-2025\n\nPunkt 1: Svømmehal\n\nSagsnr.: 25-000001\n\nØkonomiske konsekvenser\n\nDer gives en tillægsbevilling på 2 mio. kr. i 2025, finansieret af kassebeholdningen.\n\nBeslutning\n\nAnbefales.\n".utf8)
            .write(to: folder.appendingPathComponent("a-oeu.txt"))
        try Data("REFERAT Byrådet d. 27-03-2025\n\nPunkt 4: Svømmehal\n\nSagsnr.: 25-000001\n\nBeslutning\n\nUdsat.\n".utf8)
            .write(to: folder.appendingPathComponent("b-byraad.txt"))
        let report = Analyzer.analyze(paths: [folder.path], engine: try Analyzer.defaultEngine())
        let track = try #require(report.cases.first)
        #expect(track.steps.map(\.body) == ["Økonomiudvalget", "Byrådet"])
        #expect(track.counted.body == "Økonomiudvalget")
        #expect(report.countedLines.map(\.net) == [2_000_000])
    }
}

@Suite struct MovedMoneyTests {
    /// A move written as its two sides is one net-zero line with the gross amount.
    @Test func aMoveIsOneLine() throws {
        let impact = try ReviewRegressionTests.impact(
            "Punkt 1: Omplacering\n\nØkonomiske konsekvenser\n\nOmplaceringen er udgiftsneutral.\n\nBeløb i 1.000 kr.\n\t2026\t2027\nFra Social- og Handicapudvalget\t-2.300\t-2.300\nTil Sundheds- og Omsorgsudvalget\t2.300\t2.300\n")
        #expect(impact.budgetLines.map(\.year) == [2026, 2027])
        #expect(impact.budgetLines.allSatisfy { $0.net == 0 && $0.amount == 2_300_000 && $0.sources.count == 2 })
        #expect(impact.budgetLines.allSatisfy { $0.rule.hasSuffix("MergeCounterEntry") })
    }

    /// A pool pays for anlæg, not for the running costs that follow from it.
    @Test func aPoolDoesNotPayRunningCosts() throws {
        let impact = try ReviewRegressionTests.impact(
            "Punkt 1: Skole\n\nIndstilling\n\nat de afledte driftsudgifter på 240.000 kr. årligt fra 2026 indarbejdes i budgettet.\n\nØkonomiske konsekvenser\n\nAnlægsudgiften på 5 mio. kr. i 2025 finansieres af puljen til skolekapacitet.\n")
        let drift = impact.budgetLines.filter { $0.amount == 240_000 }
        #expect(!drift.isEmpty)
        #expect(drift.allSatisfy { $0.net == 240_000 && $0.financing == .notStated })
    }
}

@Suite struct AlignedTableTests {
    /// PDF text drops the empty cell: "400" stands under 2027 and is 2027's, not 2026's.
    @Test func aNumberBelongsToTheYearItStandsUnder() {
        let text = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\nBeløb i 1.000 kr.        2025      2026      2027\nDrift                     300                 400\nAnlæg                     100       200       300\n"
        let amounts = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.txt")).items[0].amounts
        #expect(amounts.map(\.years) == [[2025], [2027], [2025], [2026], [2027]])
        #expect(amounts.map(\.value) == [300_000, 400_000, 100_000, 200_000, 300_000])
    }
}

/// National figures found on the whole Greve corpus, read as the kommune's own at first.
@Suite struct NationalFiguresTests {
    @Test(arguments: [
        ("Regeringsgrundlagets krav om besparelser i kommuner og regioner på 1 mia. kr. i 2024 stigende til 3 mia. kr. i 2030.", ["municipalities", "municipalities"]),
        ("Der afsættes 250 mio. kr. til kommunerne fra 2027 til at understøtte en omstilling.", ["municipalities"]),
        ("Regeringen afsætter 2 mia. kr. til formålet.", ["state"]),
        ("Lovforslaget skulle have realiseret 344 mio. kr. i 2023.", ["state"]),
        ("Kommunen afsætter 2 mio. kr. i 2025.", ["own"]),
    ])
    func payer(text: String, payers: [String]) {
        let amounts = ParagraphAmounts.amounts(
            in: [Line(text, at: KonsekvensKit.SourceLocation(line: 1))], section: .economy, municipality: "Greve", horizon: 2024...2027)
        #expect(amounts.map(\.payer.code) == payers)
    }
}
