/// One agenda item (punkt) of a meeting.
public struct AgendaItem: Sendable, Hashable {
    /// The item's number, when the minutes give one.
    public var number: Int?
    public var title: String
    /// A closed item ("Lukket:") has no text to analyse; it is kept and marked, never dropped.
    public var closed: Bool
    /// Sagsnr. ("326-2021-16031", "24-007264", "EMN-2025-005495").
    public var caseNumber: String?
    /// J.nr., a KLE code ("24.10.00").
    public var journalNumber: String?
    /// Dokumentnr.
    public var documentNumber: String?
    /// Sagstype ("Beslutning", "Drøftelse").
    public var caseType: String?
    public var sections: [Section]
    /// The decisions recorded under the item, in source order (an item may carry an earlier
    /// body's decision as well as this meeting's).
    public var decisions: [Decision]
    /// The amounts of money found in the item's text (filled by extraction).
    public var amounts: [Amount] = []
    /// Money written with a number too large to be an amount (filled by extraction).
    public var unreadAmounts: [UnreadAmount] = []
    /// Where the item's heading stands.
    public var location: SourceLocation

    public init(
        number: Int?, title: String, closed: Bool = false, caseNumber: String? = nil,
        journalNumber: String? = nil, documentNumber: String? = nil, caseType: String? = nil,
        sections: [Section] = [], decisions: [Decision] = [], location: SourceLocation
    ) {
        self.number = number
        self.title = title
        self.closed = closed
        self.caseNumber = caseNumber
        self.journalNumber = journalNumber
        self.documentNumber = documentNumber
        self.caseType = caseType
        self.sections = sections
        self.decisions = decisions
        self.location = location
    }

    /// The item's decision: the last one recorded under it.
    public var decision: Decision? { decisions.last }

    /// The item's sections of one kind, in source order.
    public func sections(_ kind: SectionKind) -> [Section] {
        sections.filter { $0.kind == kind }
    }

    /// The last line that belongs to the item.
    public var lastLine: Int { sections.map(\.lastLine).max() ?? location.line }
}
