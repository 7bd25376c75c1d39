import Foundation

/// TableRowsSumToTotal: in a table with a column per year, the rows add up to the I alt row in
/// each year, and each row's years add up to its I alt column.
enum TableRowsSumToTotal {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for section in context.item.sections {
            for case .table(let table) in section.blocks {
                let cells = context.item.amounts.filter {
                    ($0.pattern == "table-cell" || $0.pattern == "table-total-column") && (table.firstLine...table.lastLine).contains($0.location.line)
                }
                findings += rowsAgainstTotalRow(cells, rule, context)
                findings += yearsAgainstTotalColumn(cells, rule, context)
            }
        }
        return findings
    }

    /// A table in 1.000 kr. or mio. kr. rounds each cell: a sum may miss its total by half a
    /// unit per cell ("0,1 + 0,1 + 0,1 = 0,3" rounds differently than 0,25 + 0,25 + 0,25).
    static func withinRounding(_ sum: Decimal, _ total: Amount, parts: Int) -> Bool {
        let lower = total.unit.fastLowercased()
        let unit: Decimal = lower.hasPrefix("mio") ? 100_000 : lower.hasPrefix("1.000") ? 1000 : 1
        guard unit > 1 else { return sum == total.value }
        return abs(sum - total.value) <= unit / 2 * Decimal(parts)
    }

    private static func rowsAgainstTotalRow(_ cells: [Amount], _ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let yearCells = cells.filter { $0.years.count == 1 }
        let totalRow = yearCells.filter(\.isTotal)
        guard !totalRow.isEmpty else { return [] }
        return totalRow.compactMap { total in
            let year = total.years[0]
            let parts = yearCells.filter { !$0.isTotal && $0.years == [year] && $0.location.line < total.location.line }
            let sum = parts.map(\.value).reduce(0, +)
            guard !parts.isEmpty, !withinRounding(sum, total, parts: parts.count) else { return nil }
            return context.finding(
                rule,
                danish: "Tabellens rækker for \(year) giver \(kroner(sum)), men I alt-rækken siger \(kroner(total.value)).",
                english: "The table's rows for \(year) add up to \(kroner(sum)), but the I alt row says \(kroner(total.value)).",
                at: [total.location] + parts.map(\.location))
        }
    }

    private static func yearsAgainstTotalColumn(_ cells: [Amount], _ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let columnTotals = cells.filter { $0.isTotal && $0.years.count > 1 }
        return columnTotals.compactMap { total in
            let parts = cells.filter { $0.location.line == total.location.line && $0.years.count == 1 }
            let sum = parts.map(\.value).reduce(0, +)
            guard !parts.isEmpty, !withinRounding(sum, total, parts: parts.count) else { return nil }
            return context.finding(
                rule,
                danish: "Rækkens år giver \(kroner(sum)), men I alt-kolonnen siger \(kroner(total.value)).",
                english: "The row's years add up to \(kroner(sum)), but the I alt column says \(kroner(total.value)).",
                at: [total.location])
        }
    }
}
