/// RepeatedGrantDiffers: Indstillinger and Økonomiske konsekvenser name the same years but
/// different own amounts for them.
///
/// The economy section's amounts are grouped by their years once, so an item of many thousand
/// amounts costs time in their number, not in its square.
enum RepeatedGrantDiffers {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let text = context.ownAmounts.filter { !$0.isFromTable && !$0.years.isEmpty }
        let recommended = text.filter { $0.section == .recommendation }
        guard !recommended.isEmpty else { return [] }
        var stated: [Period: [Amount]] = [:]
        for amount in text where amount.section == .economy { stated[Period(amount), default: []].append(amount) }
        guard !stated.isEmpty else { return [] }
        // A period for which both sections name some same amount agrees, whatever else they name.
        let recommendedValues = Set(recommended.map(\.value))
        var agrees: [Period: Bool] = [:]
        var findings: [Finding] = []
        for amount in recommended {
            let period = Period(amount)
            guard let sameYears = stated[period] else { continue }
            let agreeing = agrees[period] ?? sameYears.contains { recommendedValues.contains($0.value) }
            agrees[period] = agreeing
            guard !agreeing else { continue }
            let listed = sameYears.prefix(CheckContext.listedLimit)
            let values = listed.map { kroner($0.value) }.joined(separator: ", ")
            let capped = sameYears.count > listed.count
            let recommendedValue = kroner(amount.value)
            findings.append(
                context.finding(
                    rule,
                    danish: "Indstillingen nævner \(recommendedValue), Økonomiske konsekvenser \(values)\(capped ? ", … (\(sameYears.count) beløb)" : "") for de samme år.",
                    english: "The recommendation names \(recommendedValue), the economy section \(values)\(capped ? ", … (\(sameYears.count) amounts)" : "") for the same years.",
                    at: [amount.location] + listed.map(\.location)))
        }
        return findings
    }

    /// An amount's years and how it recurs in them.
    private struct Period: Hashable {
        let years: [Int]
        let recurrence: Recurrence

        init(_ amount: Amount) {
            years = amount.years
            recurrence = amount.recurrence
        }
    }
}
