/// Money the minutes write that cannot be read as an amount: a number too large for any
/// kommune ("1234567890123456789012345678901234567890 kr."). It is not summed anywhere, and
/// the report names it, so nothing written as money disappears without a word.
public struct UnreadAmount: Sendable, Hashable {
    /// The text as written, number and unit.
    public var text: String
    public var location: SourceLocation
    public var section: SectionKind

    public init(text: String, location: SourceLocation, section: SectionKind) {
        self.text = text
        self.location = location
        self.section = section
    }
}
