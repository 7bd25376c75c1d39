/// Renders an ``AnalysisReport`` as JSON in the documented shape (README, "JSON report").
public enum JSONReport {
    /// Bumped when a field changes meaning or disappears; adding fields keeps the version.
    public static let schemaVersion = 1

    public static func render(_ report: AnalysisReport) -> String {
        JSONValue.object([
            ("schemaVersion", .int(schemaVersion)),
            ("documents", .array(report.documents.map(document))),
            ("errors", .array(report.errors.map { .object([("path", .string($0.path)), ("message", .string($0.description))]) })),
        ]).serialized()
    }

    static func document(_ document: Document) -> JSONValue {
        .object([
            ("source", .string(document.source)),
            ("encoding", .string(document.encoding.rawValue)),
            ("format", .string(document.format.rawValue)),
            ("meeting", meeting(document.meeting)),
            ("tableOfContents", .array(document.tableOfContents.map(JSONValue.string))),
            ("items", .array(document.items.map(item))),
            ("diagnostics", .array(document.diagnostics.map(diagnostic))),
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

    static func item(_ item: AgendaItem) -> JSONValue {
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
            ("amounts", .array(item.amounts.map(amount))),
        ])
    }

    static func section(_ section: Section) -> JSONValue {
        .object([
            ("name", .string(section.name)),
            ("kind", .string(section.kind.rawValue)),
            ("firstLine", .int(section.firstLine)),
            ("lastLine", .int(section.lastLine)),
            ("tables", .int(section.blocks.filter { if case .table = $0 { true } else { false } }.count)),
        ])
    }

    static func decision(_ decision: Decision) -> JSONValue {
        .object([
            ("text", .string(decision.text)),
            ("line", .int(decision.location.line)),
            ("heading", .string(decision.heading)),
            ("body", .optional(decision.body)),
            ("date", .optional(decision.date?.description)),
        ])
    }

    static func amount(_ amount: Amount) -> JSONValue {
        .object([
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
