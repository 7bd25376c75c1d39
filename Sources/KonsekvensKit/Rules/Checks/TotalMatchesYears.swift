import Foundation

/// TotalMatchesYears: the per-year amounts of an item add up to a total it states for their
/// period ("i alt 2 mio. kr. over perioden 2022-2025").
///
/// The lines are summed by year and kind once, so an item of many thousand totals and lines
/// (one agenda heading over a whole file) costs time in their number, not in its square.
enum TotalMatchesYears {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let totals = context.ownAmounts.filter { $0.recurrence == .totalOverPeriod && $0.years.count > 1 && !$0.isFromTable }
        guard !totals.isEmpty else { return [] }
        let index = YearIndex(context.lines)
        // The amounts on the lines of totals that disagree, gathered in one pass when first asked
        // (each total asking every amount would be quadratic in an item of thousands).
        var onTotalLines: [Int: [Amount]]?
        return totals.compactMap { total in
            let years = Set(total.years)
            // The lines a total may be compared with: its years', of its kind or of none (a
            // merudgift or mindreudgift counts as none: most are a table cell's sign).
            let kind = YearKind.comparable(total.kind)
            let groups: [Group] = years.sorted().flatMap { year in
                total.kind == .unknown ? [index.byYear[year]]
                    : kind == .unknown ? [index.byYearAndKind[YearKind(year, .unknown)]]
                    : [index.byYearAndKind[YearKind(year, kind)], index.byYearAndKind[YearKind(year, .unknown)]]
            }.compactMap { $0 }
            // The lines the total itself gave are not its parts.
            let own = Set((index.bySource[total.location] ?? []).filter { position in
                let lineKind = YearKind.comparable(context.lines[position].kind)
                return context.lines[position].year.map(years.contains) == true && (total.kind == .unknown || lineKind == kind || lineKind == .unknown)
            })
            let count = groups.reduce(0) { $0 + $1.positions.count } - own.count
            guard count > 0 else { return nil }
            // Exact for amounts as read (at most 15 digits and 10^15 kr.): a Decimal holds 38 digits.
            let sum = groups.reduce(Decimal(0)) { $0.plus($1.sum) }.minus(own.reduce(Decimal(0)) { $0.plus(context.lines[$1].amount) })
            let magnitude = sum < 0 ? -sum : sum
            guard magnitude != abs(total.value) else { return nil }
            // "rådighedsbeløb på i alt 10,0 mio. kr. …, fordelt med 8,2 mio. kr. i 2025 og 1,8 mio. kr.
            // i 2026": a total split into its years on its own line is checked there, by its words.
            if onTotalLines == nil {
                let lines = Set(totals.map(\.location.line))
                onTotalLines = Dictionary(grouping: context.ownAmounts.filter { lines.contains($0.location.line) }, by: \.location.line)
            }
            if isSplit(total, into: onTotalLines?[total.location.line] ?? []) { return nil }
            // The first lines in report order: each group is in order, so they are among its first.
            // A merged line carries a place per mention, so the places are capped as well.
            let limit = CheckContext.listedLimit
            let listed = groups.flatMap { $0.positions.lazy.filter { !own.contains($0) }.prefix(limit) }.sorted().prefix(limit)
            // (A loop: the lazy flattening copied into an array was a fifth of this check, callgrind.)
            var places: [SourceLocation] = []
            places.reserveCapacity(limit + 1)
            gathering: for position in listed {
                for source in context.lines[position].sources {
                    places.append(source)
                    if places.count > limit { break gathering }
                }
            }
            let capped = count > listed.count || places.count > limit
            let period = "\(years.min()!)–\(years.max()!)"
            // Formatted once for both messages: a Decimal's formatting is some 13.000 instructions.
            let (sumShown, totalShown) = (kroner(sum), kroner(total.value))
            return context.finding(
                rule,
                danish: "Årenes beløb giver \(sumShown), men totalen for \(period) er angivet til \(totalShown)."
                    + (capped ? " (\(count) \(count == 1 ? "budgetlinje" : "budgetlinjer"); kun de første \(limit) steder i teksten er nævnt.)" : ""),
                english: "The years' amounts add up to \(sumShown), but the total for \(period) is stated as \(totalShown)."
                    + (capped ? " (\(count) \(count == 1 ? "budget line" : "budget lines"); only the first \(limit) places in the text are named.)" : ""),
                at: [total.location] + places.prefix(limit))
        }
    }

    /// Whether `amounts`, those on the total's line, of single years of its period, add up to it.
    /// A line of more than a sentence's few amounts (a table flattened into one line, a 10 MB
    /// line) is no split of one total, and is not searched for each of its totals.
    static func isSplit(_ total: Amount, into amounts: [Amount]) -> Bool {
        guard amounts.count <= 16 else { return false }
        let parts = amounts.filter { part in
            part.location != total.location && part.years.count == 1
                && total.years.contains(part.years[0]) && part.recurrence != .totalOverPeriod
        }
        return parts.count > 1 && parts.reduce(Decimal(0)) { $0 + $1.value } == total.value
    }

    private struct YearKind: Hashable {
        let year: Int
        let kind: AmountKind
        init(_ year: Int, _ kind: AmountKind) {
            self.year = year
            self.kind = Self.comparable(kind)
        }

        /// The kind a line is compared as: a budget effect (merudgift, …) as none.
        static func comparable(_ kind: AmountKind) -> AmountKind { kind.isBudgetEffect ? .unknown : kind }
    }

    /// Lines by position in report order, and the sum of their amounts.
    private struct Group {
        var positions: [Int] = []
        var sum: Decimal = 0

        mutating func add(_ position: Int, _ amount: Decimal) {
            positions.append(position)
            sum.add(amount)
        }
    }

    /// The item's lines with a year and a net effect, by year, by year and kind, and by source.
    private struct YearIndex {
        var byYear: [Int: Group] = [:]
        var byYearAndKind: [YearKind: Group] = [:]
        var bySource: [SourceLocation: [Int]] = [:]

        init(_ lines: [BudgetLine]) {
            for position in lines.indices {
                guard let year = lines[position].year, lines[position].net != 0 else { continue }
                let amount = lines[position].amount
                byYear[year, default: Group()].add(position, amount)
                byYearAndKind[YearKind(year, lines[position].kind), default: Group()].add(position, amount)
                for source in lines[position].sources { bySource[source, default: []].append(position) }
            }
        }
    }
}
