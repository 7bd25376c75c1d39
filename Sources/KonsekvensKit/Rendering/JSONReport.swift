/// Renders an ``AnalysisReport`` as JSON in the documented shape (README, "JSON report").
public enum JSONReport {
    /// Bumped when a field changes meaning or disappears; adding fields keeps the version.
    public static let schemaVersion = 1

    /// The report as pretty-printed JSON.
    public static func render(_ report: AnalysisReport) -> String {
        JSONValue.object([
            ("schemaVersion", .int(schemaVersion)),
            ("statusFilter", .string(report.statusFilter.rawValue)),
            ("rules", .optional(report.rulesOrigin)),
            ("populationTable", .optional(report.populationTable)),
            ("unusedRules", .array(report.unusedRules.map(JSONValue.string))),
            ("cases", .array(report.cases.map(caseTrack))),
            ("documents", .array(report.documents.map { document($0, impact: report.impact(of: $0), statusFilter: report.statusFilter) })),
            ("errors", .array(report.errors.map { .object([("path", .string($0.path)), ("message", .string($0.description))]) })),
        ]).serialized()
    }

    /// A document's object; with `deferringSuperseded`, a budget line of a case gets its
    /// `supersededBy` as a deferred value, filled in when the run is over.
    static func document(
        _ document: Document, impact: DocumentImpact?, statusFilter: StatusFilter, deferringSuperseded: Bool = false
    ) -> JSONValue {
        let rules = Dictionary(
            (impact?.placements ?? []).map { ($0.amount.location, $0) }, uniquingKeysWith: { first, _ in first })
        var members: [(String, JSONValue)] = [
            ("source", .string(document.source)),
            ("encoding", .string(document.encoding.rawValue)),
            ("format", .string(document.format.rawValue)),
            ("municipality", .optional(document.municipality)),
            ("meeting", meeting(document.meeting)),
            ("tableOfContents", .array(document.tableOfContents.map(JSONValue.string))),
            ("items", .array(document.items.map { item($0, placements: rules) })),
            ("diagnostics", .array(document.diagnostics.map(diagnostic))),
        ]
        if let impact {
            let balance = impact.reconciliation
            members += [
                ("budgetLines", .array(impact.budgetLines.filter(statusFilter.shows).map { budgetLine($0, deferringSuperseded: deferringSuperseded) })),
                ("findings", .array(impact.findings.map(finding))),
                ("reconciliation", .object([
                    ("amountsFound", .int(balance.found)), ("inBudgetLines", .int(balance.inBudgetLines)),
                    ("context", .int(balance.context)), ("unplaced", .int(balance.unplaced)), ("balances", .bool(balance.balances)),
                ])),
            ]
        }
        return .object(members)
    }

    static func caseTrack(_ track: CaseTrack) -> JSONValue {
        .object([
            ("caseNumber", .string(track.caseNumber)),
            ("counted", .string(track.counted.meeting)),
            ("steps", .array(track.steps.map { step in
                .object([
                    ("source", .string(step.source)), ("item", .optional(step.itemNumber)), ("body", .optional(step.body)),
                    ("date", .optional(step.date?.description)), ("status", .string(step.status.rawValue)),
                ])
            })),
        ])
    }

    static func budgetLine(_ line: BudgetLine, deferringSuperseded: Bool = false) -> JSONValue {
        let superseded: JSONValue = deferringSuperseded
            ? line.caseNumber.map { .deferred(CaseLedger.Key(source: line.source, caseNumber: $0).encoded) } ?? .null
            : .optional(line.supersededBy)
        return .object([
            ("item", .optional(line.itemNumber)),
            ("caseNumber", .optional(line.caseNumber)),
            ("year", .optional(line.year)),
            ("periodYears", .array(line.periodYears.map(JSONValue.int))),
            ("amount", .decimal(line.amount)),
            ("net", .decimal(line.net)),
            ("kind", .string(line.kind.rawValue)),
            ("area", .optional(line.area?.rawValue)),
            ("financing", .string(line.financing.code)),
            ("status", .string(line.status.rawValue)),
            ("decidedBy", .optional(line.decidedBy)),
            ("decidedOn", .optional(line.decidedOn?.description)),
            ("rule", .string(line.rule)),
            ("supersededBy", superseded),
            ("sources", .array(line.sources.map { .int($0.line) })),
            ("quote", .string(line.quote)),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("severity", .string(finding.severity.rawValue)),
            ("code", .string(finding.code)),
            ("item", .optional(finding.itemNumber)),
            ("messageDa", .string(finding.messageDanish)),
            ("messageEn", .string(finding.messageEnglish)),
            ("lines", .array(finding.locations.map { .int($0.line) })),
        ])
    }

    static func meeting(_ meeting: Meeting) -> JSONValue {
        .object([
            ("body", .optional(meeting.body)),
            ("date", .optional(meeting.date?.description)),
            ("place", .optional(meeting.place)),
            ("participants", .array(meeting.participants.map(JSONValue.string))),
        ])
    }

    static func item(_ item: AgendaItem, placements: [SourceLocation: AmountPlacement]) -> JSONValue {
        .object([
            ("number", .optional(item.number)),
            ("title", .string(item.title)),
            ("closed", .bool(item.closed)),
            ("line", .int(item.location.line)),
            ("caseNumber", .optional(item.caseNumber)),
            ("journalNumber", .optional(item.journalNumber)),
            ("documentNumber", .optional(item.documentNumber)),
            ("caseType", .optional(item.caseType)),
            ("sections", .array(item.sections.map(section))),
            ("decision", item.decision.map(decision) ?? .null),
            ("decisions", .array(item.decisions.map(decision))),
            ("amounts", .array(item.amounts.map { amount($0, placement: placements[$0.location]) })),
        ])
    }

    static func section(_ section: Section) -> JSONValue {
        .object([
            ("name", .string(section.name)),
            ("kind", .string(section.kind.rawValue)),
            ("firstLine", .int(section.firstLine)),
            ("lastLine", .int(section.lastLine)),
            ("tables", .int(section.tableCount)),
        ])
    }

    static func decision(_ decision: Decision) -> JSONValue {
        .object([
            ("text", .string(decision.text)),
            ("line", .int(decision.location.line)),
            ("heading", .string(decision.heading)),
            ("body", .optional(decision.body)),
            ("date", .optional(decision.date?.description)),
            ("status", .string(decision.status.rawValue)),
            ("condition", .optional(decision.condition)),
            ("grantsAppropriation", .bool(decision.grantsAppropriation)),
        ])
    }

    static func amount(_ amount: Amount, placement: AmountPlacement?) -> JSONValue {
        let disposition: String? = placement.map {
            switch $0.disposition {
            case .budgetLine: "budget-line"
            case .context: "context"
            case .unplaced: "unplaced"
            }
        }
        return .object([
            ("text", .string(amount.text)),
            ("value", .decimal(amount.value)),
            ("low", amount.low.map(JSONValue.decimal) ?? .null),
            ("high", amount.high.map(JSONValue.decimal) ?? .null),
            ("approximate", .bool(amount.approximate)),
            ("unit", .string(amount.unit)),
            ("line", .int(amount.location.line)),
            ("column", .int(amount.location.column)),
            ("section", .string(amount.section.rawValue)),
            ("years", .array(amount.years.map(JSONValue.int))),
            ("recurrence", .string(amount.recurrence.rawValue)),
            ("payer", .string(amount.payer.code)),
            ("kind", .string(amount.kind.rawValue)),
            ("sign", .string(amount.sign.rawValue)),
            ("financing", .string(amount.financing.code)),
            ("area", .optional(amount.area?.rawValue)),
            ("rate", .optional(amount.rate)),
            ("total", .bool(amount.isTotal)),
            ("distributionKey", .optional(amount.distributionKey?.rawValue)),
            ("rowLabel", .optional(amount.rowLabel)),
            ("pattern", .string(amount.pattern)),
            ("placement", .optional(disposition)),
            ("rule", .optional(placement?.rule)),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
            ("line", .int(diagnostic.location.line)),
        ])
    }
}
