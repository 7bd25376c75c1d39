import Foundation
import Testing
@testable import KonsekvensKit

/// The checks that compare an item's amounts with each other index them first, so one item of
/// many thousand amounts (a file with no agenda headings) costs time in their number, not in its
/// square. Their findings are those of the plain comparisons they replace, which are kept here
/// as the reference: random items must give the same findings both ways.
@Suite struct LargeItemCheckTests {
    static let checks: [CheckRule.Check] = [.totalsAddUp, .repeatedGrantDiffers, .tableTotals]

    @Test func indexedChecksFindWhatThePlainComparisonsFind() throws {
        let engine = try Analyzer.defaultEngine()
        var random = SplitMix64(seed: 0x746F_7461_6C73)
        var compared = 0
        for round in 0..<300 {
            let text = Self.randomItem(&random)
            let document = AmountExtractor.extract(
                MinutesReader.read(Array(text.utf8), source: "large.md"), options: ExtractionOptions(municipality: "Kalundborg"))
            for item in document.items {
                let (lines, placements) = engine.place(item, in: document)
                let context = CheckContext(document: document, item: item, lines: lines, placements: placements, population: nil)
                for rule in engine.rules.checks where Self.checks.contains(rule.check) {
                    let indexed = context.run(rule)
                    let plain = Self.reference(rule, context)
                    compared += plain.count
                    #expect(indexed == plain, "round \(round), \(rule.name):\n\(text)")
                }
            }
        }
        // The random items do disagree with themselves, so findings were compared.
        #expect(compared > 300)
    }

    /// One item of a thousand totals and lines: each finding names at most
    /// ``CheckContext/listedLimit`` lines and says how many it summed.
    @Test func findingsOfAHugeItemListALimitedNumberOfLines() throws {
        var text = "Punkt 1: Sag\n\nIndstillinger\n\n"
        for index in 0..<300 { text += "at der gives en tillægsbevilling på \(1_000 + index) kr. i 2025.\n\n" }
        text += "Økonomiske konsekvenser\n\n"
        for index in 0..<300 { text += "Der gives en tillægsbevilling på \(5_000 + index) kr. i 2025.\n\n" }
        for _ in 0..<100 { text += "Udgiften er i alt 1 kr. over perioden 2025-2026.\n\n" }
        let findings = try CheckTests.findings(text + "Beslutning\n\nGodkendt.\n")
        let totals = findings.filter { $0.code == "TotalMatchesYears" }
        #expect(totals.count == 100)
        #expect(totals.allSatisfy { $0.locations.count == CheckContext.listedLimit + 1 })
        #expect(totals.first?.messageDanish.contains("(600 budgetlinjer; kun de første 50 steder i teksten er nævnt.)") == true)
        let repeated = findings.filter { $0.code == "RepeatedGrantDiffers" }
        #expect(repeated.count == 300)
        #expect(repeated.allSatisfy { $0.locations.count == CheckContext.listedLimit + 1 && $0.messageDanish.contains(", … (300 beløb)") })
        // One line merged from a thousand mentions is named by its first 50 places.
        var merged = "Punkt 1: Sag\n\nØkonomiske konsekvenser\n\n"
        for _ in 0..<1_000 { merged += "Der gives en tillægsbevilling på 1.000 kr. i 2025.\n\n" }
        for _ in 0..<20 { merged += "Udgiften er i alt 1 kr. over perioden 2025-2026.\n\n" }
        let mergedTotals = try CheckTests.findings(merged + "Beslutning\n\nGodkendt.\n").filter { $0.code == "TotalMatchesYears" }
        #expect(mergedTotals.count == 20)
        #expect(mergedTotals.allSatisfy { $0.locations.count == CheckContext.listedLimit + 1 && $0.messageDanish.contains("(1 budgetlinje; kun de første 50 steder i teksten er nævnt.)") })
    }

    // MARK: Random items

    static func randomItem(_ random: inout SplitMix64) -> String {
        let years = [2024, 2025, 2026, 2027]
        func year() -> Int { years[random.below(years.count)] }
        func value() -> Int { [100_000, 200_000, 300_000, 500_000, 600_000][random.below(5)] }
        let kinds = ["en tillægsbevilling på", "en anlægsbevilling på", "", "et rådighedsbeløb på"]
        func sentence() -> String {
            switch random.below(4) {
            case 0:
                let first = year()
                return "Udgiften er i alt \(value() * (1 + random.below(3))) kr. over perioden \(first)-\(first + 1 + random.below(2))."
            case 1: return "Der gives \(kinds[random.below(kinds.count)]) \(value()) kr. i \(year())."
            case 2: return "Der afsættes \(value()) kr. årligt i \(year())-\(year() + 1)."
            default: return "Beløbet på \(value()) kr. i \(year()) finansieres af kassebeholdningen."
            }
        }
        var text = "Punkt 1: Sag\n\nIndstillinger\n\n"
        for _ in 0..<random.below(4) { text += "at der gives \(kinds[random.below(kinds.count)]) \(value()) kr. i \(year()).\n\n" }
        text += "Økonomiske konsekvenser\n\n"
        for _ in 0..<random.below(6) { text += sentence() + "\n\n" }
        if random.below(2) == 0 {
            text += "Beløb i 1.000 kr.\n\n| | 2025 | 2026 | I alt |\n|---|---|---|---|\n"
            let rows = 1 + random.below(4)
            for row in 0..<rows { text += "| Post \(row) | \(random.below(5) * 100) | \(random.below(5) * 100) | \(random.below(9) * 100) |\n" }
            text += "| I alt | \(random.below(9) * 100) | \(random.below(9) * 100) | \(random.below(20) * 100) |\n"
            // Rows below the I alt row are not its parts.
            for row in 0..<random.below(3) { text += "| Efter \(row) | \(random.below(5) * 100) | \(random.below(5) * 100) | |\n" }
            text += "\n"
        }
        return text + "Beslutning\n\nGodkendt.\n"
    }

    // MARK: The plain comparisons

    static func reference(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        switch rule.check {
        case .totalsAddUp: totals(rule, context)
        case .repeatedGrantDiffers: repeated(rule, context)
        case .tableTotals: tables(rule, context)
        default: []
        }
    }

    static func totals(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let totals = context.ownAmounts.filter { $0.recurrence == .totalOverPeriod && $0.years.count > 1 && !$0.isFromTable }
        return totals.compactMap { total in
            let yearly = context.lines.filter { line in
                guard let year = line.year else { return false }
                return total.years.contains(year) && !line.sources.contains(total.location) && line.net != 0
                    && (line.kind == total.kind || line.kind == .unknown || total.kind == .unknown)
            }
            guard !yearly.isEmpty else { return nil }
            let sum = yearly.map(\.amount).reduce(0, +)
            let magnitude = sum < 0 ? -sum : sum
            guard magnitude != abs(total.value) else { return nil }
            return context.finding(
                rule,
                danish: "Årenes beløb giver \(kroner(sum)), men totalen for \(total.years.first!)–\(total.years.last!) er angivet til \(kroner(total.value)).",
                english: "The years' amounts add up to \(kroner(sum)), but the total for \(total.years.first!)–\(total.years.last!) is stated as \(kroner(total.value)).",
                at: [total.location] + yearly.flatMap(\.sources))
        }
    }

    static func repeated(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let text = context.ownAmounts.filter { !$0.isFromTable && !$0.years.isEmpty }
        let recommended = text.filter { $0.section == .recommendation }
        let stated = text.filter { $0.section == .economy }
        var findings: [Finding] = []
        for amount in recommended {
            let sameYears = stated.filter { $0.years == amount.years && $0.recurrence == amount.recurrence }
            guard !sameYears.isEmpty, !sameYears.contains(where: { $0.value == amount.value }),
                !recommended.contains(where: { other in sameYears.contains { $0.value == other.value } })
            else { continue }
            findings.append(
                context.finding(
                    rule,
                    danish: "Indstillingen nævner \(kroner(amount.value)), Økonomiske konsekvenser \(sameYears.map { kroner($0.value) }.joined(separator: ", ")) for de samme år.",
                    english: "The recommendation names \(kroner(amount.value)), the economy section \(sameYears.map { kroner($0.value) }.joined(separator: ", ")) for the same years.",
                    at: [amount.location] + sameYears.map(\.location)))
        }
        return findings
    }

    static func tables(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for section in context.item.sections {
            for case .table(let table) in section.blocks {
                let cells = context.item.amounts.filter {
                    ($0.pattern == "table-cell" || $0.pattern == "table-total-column") && (table.firstLine...table.lastLine).contains($0.location.line)
                }
                let yearCells = cells.filter { $0.years.count == 1 }
                for total in yearCells.filter(\.isTotal) {
                    let year = total.years[0]
                    let parts = yearCells.filter { !$0.isTotal && $0.years == [year] && $0.location.line < total.location.line }
                    let sum = parts.map(\.value).reduce(0, +)
                    guard !parts.isEmpty, !TableRowsSumToTotal.withinRounding(sum, total, parts: parts.count) else { continue }
                    findings.append(
                        context.finding(
                            rule,
                            danish: "Tabellens rækker for \(year) giver \(kroner(sum)), men I alt-rækken siger \(kroner(total.value)).",
                            english: "The table's rows for \(year) add up to \(kroner(sum)), but the I alt row says \(kroner(total.value)).",
                            at: [total.location] + parts.map(\.location)))
                }
                for total in cells.filter({ $0.isTotal && $0.years.count > 1 }) {
                    let parts = cells.filter { $0.location.line == total.location.line && $0.years.count == 1 }
                    let sum = parts.map(\.value).reduce(0, +)
                    guard !parts.isEmpty, !TableRowsSumToTotal.withinRounding(sum, total, parts: parts.count) else { continue }
                    findings.append(
                        context.finding(
                            rule,
                            danish: "Rækkens år giver \(kroner(sum)), men I alt-kolonnen siger \(kroner(total.value)).",
                            english: "The row's years add up to \(kroner(sum)), but the I alt column says \(kroner(total.value)).",
                            at: [total.location]))
                }
            }
        }
        return findings
    }
}
