/// The content of a section: paragraphs of running text and tables.
public enum Block: Sendable, Hashable {
    /// Consecutive lines with no blank line between them. Text hard-wrapped by a PDF export
    /// stays together here, so a sentence or an amount broken across two lines can be read whole.
    case paragraph([Line])
    /// A table, row by row and cell by cell.
    case table(Table)

    /// Every line of the block in source order (a table row counts as one line).
    public var lines: [Line] {
        switch self {
        case .paragraph(let lines): lines
        case .table(let table): table.rows.map { Line($0.text, at: $0.location) }
        }
    }

    /// The first source line of the block.
    public var firstLine: Int { lines.first?.location.line ?? 0 }
    /// The last source line of the block, wraps included (``Line/lastSourceLine``).
    public var lastLine: Int {
        switch self {
        case .paragraph(let lines): lines.last?.lastSourceLine ?? 0
        case .table(let table): table.lastLine
        }
    }
}
