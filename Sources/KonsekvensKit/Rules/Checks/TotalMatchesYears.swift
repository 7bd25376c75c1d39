/// TotalMatchesYears: the per-year amounts of an item add up to a total it states for their
/// period ("i alt 2 mio. kr. over perioden 2022-2025").
enum TotalMatchesYears {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
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
}
