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

    /// Where the text goes on on a later source line, in order: an HTML paragraph hard-wrapped in
    /// its file is one line of text, and an amount in it is located on its own source line.
    public var wraps: [Wrap]

    /// A place in a line's text where the source goes on on another line.
    public struct Wrap: Sendable, Hashable {
        /// The UTF-8 offset in ``Line/text`` of the first byte from the later source line.
        public var offset: Int
        /// Where that byte stands in the source.
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    public init(_ text: String, at location: SourceLocation, listLevel: Int = 0, wraps: [Wrap] = []) {
        self.text = text
        self.location = location
        self.listLevel = listLevel
        self.wraps = wraps
    }

    /// The last source line the text stands on: its start's, or its last wrap's.
    public var lastSourceLine: Int { wraps.last?.location.line ?? location.line }

    /// The source location `scalars` scalars after the start of a part of the line on one
    /// source line: the wrap of index `segment`, or the line's start for -1 (``segment(at:)``).
    func location(scalars: Int, in segment: Int) -> SourceLocation {
        let base = segment < 0 ? location : wraps[segment].location
        return SourceLocation(line: base.line, column: base.column + scalars)
    }

    /// The index of the last wrap at or before UTF-8 `offset` of the text, -1 for none, and the
    /// offset it starts at.
    func segment(at offset: Int) -> (index: Int, start: Int) {
        var low = 0, high = wraps.count
        while low < high {
            let middle = (low + high) / 2
            if wraps[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? (-1, 0) : (low - 1, wraps[low - 1].offset)
    }
}
