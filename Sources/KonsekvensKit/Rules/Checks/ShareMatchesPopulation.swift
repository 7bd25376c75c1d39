import Foundation

/// ShareMatchesPopulation: where a total is split "efter befolkningstal", the kommune's share
/// recomputed from the population table matches the amount the minutes state.
enum ShareMatchesPopulation {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let item = context.item
        let totals = item.amounts.filter { $0.distributionKey == .population && $0.payer != .own && $0.value > 0 }
        guard let total = totals.first(where: { $0.payer == .otherMunicipalities }) ?? totals.first else { return [] }
        guard let table = context.population, let municipality = context.document.municipality,
            let own = table.key(for: municipality), let ownPopulation = table.counts[own]
        else {
            return [
                context.finding(
                    rule, .note,
                    danish: "Fordeling efter befolkningstal kan ikke efterregnes: \(context.document.municipality ?? "kommunen") findes ikke i befolkningstabellen.",
                    english: "Population share cannot be recomputed: \(context.document.municipality ?? "the kommune") is not in the population table.",
                    at: [total.location])
            ]
        }
        // The kommuner named as paying separately ("Næstved Kommune medfinansierer …") are not in the split.
        let excluded = Set(item.amounts.compactMap { amount -> String? in
            if case .municipality(let name) = amount.payer { return table.key(for: name) }
            return nil
        })
        let group = table.counts.filter { !excluded.contains($0.key) }
        let groupPopulation = group.values.reduce(0, +)
        guard groupPopulation > 0 else { return [] }
        let share = total.value * Decimal(ownPopulation) / Decimal(groupPopulation)
        let candidates = context.ownAmounts.filter { $0.value > 0 && DecimalOrder.isLess($0.value, than: total.value) }
        // The closest, the first of equals as `min(by:)` finds it.
        guard let nearest = DecimalOrder.indexOfNearest(to: share, in: candidates.map(\.value)) else { return [] }
        let stated = candidates[nearest]
        let difference = stated.value - share
        var rounded = share, shown = Decimal()
        NSDecimalRound(&shown, &rounded, 2, .plain)
        var differenceShown = Decimal(), differenceValue = difference
        NSDecimalRound(&differenceShown, &differenceValue, 2, .plain)
        let kronerTolerance = rule.toleranceKroner ?? 1
        let percent = rule.tolerancePercent.map { abs(difference) * 100 / share <= $0 } ?? false
        let within = abs(difference) <= kronerTolerance || percent
        let basis = "\(kroner(total.value)) × \(DanishFormat.kroner(Decimal(ownPopulation))) / \(DanishFormat.kroner(Decimal(groupPopulation)))"
        let others = group.count - 1
        let verdictDanish = within ? "inden for tolerancen" : "uden for tolerancen"
        let verdictEnglish = within ? "within tolerance" : "outside tolerance"
        let (shareShown, statedShown, differenceText) = (kroner(shown), kroner(stated.value), kroner(differenceShown))
        return [
            context.finding(
                rule, within ? (rule.passSeverity ?? .note) : rule.severity,
                danish: "Andel efter befolkningstal: \(basis) = \(shareShown); angivet \(statedShown), forskel \(differenceText) (\(verdictDanish)). \(own) og \(others) andre kommuner; befolkningstal fra \(table.name).",
                english: "Population share: \(basis) = \(shareShown); stated \(statedShown), difference \(differenceText) (\(verdictEnglish)). \(own) and \(others) other kommuner; population from \(table.name).",
                at: [total.location, stated.location])
        ]
    }
}
