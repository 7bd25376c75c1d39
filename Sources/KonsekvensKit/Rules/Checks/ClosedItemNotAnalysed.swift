/// ClosedItemNotAnalysed: a closed item has no text to analyse; it is listed so nobody thinks it was.
enum ClosedItemNotAnalysed {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        guard context.item.closed else { return [] }
        return [
            context.finding(
                rule, danish: "Lukket punkt: ingen tekst at analysere.", english: "Closed item: no text to analyse.",
                at: [context.item.location])
        ]
    }
}

/// AmountNotPlaced: an amount that no placement rule could place.
enum AmountNotPlaced {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        context.placements.filter { $0.disposition == .unplaced }.map { placement in
            // Formatted once for both messages: a Decimal's formatting is some 13.000 instructions.
            let value = kroner(placement.amount.value)
            return context.finding(
                rule,
                danish: "Beløbet \(placement.amount.text) (\(value)) kunne ikke placeres af nogen regel.",
                english: "The amount \(placement.amount.text) (\(value)) was not placed by any rule.",
                at: [placement.amount.location])
        }
    }
}

/// AmountNotRead: money written with a number too large to be an amount; it is in no budget
/// line, so the report says where it stands.
enum AmountNotRead {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        context.item.unreadAmounts.map { unread in
            context.finding(
                rule,
                danish: "Beløbet »\(unread.text)« er ikke læst: tallet er for stort til at være et beløb (over 15 cifre eller 10^15 kr.). Tjek teksten.",
                english: "The amount »\(unread.text)« was not read: the number is too large to be an amount (over 15 digits or 10^15 kr.). Check the text.",
                at: [unread.location])
        }
    }
}

/// ApprovalIsNotAGrant: lines approved by a body other than the kommunalbestyrelse or byråd
/// are not yet appropriations (Styrelsesloven § 40).
enum ApprovalIsNotAGrant {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        guard let decision = context.item.decision, decision.status.isApproval, !decision.grantsAppropriation,
            context.lines.contains(where: { $0.net != 0 })
        else { return [] }
        let body = decision.body ?? "et andet organ end kommunalbestyrelsen"
        return [
            context.finding(
                rule,
                danish: "Godkendt af \(body): ikke en bevilling, før kommunalbestyrelsen har besluttet (Styrelseslovens § 40).",
                english: "Approved by \(body): not an appropriation until the kommunalbestyrelse decides (Styrelsesloven § 40).",
                at: [decision.location])
        ]
    }
}
