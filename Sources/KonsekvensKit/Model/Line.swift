/// One line of text as the reader saw it, with where it starts in the source file.
///
/// Markup (Markdown `#` and `**`, HTML tags and entities) is already removed from `text`.
public struct Line: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    /// How deeply nested the list item that starts on this line is: 1 for an item of a list,
    /// 2 for an item of a list inside it; 0 for a line that starts no list item, or whose
    /// layout does not say (only HTML's `<li>` does).
    public var listLevel: Int

    public init(_ text: String, at location: SourceLocation, listLevel: Int = 0) {
        self.text = text
        self.location = location
        self.listLevel = listLevel
    }
}
