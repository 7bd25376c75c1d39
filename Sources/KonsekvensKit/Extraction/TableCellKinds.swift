import Foundation

/// The kind of money a year table's cells are, where the text names it. A table with a column
/// per year restates what the text grants ("at der gives en tillægsbevilling på 1.275.000 kr.
/// i 2025" over "Drift, løn 1.425 / Drift, vikarer ÷ 150"), and the rules take the table's cells
/// as the budget lines; but a cell names no kind, so the grant's kind was lost, and with it the
/// check that a tillægsbevilling states its financing.
///
/// The cells of one year in Indstillinger and Økonomiske konsekvenser whose sum is exactly a
/// text amount of that year (all of them, or those of the amount's drift or anlæg, or the one
/// cell of that value) take the amount's kind. Only kinds that name money are given: a
/// frigivelse, omplacering or overførsel changes a line's net effect, and an anlægsbevilling is
/// a project's total, so their cells keep what they had.
///
/// A cell that neither its row nor the text names is read by the sign convention of a table of
/// consequences (../shared/DOMAIN.md: "+ angiver merforbrug/mindreindtægt, − angiver
/// mindreforbrug/merindtægt"): a merudgift or mindreudgift, or in a row of income ("Drift,
/// forældrebetaling") a mindreindtægt or merindtægt; money from a pool, budgeted for the
/// purpose, is none of them. The kind names the line; its net effect is the cell's
/// sign as before.
enum TableCellKinds {
    /// The kinds a text amount gives the cells that sum to it.
    static let given: Set<AmountKind> = [
        .supplementaryGrant, .coFinancing, .subsidy, .saving, .additionalExpense, .additionalIncome, .reducedIncome,
        .reducedExpense, .availableAmount,
    ]

    /// Gives `amounts`, one item's, the kinds their text states for its year tables' cells.
    ///
    /// Each year's cells, and each year's drift and anlæg cells, are summed once, and each set is
    /// given a kind once (and once more where a grant follows another kind): an item of
    /// thousands of amounts and cells stays linear in them.
    static func apply(to amounts: inout [Amount]) {
        var groups: [Group: Cells] = [:]
        // The cells by year and value, for an amount that is one cell.
        var single: [Single: [Int]] = [:]
        var cells: [Int] = []
        for (index, amount) in amounts.enumerated()
        where amount.pattern == "table-cell" && !amount.isTotal && amount.years.count == 1 && sections.contains(amount.section) {
            groups[Group(year: amount.years[0], area: nil), default: Cells()].add(index, amount)
            if let area = amount.area { groups[Group(year: amount.years[0], area: area), default: Cells()].add(index, amount) }
            single[Single(year: amount.years[0], value: amount.signedValue), default: []].append(index)
            cells.append(index)
        }
        guard !cells.isEmpty else { return }
        for amount in amounts where states(amount) {
            let value = amount.signedValue
            // A grant's parts are the grant, whatever their rows call them; other cells keep a kind
            // their row names.
            let isGrant = amount.kind.isGrant
            func give(_ index: Int) {
                if amounts[index].kind == .unknown || (isGrant && !amounts[index].kind.isGrant) { amounts[index].kind = amount.kind }
            }
            for year in amount.years {
                let all = Group(year: year, area: nil)
                let group = groups[all]?.sum == value ? all : amount.area.map { Group(year: year, area: $0) }
                if let group, var parts = groups[group], parts.sum == value {
                    if let given = parts.givenKind, given.isGrant || !isGrant { continue }
                    parts.indices.forEach(give)
                    parts.givenKind = amount.kind
                    groups[group] = parts
                } else if let match = single[Single(year: year, value: value)], match.count == 1 {
                    give(match[0])
                }
            }
        }
        for index in cells where amounts[index].kind == .unknown { amounts[index].kind = byConvention(amounts[index]) ?? .unknown }
    }

    /// The kind of a cell of a table of consequences that names none, by its sign and whether
    /// its row is income; none for a pool's money, which is budgeted for the purpose: spent, not
    /// spent more. (Money spent more within the frame is a merudgift met elsewhere in it.)
    static func byConvention(_ cell: Amount) -> AmountKind? {
        if case .pool = cell.financing { return nil }
        let income = cell.rowLabel.map { label in
            let lower = label.fastLowercased()
            return incomeWords.contains { lower.contains($0) }
        } ?? false
        switch (cell.signedValue < 0, income) {
        case (false, false): return .additionalExpense
        case (true, false): return .reducedExpense
        case (true, true): return .additionalIncome
        case (false, true): return .reducedIncome
        }
    }

    /// The kinds the sign convention gives.
    static let byTheSign: Set<AmountKind> = [.additionalExpense, .reducedExpense, .additionalIncome, .reducedIncome]

    /// Words of a row label that make its row income.
    static let incomeWords = ["indtægt", "betaling", "refusion"]

    /// Whether a text amount names the kind of the cells that sum to it: the kommune's own money
    /// of a kind in ``given``, in Indstillinger or Økonomiske konsekvenser, a single figure a year.
    static func states(_ amount: Amount) -> Bool {
        guard !amount.isFromTable, given.contains(amount.kind), amount.payer == .own, amount.rate == nil, amount.sign != .context,
            amount.low == nil, sections.contains(amount.section)
        else { return false }
        switch amount.recurrence {
        case .oneTime, .annual, .openEnded, .unknown: return true
        default: return false
        }
    }

    /// A year and a cell's value.
    struct Single: Hashable {
        var year: Int
        var value: Decimal
    }

    /// A year's cells, or its drift or anlæg cells.
    struct Group: Hashable {
        var year: Int
        var area: BudgetArea?
    }

    /// The cells of a ``Group``, their sum, and the kind given them, if any.
    struct Cells {
        var indices: [Int] = []
        var sum = Decimal()
        var givenKind: AmountKind?

        mutating func add(_ index: Int, _ amount: Amount) {
            indices.append(index)
            sum += amount.signedValue
        }
    }

    /// The sections whose tables state what is granted.
    static let sections: Set<SectionKind> = [.recommendation, .economy]
}
