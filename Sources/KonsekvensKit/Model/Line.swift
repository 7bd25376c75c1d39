/// One line of text as the reader saw it, with where it starts in the source file.
///
/// Markup (Markdown `#` and `**`, HTML tags and entities) is already removed from `text`.
public struct Line: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
