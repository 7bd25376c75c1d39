/// Which meetings a run reports: a date range and a body (`--from`, `--to`, `--body`).
public struct CorpusFilter: Sendable, Hashable {
    public var from: MeetingDate?
    public var to: MeetingDate?
    /// Part of the body's name, without regard to case ("økonomiudvalg").
    public var body: String?

    public init(from: MeetingDate? = nil, to: MeetingDate? = nil, body: String? = nil) {
        self.from = from
        self.to = to
        self.body = body
    }

    public var isEmpty: Bool { from == nil && to == nil && body == nil }

    /// Whether a document's meeting passes. A meeting without a date fails a date range.
    public func admits(_ document: Document) -> Bool {
        if from != nil || to != nil {
            guard let date = document.meeting.date else { return false }
            if let from, date < from { return false }
            if let to, date > to { return false }
        }
        if let body, !(document.meeting.body ?? "").fastLowercased().contains(body.fastLowercased()) { return false }
        return true
    }
}
