/// The meeting a set of minutes records.
public struct Meeting: Sendable, Hashable {
    /// The body that met ("Direktionen", "Økonomiudvalget").
    public var body: String?
    public var date: MeetingDate?
    /// Mødested.
    public var place: String?
    /// Mødedeltagere, when the minutes list them.
    public var participants: [String]
    /// The kommune that publishes the minutes, when a line above the meeting names it ("Sorø
    /// Kommune" → "Sorø").
    public var publisher: String? = nil

    public init(body: String? = nil, date: MeetingDate? = nil, place: String? = nil, participants: [String] = []) {
        self.body = body
        self.date = date
        self.place = place
        self.participants = participants
    }
}
