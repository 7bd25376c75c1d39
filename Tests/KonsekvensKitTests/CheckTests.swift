import Foundation
import Testing
@testable import KonsekvensKit

/// Each check on a small item of its own.
@Suite struct CheckTests {
    static func findings(_ text: String, municipality: String = "Kalundborg") throws -> [Finding] {
        let document = AmountExtractor.extract(
            MinutesReader.read(Array(text.utf8), source: "check.txt"), options: ExtractionOptions(municipality: municipality))
        return try Analyzer.defaultEngine().apply(to: document).findings
    }

    static func item(_ sections: [(String, String)], decision: String = "Godkendt.") -> String {
        var text = "Punkt 1: Sag\n\n"
        for (heading, body) in sections { text += "\(heading)\n\n\(body)\n\n" }
        return text + "Beslutning\n\n\(decision)\n"
    }

    @Test func grantWithoutFinancing() throws {
        let findings = try Self.findings(Self.item([("Økonomiske konsekvenser", "Der gives en tillægsbevilling på 200.000 kr. i 2025.")]))
        #expect(findings.map(\.code).contains("GrantHasFinancing"))
        let financed = try Self.findings(Self.item([("Økonomiske konsekvenser", "Der gives en tillægsbevilling på 200.000 kr. i 2025, som finansieres af kassebeholdningen.")]))
        #expect(!financed.map(\.code).contains("GrantHasFinancing"))
    }

    /// A tillægsbevilling that Økonomiske konsekvenser calls a merudgift is still the
    /// tillægsbevilling: the statement of its effect does not hide that it has no financing, in
    /// either order of the sections.
    @Test func grantCalledAMerudgiftKeepsItsKind() throws {
        let indstilling = ("Indstilling", "at der gives en tillægsbevilling på 850.000 kr. i 2025 til vintertjeneste.")
        let economy = ("Økonomiske konsekvenser", "Kommunen får en merudgift på 850.000 kr. i 2025.")
        for sections in [[indstilling, economy], [economy, indstilling]] {
            let text = Self.item(sections)
            let document = AmountExtractor.extract(
                MinutesReader.read(Array(text.utf8), source: "check.txt"), options: ExtractionOptions(municipality: "Kalundborg"))
            let impact = try Analyzer.defaultEngine().apply(to: document)
            #expect(impact.budgetLines.map(\.kind) == [.supplementaryGrant])
            #expect(impact.findings.map(\.code).contains("GrantHasFinancing"))
        }
        // Between two kinds that are not grants, the economy section's still wins.
        let text = Self.item([
            ("Indstilling", "at kommunen giver et tilskud på 300.000 kr. i 2025."),
            ("Økonomiske konsekvenser", "Kommunens medfinansiering på 300.000 kr. i 2025 afholdes inden for rammen."),
        ])
        let document = AmountExtractor.extract(
            MinutesReader.read(Array(text.utf8), source: "check.txt"), options: ExtractionOptions(municipality: "Kalundborg"))
        #expect(try Analyzer.defaultEngine().apply(to: document).budgetLines.map(\.kind) == [.coFinancing])
    }

    /// A year table's unit may stand in a row's label; a table that states none is read as
    /// kroner and named where its numbers look counted in thousands or millions.
    @Test func aTableWithoutAUnitIsNamed() throws {
        func document(_ rows: [String]) -> Document {
            let text = Self.item([("Økonomiske konsekvenser", (["| | 2025 | 2026 |", "|---|---:|---:|"] + rows).joined(separator: "\n"))])
            return AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "unit.md"), options: ExtractionOptions(municipality: "Greve"))
        }
        func named(_ rows: [String]) throws -> [Int] {
            try Analyzer.defaultEngine().apply(to: document(rows)).findings.filter { $0.code == "TableUnitNotStated" }.map(\.locations.count)
        }
        let labelled = ["| Drift | 1,5 | 2,0 |", "| I alt (beløb i mio. kr.) | 1,5 | 2,0 |"]
        #expect(document(labelled).items.first?.amounts.filter { !$0.isTotal }.map(\.value) == [1_500_000, 2_000_000])
        #expect(try named(labelled).isEmpty)
        #expect(try named(["| Byggesag | 300 | 700 |"]) == [2])
        #expect(try named(["| Byggesag | 700.000 | 950.000 |"]).isEmpty)
        #expect(try named(["| Byggesag (1.000 kr.) | 300 | 700 |"]).isEmpty)
        // "kr" inside a word ("sikring") declares no kroner.
        #expect(try named(["| Beløb til sikring | 300 | 700 |"]) == [2])
    }

    /// Money too large to be an amount is summed nowhere and named as an error at its line:
    /// more digits than are read, more than 10^15 kr. once scaled, and a table cell of that size.
    @Test func amountTooLargeIsNamedNotSummed() throws {
        let text = Self.item([
            ("Økonomiske konsekvenser", """
            Der gives 999.999.999 mia. kr. i 2025 og 1234567890123456789012345678901234567890 kr. i 2026 samt 40.000 kr. i 2027, og kr. 12345678901234567890 i 2028.

            Beløb i 1.000 kr.

            | | 2025 | 2026 |
            |---|---|---|
            | Drift | 2.000.000.000.000 | 150 |
            """),
        ])
        let document = AmountExtractor.extract(
            MinutesReader.read(Array(text.utf8), source: "check.md"), options: ExtractionOptions(municipality: "Kalundborg"))
        let item = try #require(document.items.first)
        #expect(item.unreadAmounts.map(\.text) == [
            "999.999.999 mia. kr.", "1234567890123456789012345678901234567890 kr.", "kr. 12345678901234567890", "2.000.000.000.000",
        ])
        #expect(item.unreadAmounts.map(\.location.line) == [5, 5, 5, 11])
        #expect(item.amounts.map(\.value).sorted() == [40_000, 150_000])
        let impact = try Analyzer.defaultEngine().apply(to: document)
        let unread = impact.findings.filter { $0.code == "AmountNotRead" }
        #expect(unread.count == 4)
        #expect(unread.allSatisfy { $0.severity == .error })
        #expect(unread.map(\.locations.first?.line) == [5, 5, 5, 11])
        #expect(impact.budgetLines.allSatisfy { abs($0.amount) <= 150_000 })
    }

    @Test func perYearAmountsAgainstAStatedTotal() throws {
        let text = Self.item([
            ("Indstilling", "at der gives en tillægsbevilling på 500.000 kr. i 2025 og 700.000 kr. i 2026, finansieret af kassebeholdningen."),
            ("Økonomiske konsekvenser", "Udgiften er i alt 1,5 mio. kr. over perioden 2025-2026, finansieret af kassebeholdningen."),
        ])
        let finding = try #require(try Self.findings(text).first { $0.code == "TotalMatchesYears" })
        #expect(finding.messageDanish.contains("1.200.000 kr."))
        #expect(finding.messageDanish.contains("1.500.000 kr."))
    }

    /// A total split into its years where it is stated ("i alt 10,0 mio. kr., fordelt med 8,2
    /// mio. kr. i 2025 og 1,8 mio. kr. i 2026") is not compared with the item's other lines; a
    /// split that does not add up to it is no split.
    @Test(arguments: [("1,8", false), ("1,5", true)])
    func aTotalSplitWhereStatedIsNotComparedWithTheLines(secondYear: String, found: Bool) throws {
        let text = Self.item([
            ("Sagsfremstilling", "Byrådet afsatte rådighedsbeløb på i alt 10,0 mio. kr. i perioden 2025-2028, fordelt med 8,2 mio. kr. i 2025 og \(secondYear) mio. kr. i 2026."),
            ("Indstilling", "at der afsættes et rådighedsbeløb på 1,8 mio. kr. i 2026, finansieret af kassebeholdningen."),
        ])
        #expect(try Self.findings(text).contains { $0.code == "TotalMatchesYears" } == found)
    }

    @Test func recommendationAndEconomyDisagree() throws {
        let text = Self.item([
            ("Indstilling", "at der gives en tillægsbevilling på 300.000 kr. i 2025, finansieret af kassebeholdningen."),
            ("Økonomiske konsekvenser", "Der gives en tillægsbevilling på 350.000 kr. i 2025, finansieret af kassebeholdningen."),
        ])
        #expect(try Self.findings(text).contains { $0.code == "RepeatedGrantDiffers" && $0.severity == .warning })
        let agreeing = Self.item([
            ("Indstilling", "at der gives en tillægsbevilling på 300.000 kr. i 2025, finansieret af kassebeholdningen."),
            ("Økonomiske konsekvenser", "Der gives en tillægsbevilling på 300.000 kr. i 2025, finansieret af kassebeholdningen."),
        ])
        #expect(try !Self.findings(agreeing).contains { $0.code == "RepeatedGrantDiffers" })
    }

    @Test func economySaysNoneButTheTextNamesOwnMoney() throws {
        let text = Self.item([
            ("Indstilling", "at kommunen bidrager med 75.000 kr. i 2025."), ("Økonomiske konsekvenser", "Ingen."),
        ])
        let codes = try Self.findings(text).map(\.code)
        #expect(codes.contains("EconomyStatesNone"))
        #expect(codes.contains("NoneButOwnAmount"))
    }

    /// What counts as an economy section that says there are no consequences, in any case.
    @Test(arguments: [
        ("Ingen.", true), ("INGEN", true), ("ingen", true), ("Ingen økonomiske konsekvenser.", true),
        ("Sagen har INGEN økonomiske konsekvenser for kommunen, da udgiften afholdes inden for rammen af det budget, der allerede er vedtaget.", true),
        ("Sagen har ingen bevillingsmæssige konsekvenser.", true),
        // Said over lines, and in a table: "ingen" is looked for on each line and in each cell.
        ("Sagen har\nINGEN økonomiske\nkonsekvenser for kommunen.", true),
        ("Ingen økonomiske konsekvenser      2025\nDrift                             0", true),
        ("Ingenting tyder på, at sagen får betydning for kommunens budget i de kommende år.", false),
        ("Der er afsat 100.000 kr. i budgettet.", false), ("Se bilag.", false),
    ])
    func economySaysNoneInAnyCase(economy: String, saysNone: Bool) throws {
        let text = Self.item([("Indstilling", "at sagen tages til efterretning."), ("Økonomiske konsekvenser", economy)])
        #expect(try Self.findings(text).contains { $0.code == "EconomyStatesNone" } == saysNone)
    }

    @Test func shareOutsideToleranceIsAWarning() throws {
        let text = Self.item([
            ("Sagsfremstilling", "Næstved Kommune medfinansierer med 500.000 kr., og den resterende medfinansiering på 500.000 kr. årligt fordeles mellem de resterende kommuner efter befolkningstal. Kalundborg Kommune skal årligt bidrage med 33.000 kr."),
            ("Økonomiske konsekvenser", "Der gives en tillægsbevilling på 33.000 kr. årligt i 2021-2024, finansieret af kassebeholdningen."),
        ])
        let finding = try #require(try Self.findings(text).first { $0.code == "ShareMatchesPopulation" })
        #expect(finding.severity == .warning)
        #expect(finding.messageDanish.contains("32.082,59 kr."))
        #expect(finding.messageDanish.contains("uden for tolerancen"))
    }

    @Test func aKommuneOutsideThePopulationTableIsSaid() throws {
        let text = Self.item([
            ("Sagsfremstilling", "Beløbet på 500.000 kr. fordeles mellem de øvrige kommuner efter befolkningstal. Aarhus Kommune bidrager med 20.000 kr."),
        ])
        let finding = try #require(try Self.findings(text, municipality: "Aarhus").first { $0.code == "ShareMatchesPopulation" })
        #expect(finding.messageDanish.contains("findes ikke i befolkningstabellen"))
    }

    @Test func approvalByAnUdvalgIsNotAGrantButByrådetsIs() throws {
        let udvalg = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\nTillægsbevilling på 100.000 kr. i 2025, finansieret af kassebeholdningen.\n\nBeslutning i Økonomiudvalget den 3. marts 2025\n\nGodkendt.\n"
        #expect(try Self.findings(udvalg).contains { $0.code == "ApprovalIsNotAGrant" })
        let byråd = udvalg.replacingOccurrences(of: "Beslutning i Økonomiudvalget den 3. marts 2025", with: "Byrådets beslutning den 27. marts 2025")
        #expect(try !Self.findings(byråd).contains { $0.code == "ApprovalIsNotAGrant" })
    }
}
