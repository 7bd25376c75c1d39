import Foundation
import Testing
@testable import KonsekvensKit

/// The kind a year table's cells take from the text amount they sum to.
@Suite struct TableCellKindsTests {
    static func impact(recommendation: String, rows: [String], economyText: String = "") throws -> DocumentImpact {
        let text = """
            Punkt 1: Hjemmepleje

            Indstilling

            \(recommendation)

            Økonomiske konsekvenser

            | Beløb i 1.000 kr. | 2025 | 2026 |
            |---|---:|---:|
            \(rows.joined(separator: "\n"))

            \(economyText)

            Beslutning

            Anbefales.

            """
        let document = AmountExtractor.extract(
            MinutesReader.read(Array(text.utf8), source: "cells.md"), options: ExtractionOptions(municipality: "Lejre"))
        return try Analyzer.defaultEngine().apply(to: document)
    }

    static let rows = ["| Drift, løn | 1.425 | 2.850 |", "| Drift, mindreudgift til vikarer | ÷ 150 | ÷ 300 |", "| I alt | 1.275 | 2.550 |"]

    /// A tillægsbevilling the table restates is the table's lines: their kind, and the check that
    /// it states its financing, which found nothing when the cells had no kind.
    @Test func cellsThatSumToAGrantAreTheGrant() throws {
        let unfinanced = try Self.impact(recommendation: "at der gives en tillægsbevilling på 1.275.000 kr. i 2025 til hjemmeplejen.", rows: Self.rows)
        #expect(unfinanced.budgetLines.map(\.kind) == [.supplementaryGrant, .unknown, .supplementaryGrant, .reducedExpense])
        #expect(unfinanced.budgetLines.map(\.year) == [2025, 2026, 2025, 2026])
        #expect(unfinanced.findings.map(\.code).contains("GrantHasFinancing"))
        let financed = try Self.impact(
            recommendation: "at der gives en tillægsbevilling på 1.275.000 kr. i 2025, finansieret af kassebeholdningen.", rows: Self.rows)
        #expect(financed.budgetLines.filter { $0.kind == .supplementaryGrant }.count == 2)
        #expect(!financed.findings.map(\.code).contains("GrantHasFinancing"))
    }

    /// A merudgift gives its year's cells its kind; a row's own kind stays, as the amount is no
    /// grant.
    @Test func aMerudgiftGivesItsYearItsKind() throws {
        let impact = try Self.impact(
            recommendation: "at merudgiften på 2.550.000 kr. i 2026 indarbejdes i budgettet, finansieret af kassebeholdningen.",
            rows: Self.rows)
        #expect(impact.budgetLines.map(\.kind) == [.unknown, .additionalExpense, .reducedExpense, .reducedExpense])
    }

    /// Where all the year's cells do not sum to the amount, those of its drift or anlæg may.
    @Test func theCellsOfTheAmountsAreaSumToIt() throws {
        let impact = try Self.impact(
            recommendation: "at der gives en tillægsbevilling til driften på 1.275.000 kr. i 2025, finansieret af kassebeholdningen.",
            rows: ["| Drift, løn | 1.425 | 0 |", "| Drift, vikarer | ÷ 150 | 0 |", "| Anlæg | 6.500 | 0 |", "| I alt | 7.775 | 0 |"])
        #expect(impact.budgetLines.map(\.kind) == [.supplementaryGrant, .supplementaryGrant, .unknown])
    }

    /// Cells that do not sum to the amount, and money whose kind changes a line's net effect (a
    /// frigivelse), give no kind: the lines' net effect stays what it was.
    @Test func noSumOrAKindThatChangesTheNetGivesNone() throws {
        let otherSum = try Self.impact(recommendation: "at der gives en tillægsbevilling på 1.300.000 kr. i 2025.", rows: Self.rows)
        #expect(otherSum.budgetLines.map(\.kind) == [.unknown, .unknown, .reducedExpense, .reducedExpense])
        let release = try Self.impact(recommendation: "at der frigives 1.275.000 kr. i 2025.", rows: Self.rows)
        #expect(release.budgetLines.allSatisfy { $0.kind != .release && $0.net == $0.amount })
    }
}
