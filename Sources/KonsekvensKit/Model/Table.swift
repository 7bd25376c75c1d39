/// A table kept as rows of cells: a Markdown pipe table, an HTML `<table>`, or column-aligned
/// text (tabs or runs of spaces) as PDF exports give it.
public struct Table: Sendable, Hashable {
    public var rows: [TableRow]

    public init(rows: [TableRow]) {
        self.rows = rows
    }

    /// The line of the first row.
    public var firstLine: Int { rows.first?.location.line ?? 0 }
    /// The line of the last row.
    public var lastLine: Int { rows.last?.location.line ?? 0 }
}

/// One row of a ``Table``.
public struct TableRow: Sendable, Hashable {
    public var cells: [Line]
    /// Where the row starts in the source file.
    public var location: SourceLocation

    public init(cells: [Line], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }

    /// The row's cells joined by a tab, as plain text.
    public var text: String { cells.map(\.text).joined(separator: "\t") }
}
