/// EconomyStatesNone: Økonomiske konsekvenser says "Ingen".
enum EconomyStatesNone {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        guard let section = context.economySaysNone else { return [] }
        return [
            context.finding(
                rule, danish: "Økonomiske konsekvenser: ingen.", english: "Economic consequences: none stated.",
                at: [section.lines.first?.location ?? section.heading])
        ]
    }
}

/// NoneButOwnAmount: Økonomiske konsekvenser says "Ingen" while the item names an own amount.
enum NoneButOwnAmount {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        guard let section = context.economySaysNone, !context.ownAmounts.isEmpty else { return [] }
        return [
            context.finding(
                rule,
                danish: "Økonomiske konsekvenser siger ingen, men punktet nævner \(context.ownAmounts.count) beløb for kommunens egen regning.",
                english: "The economy section says none, but the item names \(context.ownAmounts.count) amount(s) of the kommune's own.",
                at: [section.heading] + context.ownAmounts.map(\.location))
        ]
    }
}
