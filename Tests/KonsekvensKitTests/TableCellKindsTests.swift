import Foundation
import Testing
@testable import KonsekvensKit

/// The kind a year table's cells take from the text amount they sum to.
@Suite struct TableCellKindsTests {
    static func impact(recommendation: String, rows: [String], caption: String = "", economyText: String = "") throws -> DocumentImpact {
        let text = """
            Punkt 1: Hjemmepleje

            Indstilling

            \(recommendation)

            Økonomiske konsekvenser

            \(caption)

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
        #expect(unfinanced.budgetLines.map(\.kind) == [.supplementaryGrant, .additionalExpense, .supplementaryGrant, .reducedExpense])
        #expect(unfinanced.budgetLines.map(\.year) == [2025, 2026, 2025, 2026])
        #expect(unfinanced.findings.map(\.code).contains("GrantHasFinancing"))
        let financed = try Self.impact(
            recommendation: "at der gives en tillægsbevilling på 1.275.000 kr. i 2025, finansieret af kassebeholdningen.", rows: Self.rows)
        #expect(financed.budgetLines.filter { $0.kind == .supplementaryGrant }.count == 2)
        #expect(!financed.findings.map(\.code).contains("GrantHasFinancing"))
    }

    /// A medfinansiering gives its year's cells its kind; a row's own kind stays, as the amount
    /// is no grant; the other year's cells are read by the sign convention.
    @Test func aMedfinansieringGivesItsYearItsKind() throws {
        let impact = try Self.impact(
            recommendation: "at kommunens medfinansiering på 2.550.000 kr. i 2026 indarbejdes i budgettet, finansieret af kassebeholdningen.",
            rows: Self.rows)
        #expect(impact.budgetLines.map(\.kind) == [.additionalExpense, .coFinancing, .reducedExpense, .reducedExpense])
    }

    /// An amount that is one cell of its year gives that cell its kind.
    @Test func anAmountThatIsOneCellGivesItItsKind() throws {
        let impact = try Self.impact(
            recommendation: "at der afsættes rådighedsbeløb på 1.250.000 kr. i 2025, finansieret af kassebeholdningen.",
            rows: ["| Anlæg, udgift | 1.250 | 0 |", "| Anlæg, tilskud fra Cykelpuljen | -500 | 0 |", "| I alt | 750 | 0 |"])
        #expect(impact.budgetLines.map(\.kind) == [.availableAmount, .subsidy])
    }

    /// Cells no text names: + is a merudgift, − a mindreudgift, and in a row of income − a
    /// merindtægt and + a mindreindtægt; money from a pool, budgeted for the purpose, is none.
    @Test func cellsNoTextNamesAreReadByTheSignConvention() throws {
        let rows = ["| Drift, udgifter | 2.100 | -100 |", "| Drift, forældrebetaling | -250 | 40 |", "| I alt | 1.850 | -60 |"]
        let impact = try Self.impact(recommendation: "at sagen godkendes.", rows: rows)
        #expect(impact.budgetLines.map(\.kind) == [.additionalExpense, .reducedExpense, .additionalIncome, .reducedIncome])
        let pool = try Self.impact(recommendation: "at udgiften finansieres af puljen til klimatilpasning.", rows: ["| Anlæg | 1.200 | 2.000 |"])
        #expect(pool.budgetLines.map(\.kind) == [.unknown, .unknown])
    }

    /// Where all the year's cells do not sum to the amount, those of its drift or anlæg may.
    @Test func theCellsOfTheAmountsAreaSumToIt() throws {
        let impact = try Self.impact(
            recommendation: "at der gives en tillægsbevilling til driften på 1.275.000 kr. i 2025, finansieret af kassebeholdningen.",
            rows: ["| Drift, løn | 1.425 | 0 |", "| Drift, vikarer | ÷ 150 | 0 |", "| Anlæg | 6.500 | 0 |", "| I alt | 7.775 | 0 |"])
        #expect(impact.budgetLines.map(\.kind) == [.supplementaryGrant, .supplementaryGrant, .additionalExpense])
    }

    /// A caption's legend of the sign convention names no row's kind: a row below 0 is no merudgift.
    @Test func aLegendOfTheSignsIsNoKind() throws {
        let impact = try Self.impact(
            recommendation: "at sagen godkendes.", rows: ["| Drift, licenser | -50 | 30 |"],
            caption: "Beløb i 1.000 kr. (+ = merudgift, – = mindreudgift)")
        #expect(impact.budgetLines.map(\.kind) == [.reducedExpense, .additionalExpense])
    }

    /// A caption that speaks of a merindtægt does not make the table's expenses income: the
    /// cells' signs are the table's (generated minutes had 2.684 lines turned so).
    @Test func aCaptionsMerindtægtTurnsNoSign() throws {
        let impact = try Self.impact(
            recommendation: "at sagen godkendes.", rows: ["| Drift | 4.478 | -200 |"],
            caption: "Merindtægten på 958.000 kr. årligt tilføres kassebeholdningen.")
        #expect(impact.budgetLines.map(\.net) == [4_478_000, -200_000])
        #expect(impact.budgetLines.map(\.kind) == [.additionalExpense, .reducedExpense])
    }

    /// A frigivelse row among a grant's parts stays a frigivelse, with no net effect.
    @Test func aGrantLeavesAFrigivelseRowItsKind() throws {
        let impact = try Self.impact(
            recommendation: "at der gives en tillægsbevilling på 1.275.000 kr. i 2025, finansieret af kassebeholdningen.",
            rows: ["| Drift, løn | 1.575 | 0 |", "| Frigivelse af puljen | -300 | 0 |"])
        #expect(impact.budgetLines.map(\.kind) == [.supplementaryGrant, .release])
        #expect(impact.budgetLines.map(\.net) == [1_575_000, 0])
    }

    /// A total of a merudgift over the period is compared with the cells the sign convention
    /// named: they add up, so no finding.
    @Test func aTotalIsComparedWithCellsOfTheConvention() throws {
        let impact = try Self.impact(
            recommendation: "at den samlede merudgift på 3.825.000 kr. i perioden 2025-2026 finansieres af kassebeholdningen.",
            rows: Self.rows)
        #expect(impact.budgetLines.map(\.kind) == [.additionalExpense, .additionalExpense, .reducedExpense, .reducedExpense])
        #expect(!impact.findings.map(\.code).contains("TotalMatchesYears"))
    }

    /// A caption that declares the unit and names the rows' kind ("Mindreudgifter (1.000 kr.)")
    /// still gives it: the cells are savings.
    @Test func aCaptionThatNamesTheRowsGivesTheirKind() throws {
        let impact = try Self.impact(recommendation: "at sagen godkendes.", rows: ["| Drift | 300 | 400 |"], caption: "Mindreudgifter (1.000 kr.)")
        #expect(impact.budgetLines.map(\.net) == [-300_000, -400_000])
        #expect(impact.budgetLines.map(\.kind) == [.reducedExpense, .reducedExpense])
        let both = try Self.impact(recommendation: "at sagen godkendes.", rows: ["| Drift | 300 | 400 |"], caption: "Mindreudgifter og merudgifter (1.000 kr.)")
        #expect(both.budgetLines.map(\.net) == [300_000, 400_000])
        // A sentence that states an amount in t.kr. declares no unit of the rows.
        let stated = try Self.impact(
            recommendation: "at sagen godkendes.", rows: ["| Drift | 300 | 400 |"], caption: "Der forventes en besparelse på 24.517 t.kr. i 2024.")
        #expect(stated.budgetLines.map(\.net) == [-24_517_000, 300_000, 400_000])
        for caption in ["Besparelse i 2025 (1.000 kr.)", "Tabel 1. Mindreudgifter (1.000 kr.)", "Besparelser 2025-26 (1.000 kr.)", "Mindreudgifter (mio. kr.)"] {
            #expect(!TableAmounts.statesAnAmount(caption), "\(caption)")
        }
        #expect(TableAmounts.statesAnAmount("Der forventes en besparelse på 24.517 t.kr. i 2024."))
        let numbered = try Self.impact(recommendation: "at sagen godkendes.", rows: ["| Drift | 300 | 400 |"], caption: "Tabel 1. Mindreudgifter (1.000 kr.)")
        #expect(numbered.budgetLines.map(\.net) == [-300_000, -400_000])
    }

    /// Cells that do not sum to the amount, and drift cells that sum to a frigivelse (anlæg
    /// money), give no kind (the sign convention does): the lines' net effect stays what it was.
    @Test func noSumOrAKindThatChangesTheNetGivesNone() throws {
        let otherSum = try Self.impact(recommendation: "at der gives en tillægsbevilling på 1.300.000 kr. i 2025.", rows: Self.rows)
        #expect(otherSum.budgetLines.map(\.kind) == [.additionalExpense, .additionalExpense, .reducedExpense, .reducedExpense])
        let release = try Self.impact(recommendation: "at der frigives 1.275.000 kr. i 2025.", rows: Self.rows)
        #expect(release.budgetLines.allSatisfy { $0.kind != .release && $0.net == $0.amount })
    }

    /// Sorø's energy renovation: the anlæg cell that is the rådighedsbeløb released is a
    /// frigivelse, money already budgeted, of no net effect, and a grant the same year does not
    /// make it new money; the drift savings are mindreudgifter, whatever the mixed sentence above
    /// the table names first, whichever the text names first. (The 2026 cell, a release and a
    /// grant together, is left a merudgift.)
    @Test(arguments: [false, true])
    func cellsThatAreTheRådighedsbeløbReleasedAreAFrigivelse(grantFirst: Bool) throws {
        let release = "at de afsatte rådighedsbeløb på 8,2 mio. kr. i 2025 og 1,8 mio. kr. i 2026 frigives."
        let grant = "at der gives en tillægsbevilling på 8,2 mio. kr. i 2025 til projektet, finansieret af kassebeholdningen."
        let impact = try Self.impact(
            recommendation: grantFirst ? grant + "\n\n" + release : release + "\n\n" + grant,
            rows: ["| Anlæg | 8.200 | 3.600 |", "| Drift | 0 | ÷ 310 |"],
            caption: "Der søges om en anlægsbevilling på 11,8 mio. kr. Driftsbesparelsen tilføres kassebeholdningen.")
        #expect(impact.budgetLines.map(\.kind) == [.release, .additionalExpense, .reducedExpense])
        #expect(impact.budgetLines.map(\.net) == [0, 3_600_000, -310_000])
    }

    /// A rådighedsbeløb row's cell that the text releases is a frigivelse.
    @Test func aRådighedsbeløbRowReleasedIsAFrigivelse() throws {
        let impact = try Self.impact(
            recommendation: "at allerede budgetlagte midler på 8,0 mio. kr. i 2025 frigives.",
            rows: ["| Rådighedsbeløb, renovering | 8.000 | 12.500 |"])
        #expect(impact.budgetLines.map(\.kind) == [.release, .availableAmount])
        #expect(impact.budgetLines.first?.net == 0)
    }

    /// A row that names the kommune's cash as its financing ("Træk på kassebeholdningen") is
    /// paid from cash, whatever pool the item names: Faxe's 3,6 mio. kr. in 2027 counted as
    /// nothing when the pool paid for all.
    @Test func aRowThatNamesCashIsPaidFromCash() throws {
        let impact = try Self.impact(
            recommendation: "at rådighedsbeløbene finansieres af puljen til skolekapacitet.",
            rows: [
                "| Rådighedsbeløb, anlæg | 2.100 | 5.100 |", "| Finansieret af puljen til skolekapacitet | -2.100 | -1.500 |",
                "| Træk på kassebeholdningen | 0 | 3.600 |", "| Refusion fra a-kassen | 0 | -200 |",
            ])
        #expect(impact.budgetLines.map(\.net) == [0, 0, 3_600_000, 0])
        #expect(impact.budgetLines.map(\.financing.category) == ["pool", "pool", "cash", "pool"])
    }

    /// A caption naming one kind, or only anlæg money, gives it to the rows; a drift row is given
    /// no anlæg money.
    @Test(arguments: [
        ("Anlægsbevilling (1.000 kr.)", [AmountKind.constructionGrant, .reducedExpense]),
        ("Med indstillingen søges frigivelse af den samlede anlægsbevilling med en fordeling af rådighedsbeløb som følger:", [.release, .reducedExpense]),
        ("Der søges om en anlægsbevilling på 11,8 mio. kr. Driftsbesparelsen tilføres kassebeholdningen.", [.additionalExpense, .reducedExpense]),
        ("Tilskud", [.subsidy, .subsidy]),
        ("Tillægsbevilling til merudgifter (1.000 kr.)", [.supplementaryGrant, .supplementaryGrant]),
        ("Besparelser (1.000 kr.)", [.saving, .saving]),
        ("Der forventes en besparelse på området og en merudgift til vikarer.", [.additionalExpense, .reducedExpense]),
    ])
    func aCaptionGivesTheRowsItsOneKind(caption: String, kinds: [AmountKind]) throws {
        let impact = try Self.impact(recommendation: "at sagen godkendes.", rows: ["| Anlæg | 500 | 0 |", "| Drift | 0 | ÷ 310 |"], caption: caption)
        #expect(impact.budgetLines.map(\.kind) == kinds)
    }

    /// A budget follow-up whose deviations the text grants as the year's tillægsbevillinger:
    /// one line for each udvalg, of the grant's kind, drift and financing; the levels beside them
    /// and the total row are no lines. Deviations the text does not grant (a forecast) are none.
    @Test(arguments: [("3,1", true), ("3,0", false)])
    func grantedDeviationsAreTheYearsTillægsbevillinger(granted: String, asGranted: Bool) throws {
        let text = """
            Punkt 1: Budgetopfølgning pr. 31. marts 2025

            Indstilling

            at der gives tillægsbevillinger til driften i 2025 på netto \(granted) mio. kr. finansieret af kassebeholdningen, jf. tabellen.

            Økonomiske konsekvenser

            Beløb i 1.000 kr.

            | Udvalg | Korrigeret budget 2025 | Forventet regnskab 2025 | Afvigelse | Afvigelse (%) |
            |---|---:|---:|---:|---:|
            | Økonomiudvalget | 412.350 | 411.100 | -1.250 | -0,3 |
            | Børne- og Skoleudvalget | 1.187.640 | 1.187.340 | ÷ 300 | 0,0 |
            | Social- og Handicapudvalget | 498.720 | 503.920 | 5.200 | 1,0 |
            | Teknik- og Miljøudvalget | 214.360 | 214.360 | 0 | 0 |
            | Beskæftigelsesudvalget | 745.910 | 745.460 | -550 | -0,1 |
            | I alt | 3.058.980 | 3.062.080 | 3.100 | 0,1 |

            Beslutning

            Anbefales.

            """
        let document = AmountExtractor.extract(
            MinutesReader.read(Array(text.utf8), source: "opfoelgning.md"), options: ExtractionOptions(municipality: "Greve"))
        let lines = try Analyzer.defaultEngine().apply(to: document).budgetLines
        if asGranted {
            #expect(lines.map(\.amount) == [-1_250_000, -300_000, 5_200_000, -550_000])
            #expect(lines.allSatisfy { $0.kind == .supplementaryGrant && $0.year == 2025 && $0.area == .drift && $0.financing == .cash })
        } else {
            #expect(lines.map(\.amount) == [3_000_000])
        }
    }

    /// The deviation column of a table of one year's levels: one, or the one that names the
    /// tillægsbevilling; none beside levels of two years, in per cent, or where none is named.
    @Test(arguments: [
        (["Udvalg", "Korrigeret budget 2025", "Forventet regnskab 2025", "Afvigelse"], 3),
        (["Udvalg", "Korr. budget 2025", "Forv. regnskab 2025", "Mer-/mindreforbrug", "Afvigelse (%)"], 3),
        (["Udvalg", "Korr. budget 2025", "Forv. afvigelse", "Afvigelse TB"], 3),
        (["Udvalg", "Korr. budget 2025", "Forv. afvigelse", "Afvigelse efter tiltag"], nil),
        (["Udvalg", "Budget 2024", "Budget 2025", "Afvigelse"], nil),
        (["Udvalg", "Korrigeret budget", "Forventet regnskab", "Afvigelse"], nil),
        (["Udvalg", "Korrigeret budget 2025", "Forventet regnskab 2025"], nil),
    ] as [([String], Int?)])
    func theDeviationColumn(header: [String], column: Int?) {
        let columns = header.map { label in
            (label: label, years: label.contains("2025") ? [2025] : label.contains("2024") ? [2024] : [], isTotal: false)
        }
        #expect(TableAmounts.deviationColumn(of: columns)?.column == column)
    }
}
