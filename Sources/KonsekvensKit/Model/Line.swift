/// One line of text as the reader saw it, with where it starts in the source file.
///
/// Markup (Markdown `#` and `**`, HTML tags and entities) is already removed from `text`.
public struct Line: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    /// How deeply nested the list item this line is in: 1 for an item of a list, 2 for an item
    /// of a list inside it; 0 outside lists. HTML says it by nested `<ol>`/`<ul>`, text by the
    /// indentation of the items' markers (set on the item's first line, and on its further
    /// paragraphs indented past the marker).
    public var listLevel: Int

    public init(_ text: String, at location: SourceLocation, listLevel: Int = 0) {
        self.text = text
        self.location = location
        self.listLevel = listLevel
    }
}
