/// The decision recorded for an agenda item.
public struct Decision: Sendable, Hashable {
    /// The decision's words ("Godkendt idet finansiering indenfor rammen undersøges.").
    public var text: String
    /// The line of the decision's first words (not of its heading).
    public var location: SourceLocation
    /// The heading it stood under ("Direktionens møde den 3. maj 2021:", "Beslutning").
    public var heading: String
    /// The body that decided, when the heading names one ("Direktionen", "Økonomiudvalget").
    public var body: String?
    /// The date in the heading, when it gives one.
    public var date: MeetingDate?
    /// What was decided, read from the text by extraction.
    public var status: DecisionStatus = .none
    /// For an approval with conditions, the condition ("finansiering indenfor rammen undersøges").
    public var condition: String?

    /// Whether the deciding body can grant an appropriation: only the kommunalbestyrelse or
    /// byråd can (Styrelsesloven § 40); a Direktion's or udvalg's approval is not a grant.
    public var grantsAppropriation: Bool {
        let name = (body ?? "").fastLowercased()
        return name.includes("kommunalbestyrelse") || name.includes("byråd") || name.includes("borgerrepræsentation")
    }

    public init(text: String, location: SourceLocation, heading: String, body: String? = nil, date: MeetingDate? = nil) {
        self.text = text
        self.location = location
        self.heading = heading
        self.body = body
        self.date = date
    }
}
