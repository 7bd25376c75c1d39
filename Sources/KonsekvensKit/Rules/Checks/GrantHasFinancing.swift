/// GrantHasFinancing: every tillægsbevilling states how it is financed (Styrelsesloven § 40, stk. 3).
enum GrantHasFinancing {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let kinds = rule.kinds ?? [.supplementaryGrant]
        let unfinanced = context.lines.filter { kinds.contains($0.kind) && $0.net != 0 && $0.financing == .notStated }
        guard !unfinanced.isEmpty else { return [] }
        let names = Set(unfinanced.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        return [
            context.finding(
                rule,
                danish: "\(names.capitalizedFirst) uden angivet finansiering (Styrelseslovens § 40, stk. 3).",
                english: "\(names) with no financing stated (Styrelsesloven § 40, stk. 3).",
                at: Array(Set(unfinanced.flatMap(\.sources))))
        ]
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
