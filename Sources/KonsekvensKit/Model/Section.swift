/// One section of an agenda item: its heading as written, what kind it is, and its content.
public struct Section: Sendable, Hashable {
    /// The heading as written, without markup ("Økonomiske konsekvenser").
    public var name: String
    public var kind: SectionKind
    /// Where the heading stands; for an unlabelled section, its first content line.
    public var heading: SourceLocation
    public var blocks: [Block]
    /// What the section held, kept when its text is dropped (``Document/droppingText()``).
    private var keptLastLine: Int?
    private var keptTableCount: Int?

    public init(name: String, kind: SectionKind, heading: SourceLocation, blocks: [Block] = []) {
        self.name = name
        self.kind = kind
        self.heading = heading
        self.blocks = blocks
    }

    /// The first line of the section, the heading's.
    public var firstLine: Int { heading.line }
    /// The last line with content, or the heading's line for an empty section.
    public var lastLine: Int { keptLastLine ?? blocks.last?.lastLine ?? heading.line }
    /// The number of tables in the section.
    public var tableCount: Int {
        keptTableCount ?? blocks.filter { if case .table = $0 { true } else { false } }.count
    }

    /// The section without its text, keeping its lines and table count: what reports need once
    /// amounts are extracted, so a long run keeps facts, not documents.
    public func droppingText() -> Section {
        var section = self
        section.keptLastLine = lastLine
        section.keptTableCount = tableCount
        section.blocks = []
        return section
    }
    /// All content lines in source order.
    public var lines: [Line] { blocks.flatMap(\.lines) }
    /// The content as plain text, one line per source line.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}
