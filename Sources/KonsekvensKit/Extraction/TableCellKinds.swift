import Foundation

/// The kind of money a year table's cells are, where the text names it. A table with a column
/// per year restates what the text grants ("at der gives en tillægsbevilling på 1.275.000 kr.
/// i 2025" over "Drift, løn 1.425 / Drift, vikarer ÷ 150"), and the rules take the table's cells
/// as the budget lines; but a cell names no kind, so the grant's kind was lost, and with it the
/// check that a tillægsbevilling states its financing.
///
/// The cells of one year in Indstillinger and Økonomiske konsekvenser whose sum is exactly a
/// text amount of that year (all of them, or those of the amount's drift or anlæg, or the one
/// cell of that value) take the amount's kind. A frigivelse is given too: cells that are
/// exactly the rådighedsbeløb the text releases ("De afsatte rådighedsbeløb på 8,2 mio. kr. i
/// 2025 … frigives" over "Anlæg 8.200") are money already budgeted, of no net effect, not a
/// merudgift paid from cash; and a grant of the same money does not make them new money. An
/// omplacering or overførsel changes a line's net effect in ways a sum cannot tell, and an
/// anlægsbevilling is a project's total, so their cells keep what they had.
///
/// A cell that neither its row nor the text names is read by the sign convention of a table of
/// consequences (../shared/DOMAIN.md: "+ angiver merforbrug/mindreindtægt, − angiver
/// mindreforbrug/merindtægt"): a merudgift or mindreudgift, or in a row of income ("Drift,
/// forældrebetaling") a mindreindtægt or merindtægt; money from a pool, budgeted for the
/// purpose, is none of them. The kind names the line; its net effect is the cell's
/// sign as before.
enum TableCellKinds {
    /// Whether a text amount of `kind` gives it to the cells that sum to it.
    static func gives(_ kind: AmountKind) -> Bool {
        switch kind {
        case .supplementaryGrant, .coFinancing, .subsidy, .saving, .additionalExpense, .additionalIncome, .reducedIncome, .reducedExpense,
            .availableAmount, .release:
            true
        case .constructionGrant, .reallocation, .carryOver, .unknown: false
        }
    }

    /// Gives `amounts`, one item's, the kinds their text states for its year tables' cells.
    ///
    /// Each year's cells, and each year's drift and anlæg cells, are summed once, and each set is
    /// given a kind once (and once more where a grant follows another kind): an item of
    /// thousands of amounts and cells stays linear in them. Only the years of a text amount
    /// that names a kind are summed: most items have none.
    static func apply(to amounts: inout [Amount]) {
        // The year cells and the budget follow-up's deviations, found in one pass.
        var cells: [Int] = []
        var deviations: [Int] = []
        for index in amounts.indices {
            let amount = amounts[index]
            guard isStatement(amount.section), !amount.isTotal, amount.years.count == 1 else { continue }
            let pattern = amount.pattern
            if pattern == Amount.yearTableCell {
                cells.append(index)
            } else if pattern == TableAmounts.deviationPattern {
                deviations.append(index)
            }
        }
        if !deviations.isEmpty {
            cells += grantDeviations(deviations, in: &amounts)
            cells.sort()
        }
        guard !cells.isEmpty else { return }
        // Releases first: a grant of the same money, read before or after, does not make the
        // cells a release is new money.
        let statements = amounts.indices.filter { states(amounts[$0]) }
        let stated = statements.filter { amounts[$0].kind == .release } + statements.filter { amounts[$0].kind != .release }
        if !stated.isEmpty { giveStatedKinds(from: stated, to: cells, in: &amounts) }
        for index in cells where amounts[index].kind == .unknown { amounts[index].kind = byConvention(amounts[index]) ?? .unknown }
    }

    /// A budget follow-up's deviations of a year (``TableAmounts/deviationColumn(of:)``) are its
    /// tillægsbevillinger where the text grants their sum that year ("at der gives
    /// tillægsbevillinger til driften i 2025 på netto 3,1 mio. kr. …, jf. tabellen" over each
    /// udvalg's "Afvigelse"): they become the year's cells (``Amount/grantedDeviation``), and take
    /// the grant's kind and its drift or anlæg. A deviation nothing grants is a forecast, and
    /// stays as it was: no budget line.
    ///
    /// `deviations` are the indices of the item's deviations in Indstillinger and Økonomiske
    /// konsekvenser, not totals; the result, those that became year cells.
    static func grantDeviations(_ deviations: [Int], in amounts: inout [Amount]) -> [Int] {
        var sums: [Int: (indices: [Int], sum: Decimal)] = [:]
        for index in deviations {
            let year = amounts[index].years[0]
            sums[year, default: ([], Decimal())].indices.append(index)
            sums[year]?.sum += amounts[index].signedValue
        }
        var granted: [Int] = []
        for (year, deviations) in sums {
            guard
                let grant = amounts.first(where: {
                    states($0) && $0.kind == .supplementaryGrant && $0.years == [year] && $0.signedValue == deviations.sum
                })
            else { continue }
            for index in deviations.indices {
                amounts[index].pattern = Amount.grantedDeviation
                if amounts[index].area == nil { amounts[index].area = grant.area }
            }
            granted += deviations.indices
        }
        return granted
    }

    /// Gives the year cells `cells` the kinds of the text amounts `stated` they sum to.
    static func giveStatedKinds(from stated: [Int], to cells: [Int], in amounts: inout [Amount]) {
        let years = Set(stated.flatMap { amounts[$0].years })
        var groups: [Group: GroupSum] = [:]
        for index in cells where years.contains(amounts[index].years[0]) {
            let amount = amounts[index]
            groups[Group(year: amount.years[0], area: nil), default: GroupSum()].add(index, amount)
            if let area = amount.area { groups[Group(year: amount.years[0], area: area), default: GroupSum()].add(index, amount) }
        }
        // The cells by year and value, for an amount that is one cell: made when first asked.
        var single: [CellValue: [Int]]?
        for statedIndex in stated {
            let amount = amounts[statedIndex]
            let value = amount.signedValue
            // A grant's parts are the grant, whatever their rows call them; other cells keep a kind
            // their row names.
            let isGrant = amount.kind.isGrant
            // (Not a frigivelse, omplacering or overførsel row, nor a cell released: their kind
            // is their net effect.)
            func give(_ index: Int) {
                let kind = amounts[index].kind
                // Anlæg money (a frigivelse, a rådighedsbeløb) is not a drift row's.
                guard amount.kind.fits(amounts[index].area) else { return }
                // A rådighedsbeløb row's cell that the text releases is a frigivelse.
                if kind == .unknown || (amount.kind == .release && kind == .availableAmount)
                    || (isGrant && !kind.isGrant && gives(kind) && kind != .release)
                {
                    amounts[index].kind = amount.kind
                }
            }
            for year in amount.years {
                let all = Group(year: year, area: nil)
                let group = groups[all]?.sum == value ? all : amount.area.map { Group(year: year, area: $0) }
                if let group, var parts = groups[group], parts.sum == value {
                    if let given = parts.givenKind, given.isGrant || !isGrant { continue }
                    parts.indices.forEach(give)
                    parts.givenKind = amount.kind
                    groups[group] = parts
                    continue
                }
                if single == nil {
                    single = Dictionary(grouping: cells) { CellValue(year: amounts[$0].years[0], value: amounts[$0].signedValue) }
                }
                if let match = single?[CellValue(year: year, value: value)], match.count == 1 { give(match[0]) }
            }
        }
    }

    /// The kind of a cell of a table of consequences that names none, by its sign and whether
    /// its row is income; none for a pool's money, which is budgeted for the purpose: spent, not
    /// spent more. (Money spent more within the frame is a merudgift met elsewhere in it.)
    static func byConvention(_ cell: Amount) -> AmountKind? {
        if case .pool = cell.financing { return nil }
        let income = cell.rowLabel.map(incomeWords.occursAny(inLowercased:)) ?? false
        switch (cell.signedValue < 0, income) {
        case (false, false): return .additionalExpense
        case (true, false): return .reducedExpense
        case (true, true): return .additionalIncome
        case (false, true): return .reducedIncome
        }
    }

    /// Words of a row label that make its row income.
    static let incomeWords = NeedleSet(["indtægt", "betaling", "refusion"])

    /// Whether a text amount names the kind of the cells that sum to it: the kommune's own money
    /// of a kind it ``gives(_:)``, in Indstillinger or Økonomiske konsekvenser, a single figure a year.
    static func states(_ amount: Amount) -> Bool {
        guard gives(amount.kind), isStatement(amount.section), amount.payer == .own, amount.rate == nil, amount.sign != .context,
            amount.low == nil, !amount.isFromTable
        else { return false }
        switch amount.recurrence {
        case .oneTime, .annual, .openEnded, .unknown: return true
        default: return false
        }
    }

    /// A year and a cell's value.
    struct CellValue: Hashable {
        var year: Int
        var value: Decimal
    }

    /// A year's cells, or its drift or anlæg cells.
    struct Group: Hashable {
        var year: Int
        var area: BudgetArea?
    }

    /// The cells of a ``Group``: their indices, their sum, and the kind given them, if any.
    struct GroupSum {
        var indices: [Int] = []
        var sum = Decimal()
        var givenKind: AmountKind?

        mutating func add(_ index: Int, _ amount: Amount) {
            indices.append(index)
            sum += amount.signedValue
        }
    }

    /// Whether a section states what is granted: Indstillinger and Økonomiske konsekvenser.
    static func isStatement(_ section: SectionKind) -> Bool { section == .recommendation || section == .economy }
}
