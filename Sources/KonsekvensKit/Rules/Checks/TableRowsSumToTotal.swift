import Foundation

/// TableRowsSumToTotal: in a table with a column per year, the rows add up to the I alt row in
/// each year, and each row's years add up to its I alt column.
///
/// The cells are sorted by line once and each table's found by bisection, and a total row's
/// parts summed by year in one pass, so an item of thousands of tables costs time in their
/// cells, not in tables times cells.
enum TableRowsSumToTotal {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let cells = context.item.amounts.enumerated()
            .filter { $0.element.pattern == "table-cell" || $0.element.pattern == "table-total-column" }
            .sorted { ($0.element.location.line, $0.offset) < ($1.element.location.line, $1.offset) }
        guard !cells.isEmpty else { return [] }
        var findings: [Finding] = []
        for section in context.item.sections {
            for case .table(let table) in section.blocks {
                let first = cells.partitionIndex(where: { $0.element.location.line >= table.firstLine })
                let end = cells.partitionIndex(where: { $0.element.location.line > table.lastLine })
                guard first < end else { continue }
                let byLine = cells[first..<end].map(\.element)
                // In the order they were found, as the findings are listed.
                let found = cells[first..<end].sorted { $0.offset < $1.offset }.map(\.element)
                findings += rowsAgainstTotalRow(found, byLine: byLine, rule, context)
                findings += yearsAgainstTotalColumn(found, rule, context)
            }
        }
        return findings
    }

    /// A table in 1.000 kr. or mio. kr. rounds each cell: a sum may miss its total by half a
    /// unit per cell ("0,1 + 0,1 + 0,1 = 0,3" rounds differently than 0,25 + 0,25 + 0,25).
    static func withinRounding(_ sum: Decimal, _ total: Amount, parts: Int) -> Bool {
        let lower = total.unit.fastLowercased()
        // Half the unit a cell is rounded to, written out: a Decimal division costs some 50.000
        // instructions (callgrind). "mio." tables are rounded to a decimal, 100.000 kr.
        let halfUnit: Decimal = lower.hasPrefix("mio") ? 50_000 : lower.hasPrefix("1.000") ? 500 : 0
        guard halfUnit > 0 else { return sum == total.value }
        return abs(sum - total.value) <= halfUnit * Decimal(parts)
    }

    private static func rowsAgainstTotalRow(_ cells: [Amount], byLine: [Amount], _ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let totalRow = cells.filter { $0.years.count == 1 && $0.isTotal }
        guard !totalRow.isEmpty else { return [] }
        // Each year's rows in line order, with the running sum of their values.
        var columns: [Int: (cells: [Amount], running: [Decimal])] = [:]
        for cell in byLine where cell.years.count == 1 && !cell.isTotal {
            var column = columns[cell.years[0]] ?? ([], [0])
            column.cells.append(cell)
            column.running.append(column.running.last!.plus(cell.value))
            columns[cell.years[0]] = column
        }
        return totalRow.compactMap { total in
            let year = total.years[0]
            guard let column = columns[year] else { return nil }
            let count = column.cells.partitionIndex(where: { $0.location.line >= total.location.line })
            let sum = column.running[count]
            guard count > 0, !withinRounding(sum, total, parts: count) else { return nil }
            let listed = column.cells.prefix(min(count, CheckContext.listedLimit))
            let more = count > listed.count
                ? (danish: " (\(count) rækker; de første \(listed.count) er nævnt.)", english: " (\(count) rows; the first \(listed.count) are named.)")
                : (danish: "", english: "")
            let (sumShown, totalShown) = (kroner(sum), kroner(total.value))
            return context.finding(
                rule,
                danish: "Tabellens rækker for \(year) giver \(sumShown), men I alt-rækken siger \(totalShown).\(more.danish)",
                english: "The table's rows for \(year) add up to \(sumShown), but the I alt row says \(totalShown).\(more.english)",
                at: [total.location] + listed.map(\.location))
        }
    }

    private static func yearsAgainstTotalColumn(_ cells: [Amount], _ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let columnTotals = cells.filter { $0.isTotal && $0.years.count > 1 }
        guard !columnTotals.isEmpty else { return [] }
        // Each line's year cells: their sum and number.
        var rows: [Int: (sum: Decimal, count: Int)] = [:]
        for cell in cells where cell.years.count == 1 {
            let row = rows[cell.location.line] ?? (0, 0)
            rows[cell.location.line] = (row.sum.plus(cell.value), row.count + 1)
        }
        return columnTotals.compactMap { total in
            guard let (sum, count) = rows[total.location.line], !withinRounding(sum, total, parts: count) else { return nil }
            let (sumShown, totalShown) = (kroner(sum), kroner(total.value))
            return context.finding(
                rule,
                danish: "Rækkens år giver \(sumShown), men I alt-kolonnen siger \(totalShown).",
                english: "The row's years add up to \(sumShown), but the I alt column says \(totalShown).",
                at: [total.location])
        }
    }
}

extension RandomAccessCollection {
    /// The first index whose element satisfies `predicate`, in a collection where every element
    /// that satisfies it follows every one that does not (bisection).
    func partitionIndex(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if predicate(self[middle]) { high = middle } else { low = index(after: middle) }
        }
        return low
    }
}
