/// FinancingConditionOpen: the decision approves on a condition about financing
/// ("Godkendt idet finansiering indenfor rammen undersøges"), or financing is named but not settled.
enum FinancingConditionOpen {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        if let decision = context.item.decision, let condition = decision.condition,
            condition.includes("finansier") || condition.includes("dækkes") || condition.includes("budget")
        {
            findings.append(
                context.finding(
                    rule,
                    danish: "\(decision.body ?? "Beslutningen") godkendte på betingelse om finansiering: »\(condition)«.",
                    english: "\(decision.body ?? "The decision") approved on a condition about financing: “\(condition)”.",
                    at: [decision.location]))
        }
        let unsettled = context.item.amounts.filter { if case .unsettled = $0.financing { true } else { false } }
        if !unsettled.isEmpty, findings.isEmpty {
            findings.append(
                context.finding(
                    rule, danish: "Finansieringen er nævnt, men ikke afklaret.", english: "Financing is named but not settled.",
                    at: unsettled.map(\.location)))
        }
        return findings
    }
}
