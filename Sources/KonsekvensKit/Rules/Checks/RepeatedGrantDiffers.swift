/// RepeatedGrantDiffers: Indstillinger and Økonomiske konsekvenser name the same years but
/// different own amounts for them.
enum RepeatedGrantDiffers {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
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
}
